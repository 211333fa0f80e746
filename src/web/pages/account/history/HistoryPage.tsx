import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../api/api-client.ts';
import { Alert } from '../../../components/Alert.tsx';
import { PendingButton } from '../../../components/PendingButton.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { useMediaQuery } from '../../../components/use-media-query.ts';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { AccountPageLayout } from '../AccountPageLayout.tsx';
import { HistoryList, HistoryTable } from './HistoryEvents.tsx';
import { NotMeDialog } from './NotMeDialog.tsx';
import type { ConnectionEvent, ConnectionHistory } from './history-types.ts';

type ResultFilter = 'all' | 'success' | 'failure' | 'info';
type Period = '30' | '90' | '365';
const pageSize = 25;

export function HistoryPage() {
  const { t } = useI18n();
  const text = t.account.history;
  const wide = useMediaQuery('(min-width: 60rem)');
  const [result, setResult] = useState<ResultFilter>('all');
  const [period, setPeriod] = useState<Period>('90');
  const [items, setItems] = useState<ConnectionEvent[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>();
  const [announcement, setAnnouncement] = useState<{ loaded: 'first' | 'more'; count: number; more: boolean }>();
  const [firstNew, setFirstNew] = useState<string>();
  const [reporting, setReporting] = useState<ConnectionEvent>();
  const listRef = useRef<HTMLDivElement>(null);

  const url = useCallback(
    (cursor?: string) => {
      const query = new URLSearchParams({ days: period, limit: String(pageSize) });
      if (result !== 'all') query.set('result', result);
      if (cursor) query.set('cursor', cursor);
      return `/api/me/connections?${query}`;
    },
    [period, result],
  );

  useEffect(() => {
    const controller = new AbortController();
    setStatus((previous) => (previous === 'ready' ? previous : 'loading'));
    api.get<ConnectionHistory>(url(), { signal: controller.signal }).then(
      (page) => {
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setStatus('ready');
        setFirstNew(undefined);
        setAnnouncement({ loaded: 'first', count: page.items.length, more: page.nextCursor !== null });
      },
      () => {
        if (!controller.signal.aborted) setStatus('failed');
      },
    );
    return () => controller.abort();
  }, [url]);

  async function loadMore() {
    if (!nextCursor) return;
    setLoadingMore(true);
    setError(undefined);
    try {
      const page = await api.get<ConnectionHistory>(url(nextCursor));
      setItems((previous) => [...previous, ...page.items]);
      setNextCursor(page.nextCursor);
      setFirstNew(page.items[0]?.id);
      setAnnouncement({ loaded: 'more', count: page.items.length, more: page.nextCursor !== null });
    } catch (caught) {
      setError(caught);
    } finally {
      setLoadingMore(false);
    }
  }

  // After "load more", the first new event takes the focus: the reader goes on where the list grew.
  useEffect(() => {
    if (firstNew) listRef.current?.querySelector<HTMLElement>(`[data-event-id="${firstNew}"]`)?.focus();
  }, [firstNew]);

  return (
    <AccountPageLayout title={text.title} lead={text.lead}>
      <div className="filters" role="group" aria-label={text.filters}>
        <SelectField<ResultFilter>
          label={text.resultFilter}
          value={result}
          onChange={setResult}
          options={[
            { id: 'all', label: text.results.all },
            { id: 'success', label: text.results.success },
            { id: 'failure', label: text.results.failure },
            { id: 'info', label: text.results.info },
          ]}
        />
        <SelectField<Period>
          label={text.periodFilter}
          value={period}
          onChange={setPeriod}
          options={[
            { id: '30', label: text.periods.days(30) },
            { id: '90', label: text.periods.days(90) },
            { id: '365', label: text.periods.year },
          ]}
        />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement?.loaded === 'first' ? text.shown(announcement.count, announcement.more) : null}
        {announcement?.loaded === 'more' ? text.loadedMore(announcement.count) : null}
      </p>
      {status !== 'ready' ? (
        <StatusMessage status={status} />
      ) : items.length === 0 ? (
        <Alert tone="info">
          <p>{text.empty}</p>
        </Alert>
      ) : (
        <div ref={listRef}>
          {wide ? <HistoryTable events={items} onReport={setReporting} /> : <HistoryList events={items} onReport={setReporting} />}
        </div>
      )}
      {error ? <ProblemAlert error={error} /> : null}
      {status === 'ready' && nextCursor ? (
        <div className="form-actions">
          <PendingButton className="button button--secondary" onPress={loadMore} pending={loadingMore}>
            {text.loadMore}
          </PendingButton>
        </div>
      ) : null}
      <p className="muted">{text.notMeHint}</p>
      {reporting ? <NotMeDialog event={reporting} onClose={() => setReporting(undefined)} /> : null}
    </AccountPageLayout>
  );
}
