import type { DepartmentListResponse } from '../../../server/modules/organisation/organisation.schema.ts';
import { type Resource, useJson } from '../../api/use-json.ts';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

// Department names are the city's own records, written in French whatever the page's language.
const departmentNamesLanguage = 'fr';

export function DepartmentList() {
  const { t } = useI18n();
  const departments = useJson<DepartmentListResponse>('/api/departments');

  return (
    <section>
      <h2>{t.home.departments.title}</h2>
      <Departments resource={departments} />
    </section>
  );
}

function Departments({ resource }: { resource: Resource<DepartmentListResponse> }) {
  const { t } = useI18n();
  if (resource.status !== 'ready') return <StatusMessage status={resource.status} />;
  if (resource.data.items.length === 0) return <p>{t.home.departments.empty}</p>;

  return (
    <>
      <p>{t.home.departments.intro}</p>
      <ul className="department-list">
        {resource.data.items.map((department) => (
          <li key={department.code} className="department-list__item">
            <span className="department-list__code">{department.code}</span>{' '}
            <span lang={departmentNamesLanguage}>{department.name}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
