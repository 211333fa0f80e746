import { useRef, useState } from 'react';
import { Checkbox, Link } from 'react-aria-components';
import type { z } from 'zod';
import type { BulkApproveReport, Inbox } from '../../../server/modules/requests/requests.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { AlertDialog } from '../../components/AlertDialog.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import { agentName, InboxCard } from './InboxCard.tsx';
import { RequestsLayout } from './RequestsLayout.tsx';
import '../../theme/requests.css';

type Report = { lines: string[]; approved: number; failed: number };

// The manager's inbox: what awaits their answer, oldest first (their team, the teams they stand in for,
// HR's step of their perimeter). The simple requests can be approved several at once; each says how it went.
export function InboxPage() {
  const { requests, t } = useI18n();
  const text = requests.common.inbox;
  const { resource, reload } = useApi<Inbox>('/api/inbox');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<unknown>();
  const [noneSelected, setNoneSelected] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);

  const items = resource.status === 'ready' ? resource.data.items : [];
  const selectable = items.filter((item) => item.bulkApprovable);
  const chosen = selectable.filter((item) => selected.has(item.id));

  function select(id: string, on: boolean) {
    setNoneSelected(false);
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function approveChosen() {
    setPending(true);
    setError(undefined);
    setReport(undefined);
    try {
      const answer = await api.post<z.infer<typeof BulkApproveReport>>('/api/inbox/approvals', { ids: chosen.map((item) => item.id) });
      const byId = new Map(chosen.map((item) => [item.id, item]));
      setReport({
        lines: answer.results.map((result) => {
          const item = byId.get(result.id);
          const outcome = result.message ? `${text.results[result.outcome]} (${result.message})` : text.results[result.outcome];
          return item ? text.resultLine(agentName(item), item.kindLabel, outcome) : outcome;
        }),
        approved: answer.results.filter((result) => result.outcome !== 'failed').length,
        failed: answer.results.filter((result) => result.outcome === 'failed').length,
      });
      setSelected(new Set());
    } catch (caught) {
      setError(caught);
    } finally {
      setConfirming(false);
      setPending(false);
      await reload();
      // The cards approved have left the list: the report takes the focus.
      window.requestAnimationFrame(() => messageRef.current?.focus());
    }
  }

  return (
    <RequestsLayout title={text.title} lead={text.lead}>
      <p className="back-link">
        <Link href={paths.delegations}>{text.delegationsLink}</Link>
      </p>
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {error ? <ProblemAlert error={error} /> : null}
        {report ? (
          <Alert tone={report.failed > 0 ? 'warning' : 'success'} title={text.reportTitle(report.approved, report.failed)} announce>
            <ul className="alert__list">
              {report.lines.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
      </div>
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' && items.length === 0 ? (
        <Alert tone="info" title={text.emptyTitle}>
          <p>{text.empty}</p>
        </Alert>
      ) : null}
      {items.length > 0 ? (
        <>
          <p className="results-count">{text.count(items.length)}</p>
          {selectable.length > 1 ? (
            <Checkbox
              className="checkbox inbox-select-all"
              isSelected={chosen.length === selectable.length}
              isIndeterminate={chosen.length > 0 && chosen.length < selectable.length}
              onChange={(on) => {
                setNoneSelected(false);
                setSelected(new Set(on ? selectable.map((item) => item.id) : []));
              }}
            >
              <span className="checkbox__box" aria-hidden="true" />
              {text.selectAll}
            </Checkbox>
          ) : null}
          <ul className="item-cards inbox-cards" aria-label={text.listLabel}>
            {items.map((item) => (
              <InboxCard key={item.id} item={item} selected={selected.has(item.id)} onSelect={(on) => select(item.id, on)} />
            ))}
          </ul>
          {selectable.length > 0 ? (
            // Kept in sight once something is chosen: approving is then one tap away.
            <div className={chosen.length > 0 ? 'bulk-bar bulk-bar--sticky' : 'bulk-bar'}>
              <PendingButton
                className="button button--primary"
                pending={pending}
                onPress={() => {
                  if (chosen.length === 0) setNoneSelected(true);
                  else setConfirming(true);
                }}
              >
                {text.bulkApprove(chosen.length)}
              </PendingButton>
              <p className="bulk-bar__hint" role="status">
                {noneSelected ? text.noneSelected : ''}
              </p>
            </div>
          ) : null}
        </>
      ) : null}
      {confirming ? (
        <AlertDialog
          title={text.bulkTitle(chosen.length)}
          confirmLabel={text.bulkConfirm}
          cancelLabel={t.common.cancel}
          busy={pending}
          onConfirm={() => void approveChosen()}
          onCancel={() => setConfirming(false)}
          onDismiss={() => setConfirming(false)}
        >
          <ul>
            {chosen.map((item) => (
              <li key={item.id}>{text.resultLine(agentName(item), item.kindLabel, item.summary)}</li>
            ))}
          </ul>
        </AlertDialog>
      ) : null}
    </RequestsLayout>
  );
}
