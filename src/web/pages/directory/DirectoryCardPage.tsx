import { Link } from 'react-aria-components';
import type { z } from 'zod';
import type { DirectoryEntryDetail } from '../../../server/modules/directory/directory.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Fact, Facts } from '../../components/Facts.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import { StaffLayout } from '../StaffLayout.tsx';
import { staffPaths } from '../staff-paths.ts';
import { useRouteParameter } from '../staff-routes.ts';
import { ContactLines } from './DirectoryEntryCard.tsx';
import { PersonLink } from './PersonLink.tsx';

type Entry = z.infer<typeof DirectoryEntryDetail>;

export function DirectoryCardPage() {
  const { admin } = useI18n();
  const text = admin.directory;
  const id = useRouteParameter();
  const { resource } = useApi<Entry>(`/api/directory/agents/${encodeURIComponent(id)}`);

  if (resource.status !== 'ready') {
    return (
      <StaffLayout area="directory" title={text.cardTitle}>
        <BackLink />
        {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : <StatusMessage status="loading" />}
      </StaffLayout>
    );
  }
  const entry = resource.data;
  return (
    <StaffLayout area="directory" title={`${entry.firstName} ${entry.lastName}`} lead={<span lang="fr">{entry.jobTitle}</span>}>
      <BackLink />
      <section aria-labelledby="work-title" className="staff-section">
        <h2 id="work-title">{text.workTitle}</h2>
        <Facts>
          <Fact label={text.department}>
            <Link href={staffPaths.directoryDepartment(entry.department.code)}>
              <span lang="fr">{entry.department.name}</span> ({entry.department.code})
            </Link>
          </Fact>
          <Fact label={text.service}>{entry.service ? <span lang="fr">{entry.service.name}</span> : text.none}</Fact>
          {entry.unit ? (
            <Fact label={text.unit}>
              <span lang="fr">{entry.unit.name}</span>
            </Fact>
          ) : null}
          <Fact label={text.site}>
            {entry.site ? (
              <span lang="fr">
                {entry.site.name}
                <span className="fact-detail">
                  {entry.site.address}, {entry.site.postalCode} {entry.site.city}
                </span>
              </span>
            ) : (
              text.none
            )}
          </Fact>
        </Facts>
      </section>

      <section aria-labelledby="contact-title" className="staff-section">
        <h2 id="contact-title">{text.contactTitle}</h2>
        <ContactLines phone={entry.professionalPhone} email={entry.email} />
      </section>

      <section aria-labelledby="manager-title" className="staff-section">
        <h2 id="manager-title">{text.managerTitle}</h2>
        {entry.manager ? (
          <p className="person-line">
            <PersonLink person={entry.manager} />
          </p>
        ) : (
          <p className="muted">{text.noManager}</p>
        )}
      </section>

      {entry.directReports.length > 0 ? (
        <section aria-labelledby="team-title" className="staff-section">
          <h2 id="team-title">{text.teamTitle(entry.directReports.length)}</h2>
          <ul className="person-list">
            {entry.directReports.map((person) => (
              <li key={person.id}>
                <PersonLink person={person} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </StaffLayout>
  );
}

function BackLink() {
  const { admin } = useI18n();
  return (
    <p className="back-link">
      <Link href={paths.directory}>
        <span aria-hidden="true">← </span>
        {admin.directory.back}
      </Link>
    </p>
  );
}
