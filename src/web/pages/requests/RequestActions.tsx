import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { z } from 'zod';
import type { CloseReport, DecisionReport, RequestDetail } from '../../../server/modules/requests/requests.schema.ts';
import { api } from '../../api/api-client.ts';
import { AlertDialog } from '../../components/AlertDialog.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

type Open = 'approve' | 'refuse' | 'withdraw' | 'cancel';

// What the reader may do with the request now (the server says which): the agent withdraws or cancels it,
// an approver accepts or refuses it with a reason. Each asks first; the outcome is told by the page.
export function RequestActions({ request, onDone, onFailed }: { request: RequestDetail; onDone(message: string): void; onFailed(error: unknown): void }) {
  const { requests, t } = useI18n();
  const text = requests.common.request;
  const [open, setOpen] = useState<Open>();
  const [busy, setBusy] = useState(false);
  const name = `${request.agent.firstName} ${request.agent.lastName}`;
  const url = `/api/requests/${encodeURIComponent(request.id)}`;

  async function decide(body: { decision: 'approve' } | { decision: 'refuse'; reason: string }) {
    const report = await api.post<z.infer<typeof DecisionReport>>(`${url}/decision`, body);
    setOpen(undefined);
    onDone(text.outcome[report.outcome]);
  }

  async function close(comment: string) {
    const report = await api.post<z.infer<typeof CloseReport>>(`/api/me/requests/${encodeURIComponent(request.id)}/closing`, comment ? { comment } : {});
    setOpen(undefined);
    onDone(text.outcome[report.outcome]);
  }

  async function approve() {
    setBusy(true);
    try {
      await decide({ decision: 'approve' });
    } catch (error) {
      setOpen(undefined);
      onFailed(error);
    } finally {
      setBusy(false);
    }
  }

  const { may } = request;
  if (!may.decide && !may.withdraw && !may.cancel) return null;
  const closing = open === 'withdraw' || open === 'cancel' ? open : undefined;

  return (
    <section aria-labelledby="request-actions-title" className="staff-section">
      <h2 id="request-actions-title">{text.actionsTitle}</h2>
      <div className="request-actions">
        {may.decide ? (
          <>
            <Button className="button button--primary" onPress={() => setOpen('approve')}>
              {text.approve}
            </Button>
            <Button className="button button--danger-outline" onPress={() => setOpen('refuse')}>
              {text.refuse}
            </Button>
          </>
        ) : null}
        {may.withdraw ? (
          <Button className="button button--danger-outline" onPress={() => setOpen('withdraw')}>
            {text.withdraw}
          </Button>
        ) : null}
        {may.cancel ? (
          <Button className="button button--danger-outline" onPress={() => setOpen('cancel')}>
            {text.cancel}
          </Button>
        ) : null}
      </div>
      {open === 'approve' ? (
        <AlertDialog
          title={text.approveTitle(name)}
          confirmLabel={text.approve}
          cancelLabel={t.common.cancel}
          busy={busy}
          onConfirm={() => void approve()}
          onCancel={() => setOpen(undefined)}
          onDismiss={() => setOpen(undefined)}
        >
          <p lang="fr">{text.approveText(request.kindLabel, request.summary)}</p>
        </AlertDialog>
      ) : null}
      {open === 'refuse' ? (
        <FormDialog
          title={text.refuseTitle(name)}
          confirmLabel={text.refuse}
          tone="danger"
          reason={{ minLength: 5, label: text.refuseReason, description: text.refuseReasonHint }}
          onSubmit={(reason) => decide({ decision: 'refuse', reason })}
          onClose={() => setOpen(undefined)}
        >
          <p lang="fr">{text.approveText(request.kindLabel, request.summary)}</p>
        </FormDialog>
      ) : null}
      {closing ? (
        <FormDialog
          title={closing === 'withdraw' ? text.withdrawTitle : text.cancelTitle}
          confirmLabel={closing === 'withdraw' ? text.withdraw : text.cancelConfirm}
          tone="danger"
          reason={{ minLength: 1, optional: true, label: text.commentLabel, description: text.commentHint }}
          onSubmit={close}
          onClose={() => setOpen(undefined)}
        >
          <p>{closing === 'withdraw' ? text.withdrawText : text.cancelText}</p>
        </FormDialog>
      ) : null}
    </section>
  );
}
