import { useState } from 'react';
import { Button, Link } from 'react-aria-components';
import type { MyTelework, TeleworkRequestView } from '../../../server/modules/telework/telework.schema.ts';
import { api } from '../../api/api-client.ts';
import { AlertDialog } from '../../components/AlertDialog.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { daysUntil } from '../requests/deadline.ts';
import { DeadlineCountdown, RequestStatusTag } from '../requests/RequestTags.tsx';
import { staffPaths } from '../staff-paths.ts';
import type { Announce } from './TeleworkPage.tsx';

// Each request with its answer: the countdown while it waits, the reasons and the interview of a refusal.
export function MyTeleworkRequests({ telework, announce }: { telework: MyTelework; announce: Announce }) {
  const { requests } = useI18n();
  const text = requests.telework.requests;
  const [withdrawing, setWithdrawing] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  async function withdraw(id: string) {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/me/requests/${id}/closing`, {});
      setWithdrawing(undefined);
      await announce(text.withdrawn);
    } catch (caught) {
      setWithdrawing(undefined);
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="telework-requests" className="staff-section">
      <h2 id="telework-requests">{text.title}</h2>
      {error ? <ProblemAlert error={error} /> : null}
      {telework.requests.length === 0 ? <p>{text.none}</p> : null}
      {telework.requests.length > 0 ? (
        <ul className="item-cards">
          {telework.requests.map((request) => (
            <RequestCard key={request.id} request={request} today={telework.today} onWithdraw={() => setWithdrawing(request.id)} />
          ))}
        </ul>
      ) : null}
      {withdrawing ? (
        <AlertDialog
          title={text.withdrawTitle}
          confirmLabel={text.withdraw}
          cancelLabel={text.keep}
          tone="danger"
          busy={busy}
          onConfirm={() => withdraw(withdrawing)}
          onCancel={() => setWithdrawing(undefined)}
          onDismiss={() => setWithdrawing(undefined)}
        >
          <p>{text.withdrawText}</p>
        </AlertDialog>
      ) : null}
    </section>
  );
}

function RequestCard({ request, today, onWithdraw }: { request: TeleworkRequestView; today: string; onWithdraw(): void }) {
  const { requests, locale } = useI18n();
  const text = requests.telework.requests;
  const date = (value: string) => formatDate(value, locale);
  return (
    <li className={`item-card${request.status === 'pending' ? ' item-card--open' : ''}`}>
      <div className="item-card__main">
        <h3 className="item-card__title" lang="fr">
          {request.summary}
        </h3>
        <dl className="item-card__facts">
          <div>
            <dt>{requests.common.request.status}</dt>
            <dd>
              <RequestStatusTag status={request.status} />
            </dd>
          </div>
          <div>
            <dt>{text.submitted}</dt>
            <dd>{date(request.submittedAt)}</dd>
          </div>
          {request.status === 'pending' && request.answerDueOn ? (
            <div>
              <dt>{text.answerDue}</dt>
              <dd>
                <DeadlineCountdown daysLeft={daysUntil(request.answerDueOn, today)} dueOn={request.answerDueOn} />
              </dd>
            </div>
          ) : null}
          {request.decisionReason ? (
            <div>
              <dt>{text.reason}</dt>
              <dd lang="fr">{request.decisionReason}</dd>
            </div>
          ) : null}
          {request.interview ? (
            <div>
              <dt>{text.interview}</dt>
              <dd>{text.interviewValue(date(request.interview.heldOn), request.interview.attendees)}</dd>
            </div>
          ) : null}
          {request.comment ? (
            <div>
              <dt>{text.comment}</dt>
              <dd>{request.comment}</dd>
            </div>
          ) : null}
        </dl>
        <div className="form-actions">
          <Link href={staffPaths.request(request.id)}>{text.steps}</Link>
          {request.status === 'pending' ? (
            <Button className="button button--secondary button--small" onPress={onWithdraw}>
              {text.withdraw}
            </Button>
          ) : null}
        </div>
      </div>
    </li>
  );
}
