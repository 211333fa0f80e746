import { useRef, useState } from 'react';
import { Button, Link } from 'react-aria-components';
import type { AlertsResponse, SecurityAlert } from '../../../server/modules/support-console/support-console.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { navigate, useSearch } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import { StaffLayout } from '../StaffLayout.tsx';
import { pageFrom, queryString } from '../staff-query.ts';
import { staffPaths } from '../staff-paths.ts';

type Status = 'open' | 'handled' | 'all';
const pageSize = 20;
const statuses: readonly Status[] = ['open', 'handled', 'all'];

// "It wasn't me" reports of the support agent's perimeter: the open ones first, each handled with a note.
export function SecurityAlertsPage() {
  const { admin } = useI18n();
  const text = admin.support.alerts;
  const search = useSearch();
  const params = new URLSearchParams(search);
  const status = statuses.find((candidate) => candidate === params.get('statut')) ?? 'open';
  const page = pageFrom(params.get('page'));
  const hrefFor = (nextPage: number) => paths.supportAlerts + queryString({ statut: status === 'open' ? undefined : status, page: nextPage > 1 ? nextPage : undefined });

  return (
    <StaffLayout area="support" title={text.title} lead={text.lead}>
      <div className="filters">
        <NativeSelect
          label={text.filter}
          value={status}
          options={statuses.map((value) => ({ value, label: text.statuses[value] }))}
          onChange={(value) => navigate(paths.supportAlerts + queryString({ statut: value === 'open' ? undefined : value }))}
        />
      </div>
      <AlertList key={search} status={status} page={page} hrefFor={hrefFor} />
    </StaffLayout>
  );
}

function AlertList({ status, page, hrefFor }: { status: Status; page: number; hrefFor(page: number): string }) {
  const { t, admin, locale } = useI18n();
  const text = admin.support.alerts;
  const { resource, reload } = useApi<AlertsResponse>(`/api/support/security-alerts${queryString({ status, page, pageSize })}`);
  const [handling, setHandling] = useState<SecurityAlert>();
  const [message, setMessage] = useState<string>();
  const messageRef = useRef<HTMLDivElement>(null);

  if (resource.status === 'failed') return <LoadFailure error={resource.error} />;
  if (resource.status === 'loading') return <StatusMessage status="loading" />;
  const data = resource.data;

  return (
    <section aria-labelledby="alerts-title">
      <h2 id="alerts-title" className="visually-hidden">
        {text.listTitle}
      </h2>
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {message ? (
          <Alert tone="success">
            <p>{message}</p>
          </Alert>
        ) : null}
      </div>
      <p role="status" className="results-count">
        {text.count(data.total, data.openCount)}
      </p>
      {data.items.length === 0 ? (
        <Alert tone="info">
          <p>{status === 'open' ? text.noneOpen : text.none}</p>
        </Alert>
      ) : (
        <ul className="item-cards" aria-label={text.listTitle}>
          {data.items.map((alert) => {
            const who = `${alert.agent.firstName} ${alert.agent.lastName}`;
            return (
              <li key={alert.id} className={`item-card${alert.handled ? '' : ' item-card--open'}`}>
                <div className="item-card__main">
                  <h3 className="item-card__title">
                    <Link href={staffPaths.supportAccount(alert.agent.badgeNumber)}>{who}</Link> ({alert.agent.badgeNumber}, {alert.agent.department})
                  </h3>
                  <p className="item-card__subtitle">
                    {text.kinds[alert.kind as keyof typeof text.kinds] ?? alert.kind} · {formatDateTime(alert.createdAt, locale)}
                  </p>
                  <dl className="item-card__facts">
                    <div>
                      <dt>{text.network}</dt>
                      <dd>
                        {alert.networkZone === 'internal' ? t.common.internalNetwork : t.common.externalNetwork} ({alert.ip})
                      </dd>
                    </div>
                    <div>
                      <dt>{text.state}</dt>
                      <dd>{alert.handled ? text.handledOn(formatDateTime(alert.handled.at, locale), alert.handled.by ?? text.someone) : text.open}</dd>
                    </div>
                    {alert.handled?.note ? (
                      <div>
                        <dt>{text.note}</dt>
                        <dd lang="fr">{alert.handled.note}</dd>
                      </div>
                    ) : null}
                  </dl>
                </div>
                {alert.handled ? null : (
                  <Button className="button button--secondary button--small" onPress={() => setHandling(alert)} aria-label={text.handleNamed(who)}>
                    {text.handle}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} pageCount={Math.max(1, Math.ceil(data.total / pageSize))} hrefFor={hrefFor} />
      {handling ? (
        <FormDialog
          title={text.handleTitle(`${handling.agent.firstName} ${handling.agent.lastName}`)}
          confirmLabel={text.handleConfirm}
          reason={{ minLength: 5, label: text.noteLabel, description: text.noteHint }}
          onClose={() => setHandling(undefined)}
          onSubmit={async (note) => {
            await api.post(`/api/support/security-alerts/${encodeURIComponent(handling.id)}/handle`, { note });
            setHandling(undefined);
            await reload();
            setMessage(text.handled);
            window.requestAnimationFrame(() => messageRef.current?.focus());
          }}
        >
          <p>{text.handleText}</p>
        </FormDialog>
      ) : null}
    </section>
  );
}
