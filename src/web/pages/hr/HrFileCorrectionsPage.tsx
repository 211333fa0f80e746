import { useRef, useState } from 'react';
import { Button, Link } from 'react-aria-components';
import type { z } from 'zod';
import type { CorrectionList, CorrectionView } from '../../../server/modules/personal-file/personal-file.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { AlertDialog } from '../../components/AlertDialog.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import '../../theme/personal-file.css';
import { CorrectionChanges } from '../my-file/CorrectionChanges.tsx';
import { formatFileSize } from '../my-file/file-format.ts';
import { StaffLayout } from '../StaffLayout.tsx';
import { staffPaths } from '../staff-paths.ts';

type Decision = { kind: 'accept' | 'refuse'; request: CorrectionView };

// The correction requests of the officer's perimeter: each one read with its document, then accepted (the file
// changes at once) or refused with a reason the agent receives.
export function HrFileCorrectionsPage() {
  const { t, papers } = useI18n();
  const text = papers.file.hrCorrections;
  const { resource, reload } = useApi<z.infer<typeof CorrectionList>>('/api/hr/file-corrections');
  const [deciding, setDeciding] = useState<Decision>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ message?: string; error?: unknown }>({});
  const messageRef = useRef<HTMLDivElement>(null);

  function done(next: { message?: string; error?: unknown }) {
    setDeciding(undefined);
    setOutcome(next);
    window.requestAnimationFrame(() => messageRef.current?.focus());
  }

  async function accept(request: CorrectionView) {
    setBusy(true);
    try {
      await api.post(`/api/hr/file-corrections/${encodeURIComponent(request.id)}/accept`);
      await reload();
      done({ message: text.accepted(request.agent.name) });
    } catch (caught) {
      await reload();
      done({ error: caught });
    } finally {
      setBusy(false);
    }
  }

  return (
    <StaffLayout area="hr" title={text.title} lead={text.lead}>
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {outcome.error ? <ProblemAlert error={outcome.error} /> : null}
        {outcome.message ? (
          <Alert tone="success" announce>
            <p>{outcome.message}</p>
          </Alert>
        ) : null}
      </div>
      <section aria-labelledby="pending-corrections-title">
        <h2 id="pending-corrections-title" className="visually-hidden">
          {text.listTitle}
        </h2>
        {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
        {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
        {resource.status === 'ready' && resource.data.items.length === 0 ? (
          <Alert tone="info">
            <p>{text.none}</p>
          </Alert>
        ) : null}
        {resource.status === 'ready' && resource.data.items.length > 0 ? (
          <>
            <p className="results-count">{text.count(resource.data.items.length)}</p>
            <ul className="item-cards" aria-label={text.listTitle}>
              {resource.data.items.map((request) => (
                <PendingRequest key={request.id} request={request} onDecide={(kind) => setDeciding({ kind, request })} />
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {deciding?.kind === 'accept' ? (
        <AlertDialog
          title={text.acceptTitle(deciding.request.agent.name)}
          confirmLabel={text.accept}
          cancelLabel={t.common.cancel}
          busy={busy}
          onConfirm={() => void accept(deciding.request)}
          onCancel={() => setDeciding(undefined)}
          onDismiss={() => setDeciding(undefined)}
        >
          <CorrectionChanges changes={deciding.request.changes} />
          <p>{text.acceptText}</p>
        </AlertDialog>
      ) : null}
      {deciding?.kind === 'refuse' ? (
        <FormDialog
          title={text.refuseTitle(deciding.request.agent.name)}
          confirmLabel={text.refuse}
          tone="danger"
          reason={{ minLength: 5, label: text.reasonLabel, description: text.reasonHint }}
          onClose={() => setDeciding(undefined)}
          onSubmit={async (reason) => {
            await api.post(`/api/hr/file-corrections/${encodeURIComponent(deciding.request.id)}/refuse`, { reason });
            await reload();
            done({ message: text.refused(deciding.request.agent.name) });
          }}
        >
          <p>{text.refuseText}</p>
        </FormDialog>
      ) : null}
    </StaffLayout>
  );
}

function PendingRequest({ request, onDecide }: { request: CorrectionView; onDecide(kind: Decision['kind']): void }) {
  const { papers, locale } = useI18n();
  const text = papers.file.hrCorrections;
  const name = request.agent.name;
  return (
    <li className="item-card item-card--open">
      <div className="item-card__main">
        <h3 className="item-card__title">
          <Link href={staffPaths.hrAgent(request.agent.id)}>{name}</Link> ({request.agent.badgeNumber})
        </h3>
        <p className="item-card__subtitle">
          {text.requestedOn} {formatDateTime(request.createdAt, locale)}
        </p>
        <CorrectionChanges changes={request.changes} />
        <dl className="item-card__facts">
          {request.comment ? (
            <div>
              <dt>{text.comment}</dt>
              <dd lang="fr">{request.comment}</dd>
            </div>
          ) : null}
          <div>
            <dt>{text.documentLabel}</dt>
            <dd>
              {request.document ? (
                <a href={`/api/hr/file-corrections/${encodeURIComponent(request.id)}/document`} download={request.document.name}>
                  {text.document(request.document.name, formatFileSize(request.document.size, locale))}
                </a>
              ) : (
                text.noDocument
              )}
            </dd>
          </div>
        </dl>
      </div>
      <div className="form-actions">
        <Button className="button button--primary button--small" onPress={() => onDecide('accept')} aria-label={text.acceptNamed(name)}>
          {text.accept}
        </Button>
        <Button className="button button--secondary button--small" onPress={() => onDecide('refuse')} aria-label={text.refuseNamed(name)}>
          {text.refuse}
        </Button>
      </div>
    </li>
  );
}
