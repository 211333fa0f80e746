import { type FormEvent, useState } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import type { z } from 'zod';
import type { AgentListResponse, AgentSummary, HrReferenceResponse } from '../../../server/modules/accounts/accounts.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { AccountStatusTag } from '../../components/AccountStatusTag.tsx';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { navigate, useSearch } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import { StaffLayout } from '../StaffLayout.tsx';
import { pageFrom, queryString } from '../staff-query.ts';
import { staffPaths } from '../staff-paths.ts';

type AgentList = z.infer<typeof AgentListResponse>;
type Reference = z.infer<typeof HrReferenceResponse>;
type Criteria = { q: string; status: string; department: string };
const pageSize = 25;
const statuses = ['pending', 'active', 'suspended', 'departed'] as const;

export function HrAgentsPage() {
  const { admin } = useI18n();
  const text = admin.hr.list;
  const search = useSearch();
  const params = new URLSearchParams(search);
  const criteria: Criteria = { q: params.get('q') ?? '', status: params.get('statut') ?? '', department: params.get('direction') ?? '' };
  const page = pageFrom(params.get('page'));
  const reference = useApi<Reference>('/api/hr/reference');
  const manageable = reference.resource.status === 'ready' ? reference.resource.data.departments.filter((d) => d.manageable) : [];

  const hrefFor = (nextPage: number) =>
    paths.hrAgents + queryString({ q: criteria.q, statut: criteria.status, direction: criteria.department, page: nextPage > 1 ? nextPage : undefined });

  return (
    <StaffLayout area="hr" title={text.title} lead={text.lead}>
      <SearchForm key={search} initial={criteria} departments={manageable} />
      <Results key={search} criteria={criteria} page={page} hrefFor={hrefFor} />
    </StaffLayout>
  );
}

function SearchForm({ initial, departments }: { initial: Criteria; departments: Reference['departments'] }) {
  const { admin } = useI18n();
  const text = admin.hr.list;
  const [criteria, setCriteria] = useState(initial);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    navigate(paths.hrAgents + queryString({ q: criteria.q, statut: criteria.status, direction: criteria.department }));
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
        label={text.status}
        value={criteria.status}
        emptyLabel={text.allStatuses}
        options={statuses.map((status) => ({ value: status, label: admin.common.statuses[status] }))}
        onChange={(status) => setCriteria((previous) => ({ ...previous, status }))}
      />
      {departments.length > 1 ? (
        <NativeSelect
          label={text.department}
          value={criteria.department}
          emptyLabel={text.allDepartments}
          options={departments.map((d) => ({ value: d.code, label: `${d.code} – ${d.name}` }))}
          onChange={(department) => setCriteria((previous) => ({ ...previous, department }))}
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

function Results({ criteria, page, hrefFor }: { criteria: Criteria; page: number; hrefFor(page: number): string }) {
  const { admin, locale } = useI18n();
  const text = admin.hr.list;
  const url = `/api/hr/agents${queryString({ q: criteria.q, status: criteria.status, department: criteria.department, page, pageSize })}`;
  const { resource } = useApi<AgentList>(url);

  if (resource.status === 'failed') return <LoadFailure error={resource.error} />;
  const data = resource.status === 'ready' ? resource.data : undefined;
  return (
    <section aria-labelledby="agents-title">
      <h2 id="agents-title" className="visually-hidden">
        {text.resultsTitle}
      </h2>
      <p role="status" className="results-count">
        {data ? text.count(data.total) : admin.common.searching}
      </p>
      {data && data.items.length === 0 ? (
        <Alert tone="info">
          <p>{text.empty}</p>
        </Alert>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <ResponsiveTable<AgentSummary>
            caption={text.caption}
            rows={data.items}
            rowKey={(agent) => agent.id}
            title={{
              key: 'name',
              header: text.columns.name,
              cell: (agent) => (
                <Link href={staffPaths.hrAgent(agent.id)}>
                  {agent.lastName.toLocaleUpperCase('fr')} {agent.firstName}
                </Link>
              ),
            }}
            columns={[
              { key: 'badge', header: text.columns.badge, cell: (agent) => agent.badgeNumber, nowrap: true },
              {
                key: 'job',
                header: text.columns.job,
                cell: (agent) => (
                  <span lang="fr">
                    {agent.jobTitle}
                    <span className="data-table__detail">{[agent.department.code, agent.service?.name].filter(Boolean).join(' · ')}</span>
                  </span>
                ),
              },
              { key: 'status', header: text.columns.status, cell: (agent) => <AccountStatusTag status={agent.status} /> },
              {
                key: 'dates',
                header: text.columns.dates,
                cell: (agent) => (
                  <>
                    {text.since(formatDate(agent.startDate, locale))}
                    {agent.departureDate ? <span className="data-table__detail">{text.leaves(formatDate(agent.departureDate, locale))}</span> : null}
                  </>
                ),
              },
            ]}
          />
          <Pagination page={page} pageCount={Math.max(1, Math.ceil(data.total / pageSize))} hrefFor={hrefFor} />
        </>
      ) : null}
    </section>
  );
}
