import { Link } from 'react-aria-components';
import type { z } from 'zod';
import type { MyContacts as MyContactsResponse } from '../../../server/modules/directory/directory.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import '../../theme/staff.css';
import { DirectoryEntryCard } from '../directory/DirectoryEntryCard.tsx';

type Contacts = z.infer<typeof MyContactsResponse>;

// Who to ask: the agent's manager, and the HR officers of their department, with how to reach them.
export function MyContacts() {
  const { admin } = useI18n();
  const text = admin.home;
  const { resource } = useApi<Contacts>('/api/me/contacts');

  return (
    <section aria-labelledby="contacts-title" className="my-contacts">
      <h2 id="contacts-title">{text.contactsTitle}</h2>
      {resource.status !== 'ready' ? (
        <StatusMessage status={resource.status} />
      ) : (
        <ul className="person-cards">
          <li>
            {resource.data.manager ? (
              <DirectoryEntryCard entry={resource.data.manager} headingLevel={3} role={text.manager} />
            ) : (
              <article className="person-card">
                <p className="person-card__role">{text.manager}</p>
                <p className="muted">{text.noManager}</p>
              </article>
            )}
          </li>
          {resource.data.hrContacts.length === 0 ? (
            <li>
              <article className="person-card">
                <p className="person-card__role">{text.hr}</p>
                <p className="muted">{text.noHr}</p>
              </article>
            </li>
          ) : (
            resource.data.hrContacts.map((contact) => (
              <li key={contact.id}>
                <DirectoryEntryCard entry={contact} headingLevel={3} role={text.hr} />
              </li>
            ))
          )}
        </ul>
      )}
      <p>
        <Link href={paths.directory}>{text.directoryLink}</Link>
      </p>
    </section>
  );
}
