import { useState } from 'react';
import { Link } from 'react-aria-components';
import type { QueueItem, QueueResponse } from '../../../server/modules/helpdesk/helpdesk.schema.ts';
import { priorities, ticketCategories } from '../../../server/modules/helpdesk/helpdesk-rules.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useHelpdeskText } from '../help/helpdesk-text.ts';
import { useTicketAnnounce } from '../help/ticket-announce.ts';
import { staffPaths } from '../staff-paths.ts';
import { navigate, useSearch } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import { pageFrom, queryString } from '../staff-query.ts';
import { StaffLayout } from '../StaffLayout.tsx';

const statusOptions = ['open', 'new', 'assigned', 'pending', 'solved', 'closed'] as const;

// Support's queue for its perimeter: overdue first (said in words, not only in colour), then by priority.
export function TicketQueuePage() {
  const text = useHelpdeskText();
  const [filters, setFilters] = useState({ status: 'open', priority: '', category: '', assignee: 'anyone', overdue: '' });
  const page = pageFrom(new URLSearchParams(useSearch()).get('page'));
  // Other criteria, other results: back to their first page.
  const set = (name: keyof typeof filters) => (value: string) => {
    setFilters((previous) => ({ ...previous, [name]: value }));
    if (page > 1) navigate(paths.supportTickets);
  };
  return (
    <StaffLayout area="support" title={text.queue.title} lead={text.queue.lead}>
      <div className="filters">
        <NativeSelect label={text.queue.status} value={filters.status} onChange={set('status')} options={statusOptions.map((s) => ({ value: s, label: s === 'open' ? text.queue.open : text.statuses[s] }))} />
        <NativeSelect label={text.queue.priority} value={filters.priority} onChange={set('priority')} emptyLabel={text.queue.any} options={priorities.map((p) => ({ value: p, label: text.priorities[p] }))} />
        <NativeSelect label={text.queue.category} value={filters.category} onChange={set('category')} emptyLabel={text.queue.any} options={ticketCategories.map((c) => ({ value: c, label: text.categories[c] }))} />
        <NativeSelect label={text.queue.assignee} value={filters.assignee} onChange={set('assignee')} options={(['anyone', 'me', 'nobody'] as const).map((a) => ({ value: a, label: text.queue.assignees[a] }))} />
        <NativeSelect label={text.queue.overdueOnly} value={filters.overdue} onChange={set('overdue')} emptyLabel={text.queue.any} options={[{ value: 'true', label: text.queue.overdueOnly }]} />
      </div>
      <Queue query={queryString({ ...filters, priority: filters.priority || undefined, category: filters.category || undefined, overdue: filters.overdue || undefined, page: page > 1 ? page : undefined })} />
    </StaffLayout>
  );
}

function Queue({ query }: { query: string }) {
  const text = useHelpdeskText();
  const { locale } = useI18n();
  const { resource, reload } = useApi<QueueResponse>(`/api/support/tickets${query}`);
  const { message, messageRef, announce } = useTicketAnnounce();
  const [error, setError] = useState<unknown>();
  const [taking, setTaking] = useState<string>();
  if (resource.status === 'failed') return <LoadFailure error={resource.error} />;
  if (resource.status === 'loading') return <StatusMessage status="loading" />;

  const take = async (item: QueueItem) => {
    setTaking(item.id);
    setError(undefined);
    try {
      await api.post(`/api/support/tickets/${item.id}/assign`, {});
      await reload();
      announce(text.queue.taken(item.number));
    } catch (caught) {
      setError(caught);
    } finally {
      setTaking(undefined);
    }
  };

  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title" className="visually-hidden">
        {text.queue.title}
      </h2>
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {message ? (
          <Alert tone="success" announce>
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>
      {error ? <ProblemAlert error={error} /> : null}
      <p role="status" className="results-count">
        {text.queue.count(resource.data.total)}
      </p>
      {resource.data.items.length === 0 ? (
        <Alert tone="info">
          <p>{text.queue.none}</p>
        </Alert>
      ) : (
        <ul className="item-cards" aria-label={text.queue.title}>
          {resource.data.items.map((item) => {
            const overdue = item.targets.ownOverdue || item.targets.resolveOverdue;
            return (
              <li key={item.id} className={`item-card${overdue ? ' item-card--open' : ''}`}>
                <div className="item-card__main">
                  <h3 className="item-card__title">
                    <Link href={staffPaths.supportTicket(item.id)}>
                      {text.number(item.number)} : <span lang="fr">{item.title}</span>
                    </Link>
                  </h3>
                  <p className="item-card__subtitle">
                    {overdue ? <strong>{item.targets.ownOverdue ? text.queue.overdueOwn : text.queue.overdueResolve} · </strong> : null}
                    {item.callbackRequested ? <strong>{text.queue.callback} · </strong> : null}
                    {text.priorities[item.priority]} · {text.statuses[item.status]} · {text.categories[item.category]}
                  </p>
                  <dl className="item-card__facts">
                    <div>
                      <dt>{text.queue.agent}</dt>
                      <dd>
                        {item.agent.firstName} {item.agent.lastName} ({item.agent.badgeNumber}, {item.agent.departmentCode})
                      </dd>
                    </div>
                    <div>
                      <dt>{text.queue.assignedTo}</dt>
                      <dd>{item.assignee ? `${item.assignee.firstName} ${item.assignee.lastName}` : text.queue.nobody}</dd>
                    </div>
                    <div>
                      <dt>{item.status === 'new' ? text.queue.ownBy : text.queue.resolveBy}</dt>
                      <dd>{formatDateTime(item.status === 'new' ? item.targets.ownBy : item.targets.resolveBy, locale)}</dd>
                    </div>
                  </dl>
                </div>
                {item.assignee || item.status === 'closed' ? null : (
                  <PendingButton className="button button--secondary button--small" pending={taking === item.id} onPress={() => void take(item)} aria-label={text.queue.takeNamed(item.number)}>
                    {text.queue.take}
                  </PendingButton>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination
        page={resource.data.page}
        pageCount={Math.max(1, Math.ceil(resource.data.total / resource.data.pageSize))}
        hrefFor={(next) => paths.supportTickets + queryString({ page: next > 1 ? next : undefined })}
      />
    </section>
  );
}
