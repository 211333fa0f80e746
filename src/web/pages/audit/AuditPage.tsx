import { type FormEvent, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { z } from 'zod';
import type { AuditPageResponse } from '../../../server/modules/audit/audit.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { navigate, useSearch } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import { StaffLayout } from '../StaffLayout.tsx';
import { queryString } from '../staff-query.ts';
import { AuditChanges } from './AuditChanges.tsx';
import { auditActions } from './audit-actions.ts';

type AuditPage = z.infer<typeof AuditPageResponse>;
type AuditEvent = AuditPage['items'][number];
type Filters = { actor: string; action: string; target: string; from: string; to: string; q: string };
const pageSize = 50;

// Filters in the address (French names), the API's names for the request.
function filtersFrom(search: string): Filters {
  const params = new URLSearchParams(search);
  return {
    actor: params.get('auteur') ?? '',
    action: params.get('action') ?? '',
    target: params.get('cible') ?? '',
    from: params.get('du') ?? '',
    to: params.get('au') ?? '',
    q: params.get('texte') ?? '',
  };
}

const apiQuery = (filters: Filters) => ({ actor: filters.actor, action: filters.action, target: filters.target, from: filters.from, to: filters.to, q: filters.q });

export function AuditPage() {
  const { admin } = useI18n();
  const text = admin.audit;
  const search = useSearch();
  const filters = filtersFrom(search);

  return (
    <StaffLayout area="audit" title={text.title} lead={text.lead}>
      <FilterForm key={search} initial={filters} />
      <Entries key={search} filters={filters} />
    </StaffLayout>
  );
}

function FilterForm({ initial }: { initial: Filters }) {
  const { admin } = useI18n();
  const text = admin.audit;
  const [filters, setFilters] = useState(initial);
  const set = (field: keyof Filters) => (value: string) => setFilters((previous) => ({ ...previous, [field]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    navigate(
      paths.audit +
        queryString({ auteur: filters.actor, action: filters.action, cible: filters.target, du: filters.from, au: filters.to, texte: filters.q }),
    );
  }

  return (
    <Form onSubmit={submit} role="search" aria-label={text.searchLabel} className="search-panel search-panel--grid">
      <TextInput label={text.actor} description={text.actorHint} value={filters.actor} onChange={set('actor')} />
      <NativeSelect
        label={text.action}
        value={filters.action}
        emptyLabel={text.allActions}
        options={auditActions.map((action) => ({ value: action, label: text.actions[action] }))}
        onChange={set('action')}
      />
      <TextInput label={text.target} description={text.targetHint} value={filters.target} onChange={set('target')} />
      <TextInput label={text.from} type="date" value={filters.from} onChange={set('from')} />
      <TextInput label={text.to} type="date" value={filters.to} onChange={set('to')} />
      <TextInput label={text.text} description={text.textHint} type="search" value={filters.q} onChange={set('q')} />
      <div className="search-panel__actions">
        <Button type="submit" className="button button--primary">
          {text.submit}
        </Button>
      </div>
    </Form>
  );
}

function Entries({ filters }: { filters: Filters }) {
  const { admin, locale } = useI18n();
  const text = admin.audit;
  const base = queryString({ ...apiQuery(filters), limit: pageSize });
  const { resource } = useApi<AuditPage>(`/api/audit${base}`);
  const [older, setOlder] = useState<AuditEvent[]>([]);
  const [before, setBefore] = useState<number | null | undefined>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  if (resource.status === 'failed') return <LoadFailure error={resource.error} />;
  const data = resource.status === 'ready' ? resource.data : undefined;
  const events = data ? [...data.items, ...older] : [];
  const next = before === undefined ? data?.nextBefore : before;

  async function loadOlder() {
    if (!next) return;
    setPending(true);
    setError(undefined);
    try {
      const page = await api.get<AuditPage>(`/api/audit${queryString({ ...apiQuery(filters), limit: pageSize, before: next })}`);
      setOlder((previous) => [...previous, ...page.items]);
      setBefore(page.nextBefore);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="entries-title">
      <div className="section-heading">
        <h2 id="entries-title">{text.entriesTitle}</h2>
        {/* A plain link: the export is a GET with the session cookie, the browser saves the file. */}
        <a href={`/api/audit/export${queryString(apiQuery(filters))}`} className="button button--secondary button--small" download>
          {text.export}
        </a>
      </div>
      <p role="status" className="results-count">
        {data ? text.shown(events.length, Boolean(next)) : admin.common.searching}
      </p>
      {data && events.length === 0 ? (
        <Alert tone="info">
          <p>{text.empty}</p>
        </Alert>
      ) : null}
      {events.length > 0 ? (
        <ResponsiveTable<AuditEvent>
          caption={text.caption}
          rows={events}
          rowKey={(event) => String(event.id)}
          title={{ key: 'at', header: text.columns.at, cell: (event) => formatDateTime(event.at, locale), nowrap: true }}
          columns={[
            {
              key: 'actor',
              header: text.columns.actor,
              cell: (event) => (
                <>
                  {event.actor}
                  {event.actorIp ? <span className="data-table__detail">{event.actorIp}</span> : null}
                </>
              ),
            },
            {
              key: 'action',
              header: text.columns.action,
              cell: (event) => (
                <>
                  {text.actions[event.action as keyof typeof text.actions] ?? event.action}
                  <span className="data-table__detail">
                    <code>{event.action}</code>
                  </span>
                </>
              ),
            },
            {
              key: 'target',
              header: text.columns.target,
              cell: (event) => (
                <>
                  {event.target ?? '—'}
                  {event.department ? <span className="data-table__detail">{event.department}</span> : null}
                </>
              ),
            },
            { key: 'reason', header: text.columns.reason, cell: (event) => (event.reason ? <span lang="fr">{event.reason}</span> : <span className="muted">—</span>) },
            { key: 'changes', header: text.columns.changes, cell: (event) => <AuditChanges changes={event.changes} /> },
          ]}
        />
      ) : null}
      {error ? <ProblemAlert error={error} /> : null}
      {next ? (
        <div className="form-actions">
          <PendingButton className="button button--secondary" pending={pending} onPress={() => void loadOlder()}>
            {text.older}
          </PendingButton>
        </div>
      ) : null}
    </section>
  );
}
