import { Link } from 'react-aria-components';
import type { z } from 'zod';
import type { MyRequestList } from '../../../server/modules/requests/requests.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { navigate, useSearch } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import { staffPaths } from '../staff-paths.ts';
import { queryString } from '../staff-query.ts';
import { RequestsLayout } from './RequestsLayout.tsx';
import { RequestStatusTag, type Status } from './RequestTags.tsx';
import '../../theme/requests.css';

type Item = z.infer<typeof MyRequestList>['items'][number];

// Not RequestStatus.options: a zod schema value in the page would try eval(), which the CSP refuses.
const statuses: readonly Status[] = ['pending', 'approved', 'refused', 'withdrawn', 'cancelled'];

/** The status of the address (?statut=pending), or none for every request. */
function statusFrom(search: string): Status | undefined {
  const asked = new URLSearchParams(search).get('statut');
  return statuses.find((status) => status === asked);
}

// Every request of the agent, whatever its kind, the most recent first; the status filter is kept in the
// address so that coming back from a request shows the same list.
export function MyRequestsPage() {
  const { requests, locale } = useI18n();
  const text = requests.common;
  const status = statusFrom(useSearch());
  const { resource } = useApi<z.infer<typeof MyRequestList>>(`/api/me/requests${queryString({ status })}`);

  return (
    <RequestsLayout title={text.title} lead={text.lead}>
      <div className="filters">
        <NativeSelect
          label={text.mine.filter}
          value={status ?? ''}
          emptyLabel={text.mine.allStatuses}
          options={statuses.map((value) => ({ value, label: text.status[value] }))}
          onChange={(next) => navigate(`${paths.myRequests}${queryString({ statut: next })}`, { replace: true })}
        />
      </div>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' ? (
        <section aria-labelledby="my-requests-title" className="staff-section">
          <h2 id="my-requests-title" className="visually-hidden">
            {text.mine.caption}
          </h2>
          <p role="status" className="results-count">
            {resource.data.items.length === 0 ? (status ? text.mine.emptyFiltered : text.mine.empty) : text.mine.count(resource.data.items.length)}
          </p>
          {resource.data.items.length === 0 && !status ? <p>{text.mine.startHint}</p> : null}
          {resource.data.items.length > 0 ? (
            <ResponsiveTable<Item>
              caption={text.mine.caption}
              rows={resource.data.items}
              rowKey={(row) => row.id}
              title={{
                key: 'kind',
                header: text.mine.columns.kind,
                cell: (row) => (
                  <Link href={staffPaths.request(row.id)} aria-label={text.mine.open(row.kindLabel, row.summary)}>
                    <span lang="fr">{row.kindLabel}</span>
                  </Link>
                ),
              }}
              columns={[
                { key: 'summary', header: text.mine.columns.summary, cell: (row) => <span lang="fr">{row.summary}</span> },
                { key: 'status', header: text.mine.columns.status, cell: (row) => <RequestStatusTag status={row.status} /> },
                { key: 'step', header: text.mine.columns.step, cell: (row) => (row.step ? text.step[row.step] : '—') },
                { key: 'submitted', header: text.mine.columns.submitted, cell: (row) => formatDate(row.submittedAt, locale), nowrap: true },
                { key: 'decided', header: text.mine.columns.decided, cell: (row) => (row.decidedAt ? formatDate(row.decidedAt, locale) : '—'), nowrap: true },
              ]}
            />
          ) : null}
        </section>
      ) : null}
    </RequestsLayout>
  );
}
