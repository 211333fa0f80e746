import { Link } from 'react-aria-components';
import type { DirectoryEntry } from '../../../server/modules/directory/directory.schema.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { staffPaths } from '../staff-paths.ts';

// One colleague in a list of results or contacts: who they are and how to reach them, nothing private.
export function DirectoryEntryCard({ entry, headingLevel, role }: { entry: DirectoryEntry; headingLevel: 2 | 3 | 4; role?: string }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="person-card">
      {role ? <p className="person-card__role">{role}</p> : null}
      <Heading className="person-card__name">
        <Link href={staffPaths.directoryAgent(entry.id)}>
          {entry.firstName} {entry.lastName}
        </Link>
      </Heading>
      <p className="person-card__title" lang="fr">
        {entry.jobTitle}
      </p>
      <p className="person-card__place" lang="fr">
        {[entry.department.code, entry.service?.name, entry.unit?.name].filter(Boolean).join(' · ')}
      </p>
      <ContactLines phone={entry.professionalPhone} email={entry.email} />
    </article>
  );
}

/** A phone number and an e-mail address that open the phone or the mail app. */
export function ContactLines({ phone, email }: { phone: string | null; email: string }) {
  const { admin } = useI18n();
  const text = admin.directory;
  return (
    <ul className="contact-lines">
      <li>
        <span className="contact-lines__label">{text.phone}</span>{' '}
        {phone ? <a href={`tel:${phone.replace(/[^+\d]/g, '')}`}>{phone}</a> : <span className="muted">{text.noPhone}</span>}
      </li>
      <li>
        <span className="contact-lines__label">{text.email}</span> <a href={`mailto:${email}`}>{email}</a>
      </li>
    </ul>
  );
}
