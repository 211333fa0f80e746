import { type FormEvent, useState } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import type { z } from 'zod';
import type { DirectoryPage as DirectoryResults, OrganisationChart } from '../../../server/modules/directory/directory.schema.ts';
import type { DepartmentListResponse } from '../../../server/modules/organisation/organisation.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate, useSearch } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import { StaffLayout } from '../StaffLayout.tsx';
import { pageFrom, queryString } from '../staff-query.ts';
import { staffPaths } from '../staff-paths.ts';
import { DirectoryEntryCard } from './DirectoryEntryCard.tsx';

type Results = z.infer<typeof DirectoryResults>;
const pageSize = 20;

type Criteria = { q: string; department: string; service: string };

export function DirectoryPage() {
  const { admin } = useI18n();
  const text = admin.directory;
  const search = useSearch();
  const params = new URLSearchParams(search);
  const criteria: Criteria = { q: params.get('q') ?? '', department: params.get('direction') ?? '', service: params.get('service') ?? '' };
  const page = pageFrom(params.get('page'));
  const departments = useApi<DepartmentListResponse>('/api/departments');
  const searching = Boolean(criteria.q || criteria.department || criteria.service);

  const hrefFor = (nextPage: number) =>
    paths.directory + queryString({ q: criteria.q, direction: criteria.department, service: criteria.service, page: nextPage > 1 ? nextPage : undefined });

  return (
    <StaffLayout area="directory" title={text.title} lead={text.lead}>
      <SearchForm key={search} initial={criteria} departments={departments.resource.status === 'ready' ? departments.resource.data.items : []} />
      {searching ? (
        <Results key={search} criteria={criteria} page={page} hrefFor={hrefFor} />
      ) : (
        <section aria-labelledby="browse-title">
          <h2 id="browse-title">{text.browseTitle}</h2>
          <p>{text.browseIntro}</p>
          {departments.resource.status === 'ready' ? (
            <ul className="department-links">
              {departments.resource.data.items.map((department) => (
                <li key={department.code}>
                  <Link href={staffPaths.directoryDepartment(department.code)}>
                    <span className="department-links__code">{department.code}</span> <span lang="fr">{department.name}</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <StatusMessage status={departments.resource.status} />
          )}
        </section>
      )}
    </StaffLayout>
  );
}

function SearchForm({ initial, departments }: { initial: Criteria; departments: DepartmentListResponse['items'] }) {
  const { admin } = useI18n();
  const text = admin.directory;
  const [criteria, setCriteria] = useState(initial);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    navigate(paths.directory + queryString({ q: criteria.q, direction: criteria.department, service: criteria.service }));
  }

  return (
    <Form onSubmit={submit} role="search" aria-label={text.searchLabel} className="search-panel">
      <TextInput
        label={text.query}
        description={text.queryHint}
        type="search"
        value={criteria.q}
        onChange={(q) => setCriteria((previous) => ({ ...previous, q }))}
        inputProps={{ autoCapitalize: 'none', spellCheck: false }}
        className="search-panel__query"
      />
      <NativeSelect
        label={text.department}
        value={criteria.department}
        emptyLabel={text.allDepartments}
        options={departments.map((department) => ({ value: department.code, label: `${department.code} – ${department.name}` }))}
        onChange={(department) => setCriteria((previous) => ({ ...previous, department, service: '' }))}
      />
      {criteria.department ? (
        <ServiceSelect
          key={criteria.department}
          department={criteria.department}
          value={criteria.service}
          onChange={(service) => setCriteria((previous) => ({ ...previous, service }))}
        />
      ) : null}
      <div className="search-panel__actions">
        <Button type="submit" className="button button--primary">
          {text.submit}
        </Button>
      </div>
    </Form>
  );
}

// The services of the chosen department come with its organisation chart.
function ServiceSelect({ department, value, onChange }: { department: string; value: string; onChange(service: string): void }) {
  const { admin } = useI18n();
  const text = admin.directory;
  const { resource } = useApi<OrganisationChart>(`/api/directory/departments/${encodeURIComponent(department)}/organisation`);
  const options = resource.status === 'ready' ? resource.data.services.map((service) => ({ value: service.id, label: service.name })) : [];
  return <NativeSelect label={text.service} value={value} emptyLabel={text.allServices} options={options} onChange={onChange} />;
}

function Results({ criteria, page, hrefFor }: { criteria: Criteria; page: number; hrefFor(page: number): string }) {
  const { admin } = useI18n();
  const text = admin.directory;
  const url = `/api/directory${queryString({
    q: criteria.q,
    department: criteria.department,
    service: criteria.service,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  })}`;
  const { resource } = useApi<Results>(url);

  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{text.resultsTitle}</h2>
      <p role="status" className="results-count">
        {resource.status === 'ready'
          ? resource.data.items.length === 0
            ? ''
            : text.resultsRange((page - 1) * pageSize + 1, (page - 1) * pageSize + resource.data.items.length, resource.data.hasMore)
          : resource.status === 'loading'
            ? admin.common.searching
            : ''}
      </p>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'ready' && resource.data.items.length === 0 ? (
        <Alert tone="info" title={text.noResult}>
          <p>{text.noResultHint}</p>
        </Alert>
      ) : null}
      {resource.status === 'ready' && resource.data.items.length > 0 ? (
        <>
          <ul className="person-cards">
            {resource.data.items.map((entry) => (
              <li key={entry.id}>
                <DirectoryEntryCard entry={entry} headingLevel={3} />
              </li>
            ))}
          </ul>
          <Pagination page={page} hasNext={resource.data.hasMore} hrefFor={hrefFor} />
        </>
      ) : null}
    </section>
  );
}
