import { Link } from 'react-aria-components';
import type { OrganisationChart } from '../../../server/modules/directory/directory.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import { StaffLayout } from '../StaffLayout.tsx';
import { queryString } from '../staff-query.ts';
import { useRouteParameter } from '../staff-routes.ts';
import { PersonLink } from './PersonLink.tsx';

// The department as nested lists: director, then each service with its head, then its units with their
// managers. Headings let a screen reader jump from service to service.
export function OrganisationChartPage() {
  const { admin } = useI18n();
  const text = admin.directory;
  const code = useRouteParameter().toUpperCase();
  const { resource } = useApi<OrganisationChart>(`/api/directory/departments/${encodeURIComponent(code)}/organisation`);

  if (resource.status !== 'ready') {
    return (
      <StaffLayout area="directory" title={text.chartTitle(code)}>
        {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : <StatusMessage status="loading" />}
      </StaffLayout>
    );
  }
  const chart = resource.data;
  return (
    <StaffLayout
      area="directory"
      title={text.chartTitle(chart.department.code)}
      lead={
        <>
          <span lang="fr">{chart.department.name}</span> · {text.headcount(chart.headcount)}
        </>
      }
    >
      <p className="back-link">
        <Link href={paths.directory + queryString({ direction: chart.department.code })}>{text.searchInDepartment(chart.department.code)}</Link>
      </p>
      <section aria-labelledby="director-title" className="org-director">
        <h2 id="director-title">{text.director}</h2>
        {chart.director ? (
          <p className="person-line">
            <PersonLink person={chart.director} />
          </p>
        ) : (
          <p className="muted">{text.noDirector}</p>
        )}
      </section>
      {chart.services.length === 0 ? <p>{text.noService}</p> : null}
      <ul className="org-services">
        {chart.services.map((service) => (
          <li key={service.id} className="org-service">
            <h2 className="org-service__name" lang="fr">
              {service.name}
            </h2>
            <p className="org-service__meta">
              {text.headcount(service.headcount)} ·{' '}
              <Link href={paths.directory + queryString({ direction: chart.department.code, service: service.id })}>{text.seeAgents}</Link>
            </p>
            <p className="person-line">
              <span className="person-line__role">{text.serviceHead}</span>{' '}
              {service.head ? <PersonLink person={service.head} /> : <span className="muted">{text.vacant}</span>}
            </p>
            {service.units.length > 0 ? (
              <>
                <h3 className="org-units__title">{text.unitsTitle(service.units.length)}</h3>
                <ul className="org-units">
                  {service.units.map((unit) => (
                    <li key={unit.id} className="org-unit">
                      <p className="org-unit__name" lang="fr">
                        {unit.name} <span className="org-unit__count">({text.headcount(unit.headcount)})</span>
                      </p>
                      <p className="person-line">
                        <span className="person-line__role">{text.unitManager}</span>{' '}
                        {unit.manager ? <PersonLink person={unit.manager} /> : <span className="muted">{text.vacant}</span>}
                      </p>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </StaffLayout>
  );
}
