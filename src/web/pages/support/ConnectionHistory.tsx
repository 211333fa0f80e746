import { useState } from 'react';
import type { ConnectionsResponse } from '../../../server/modules/support-console/support-console.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { eventDetail, eventDevice, eventLabel } from '../account/history/describe-event.ts';

type Event = ConnectionsResponse['items'][number];
const resultIcons = { success: '✓', failure: '✗', info: 'i' } as const;

// The account's last 30 days of sign-ins, sign-outs and security events, as the agent sees them in "My account".
export function ConnectionHistory({ badgeNumber }: { badgeNumber: string }) {
  const { t, admin, locale } = useI18n();
  const text = admin.support.history;
  const base = `/api/support/accounts/${encodeURIComponent(badgeNumber)}/connections?days=30&limit=25`;
  const { resource } = useApi<ConnectionsResponse>(base);
  const [more, setMore] = useState<Event[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  if (resource.status !== 'ready') {
    return (
      <section aria-labelledby="history-title" className="staff-section">
        <h2 id="history-title">{text.title}</h2>
        {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : <StatusMessage status="loading" />}
      </section>
    );
  }
  const events = [...resource.data.items, ...more];
  const next = cursor === undefined ? resource.data.nextCursor : cursor;

  async function loadMore() {
    if (!next) return;
    setPending(true);
    setError(undefined);
    try {
      const page = await api.get<ConnectionsResponse>(`${base}&cursor=${encodeURIComponent(next)}`);
      setMore((previous) => [...previous, ...page.items]);
      setCursor(page.nextCursor);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="history-title" className="staff-section">
      <h2 id="history-title">{text.title}</h2>
      {events.length === 0 ? (
        <p className="muted">{text.empty}</p>
      ) : (
        <ResponsiveTable<Event>
          caption={text.caption}
          rows={events}
          rowKey={(event) => event.id}
          title={{ key: 'at', header: text.columns.at, cell: (event) => formatDateTime(event.at, locale), nowrap: true }}
          columns={[
            {
              key: 'event',
              header: text.columns.event,
              cell: (event) => {
                const detail = eventDetail(event, t);
                return (
                  <>
                    {text.supportKinds[event.kind as keyof typeof text.supportKinds] ?? eventLabel(event, t)}
                    {detail ? <span className="data-table__detail">{detail}</span> : null}
                  </>
                );
              },
            },
            {
              key: 'result',
              header: text.columns.result,
              cell: (event) => (
                <span className={`result result--${event.result}`}>
                  <span className="result__icon" aria-hidden="true">
                    {resultIcons[event.result]}
                  </span>
                  {t.account.history.resultLabels[event.result]}
                </span>
              ),
            },
            { key: 'device', header: text.columns.device, cell: (event) => eventDevice(event, t) },
            {
              key: 'network',
              header: text.columns.network,
              cell: (event) => (
                <>
                  {event.networkZone === 'internal' ? t.common.internalNetwork : t.common.externalNetwork}
                  <span className="data-table__detail">{event.ip}</span>
                </>
              ),
            },
          ]}
        />
      )}
      {error ? <ProblemAlert error={error} /> : null}
      {next ? (
        <div className="form-actions">
          <PendingButton className="button button--secondary" pending={pending} onPress={() => void loadMore()}>
            {text.more}
          </PendingButton>
        </div>
      ) : null}
    </section>
  );
}
