import { type FormEvent, useState } from 'react';
import { Button, Checkbox, Form, Link } from 'react-aria-components';
import type { AccountSearchResponse, AccountSummary, AlertsResponse } from '../../../server/modules/support-console/support-console.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { AccountStatusTag, LockedTag } from '../../components/AccountStatusTag.tsx';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure, needsStrongAuthentication, StrongAuthenticationNotice } from '../../components/LoadFailure.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate, useSearch } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import { StaffLayout } from '../StaffLayout.tsx';
import { pageFrom, queryString } from '../staff-query.ts';
import { staffPaths } from '../staff-paths.ts';

type Criteria = { q: string; locked: boolean };
const pageSize = 20;

export function SupportAccountsPage() {
  const { admin } = useI18n();
  const text = admin.support.search;
  const search = useSearch();
  const params = new URLSearchParams(search);
  const criteria: Criteria = { q: params.get('q') ?? '', locked: params.get('bloques') === '1' };
  const page = pageFrom(params.get('page'));
  // The open alerts come first; the same request says whether this session may use the console at all.
  const alerts = useApi<AlertsResponse>('/api/support/security-alerts?status=open&pageSize=1');
  const searching = criteria.q.trim().length >= 2 || criteria.locked;
  const hrefFor = (nextPage: number) =>
    paths.supportAccounts + queryString({ q: criteria.q, bloques: criteria.locked ? '1' : undefined, page: nextPage > 1 ? nextPage : undefined });

  if (alerts.resource.status === 'failed' && needsStrongAuthentication(alerts.resource.error)) {
    return (
      <StaffLayout area="support" title={text.title}>
        <StrongAuthenticationNotice />
      </StaffLayout>
    );
  }
  const openAlerts = alerts.resource.status === 'ready' ? alerts.resource.data.total : 0;
  return (
    <StaffLayout area="support" title={text.title} lead={text.lead}>
      {openAlerts > 0 ? (
        <Alert tone="warning" title={text.openAlerts(openAlerts)}>
          <p>
            <Link href={paths.supportAlerts}>{text.seeAlerts}</Link>
          </p>
        </Alert>
      ) : null}
      <SearchForm key={search} initial={criteria} />
      {searching ? <Results key={search} criteria={criteria} page={page} hrefFor={hrefFor} /> : null}
    </StaffLayout>
  );
}

function SearchForm({ initial }: { initial: Criteria }) {
  const { admin } = useI18n();
  const text = admin.support.search;
  const [criteria, setCriteria] = useState(initial);
  const [error, setError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (criteria.q.trim().length < 2 && !criteria.locked) {
      setError(text.tooShort);
      return;
    }
    navigate(paths.supportAccounts + queryString({ q: criteria.q, bloques: criteria.locked ? '1' : undefined }));
  }

  return (
    <Form onSubmit={submit} role="search" aria-label={text.searchLabel} validationBehavior="aria" className="search-panel">
      <TextInput
        label={text.query}
        description={text.queryHint}
        type="search"
        value={criteria.q}
        onChange={(q) => {
          setCriteria((previous) => ({ ...previous, q }));
          setError(undefined);
        }}
        error={error}
        inputProps={{ autoCapitalize: 'none', spellCheck: false }}
        className="search-panel__query"
      />
      <Checkbox
        className="checkbox search-panel__check"
        isSelected={criteria.locked}
        onChange={(locked) => {
          setCriteria((previous) => ({ ...previous, locked }));
          setError(undefined);
        }}
      >
        <span className="checkbox__box" aria-hidden="true" />
        {text.lockedOnly}
      </Checkbox>
      <div className="search-panel__actions">
        <Button type="submit" className="button button--primary">
          {text.submit}
        </Button>
      </div>
    </Form>
  );
}

function Results({ criteria, page, hrefFor }: { criteria: Criteria; page: number; hrefFor(page: number): string }) {
  const { admin } = useI18n();
  const text = admin.support.search;
  const url = `/api/support/accounts${queryString({ q: criteria.q.trim() || undefined, locked: criteria.locked ? 'true' : undefined, page, pageSize })}`;
  const { resource } = useApi<AccountSearchResponse>(url);
  if (resource.status === 'failed') return <LoadFailure error={resource.error} />;
  const data = resource.status === 'ready' ? resource.data : undefined;

  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">{text.resultsTitle}</h2>
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
          <ResponsiveTable<AccountSummary>
            caption={text.caption}
            rows={data.items}
            rowKey={(account) => account.badgeNumber}
            title={{
              key: 'name',
              header: text.columns.name,
              cell: (account) => (
                <Link href={staffPaths.supportAccount(account.badgeNumber)}>
                  {account.lastName.toLocaleUpperCase('fr')} {account.firstName}
                </Link>
              ),
            }}
            columns={[
              { key: 'badge', header: text.columns.badge, cell: (account) => account.badgeNumber, nowrap: true },
              {
                key: 'where',
                header: text.columns.where,
                cell: (account) => (
                  <span lang="fr">
                    {account.department.code}
                    {account.service ? ` · ${account.service}` : ''}
                    <span className="data-table__detail">{account.email}</span>
                  </span>
                ),
              },
              {
                key: 'state',
                header: text.columns.state,
                cell: (account) => (
                  <span className="tag-row">
                    <AccountStatusTag status={account.status} />
                    {account.locked ? <LockedTag /> : null}
                    {!account.hasAccount ? <span className="status-tag">{text.noAccount}</span> : null}
                    {account.passwordTemporary ? <span className="status-tag">{text.temporaryPassword}</span> : null}
                  </span>
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
