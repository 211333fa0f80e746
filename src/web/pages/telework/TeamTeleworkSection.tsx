import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { TeamTelework } from '../../../server/modules/telework/telework.schema.ts';
import { api } from '../../api/api-client.ts';
import { AlertDialog } from '../../components/AlertDialog.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { DeadlineCountdown } from '../requests/RequestTags.tsx';
import { RefusalDialog } from './RefusalDialog.tsx';
import { TeamArrangements } from './TeamArrangements.tsx';
import type { Announce } from './TeleworkPage.tsx';

export type PendingTelework = TeamTelework['pending'][number];

const nameOf = (request: PendingTelework) => `${request.agent.firstName} ${request.agent.lastName}`;

// The manager's answers: approval through the engine, refusal only with its interview (RefusalDialog).
export function TeamTeleworkSection({ team, announce }: { team: TeamTelework; announce: Announce }) {
  const { requests, admin, locale } = useI18n();
  const text = requests.telework.team;
  const [approving, setApproving] = useState<PendingTelework>();
  const [refusing, setRefusing] = useState<PendingTelework>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  async function approve(request: PendingTelework) {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/requests/${request.id}/decision`, { decision: 'approve' });
      setApproving(undefined);
      await announce(text.approved(nameOf(request)));
    } catch (caught) {
      setApproving(undefined);
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="telework-team" className="staff-section">
      <h2 id="telework-team">{text.title}</h2>
      <p>{text.lead}</p>
      {error ? <ProblemAlert error={error} /> : null}
      {team.pending.length === 0 ? <p>{text.none}</p> : null}
      {team.pending.length > 0 ? (
        <ul className="item-cards" aria-label={text.listLabel}>
          {team.pending.map((request) => (
            <li key={request.id} className="item-card item-card--open">
              <div className="item-card__main">
                <h3 className="item-card__title">{nameOf(request)}</h3>
                <p lang="fr">{request.summary}</p>
                <dl className="item-card__facts">
                  <div>
                    <dt>{text.badge}</dt>
                    <dd>{request.agent.badgeNumber}</dd>
                  </div>
                  <div>
                    <dt>{text.submitted}</dt>
                    <dd>{formatDate(request.submittedAt, locale)}</dd>
                  </div>
                  {request.answerDueOn && request.daysLeft !== null ? (
                    <div>
                      <dt>{text.answerDue}</dt>
                      <dd>
                        <DeadlineCountdown daysLeft={request.daysLeft} dueOn={request.answerDueOn} />
                      </dd>
                    </div>
                  ) : null}
                  {request.comment ? (
                    <div>
                      <dt>{text.comment}</dt>
                      <dd lang="fr">{request.comment}</dd>
                    </div>
                  ) : null}
                </dl>
                <div className="form-actions">
                  <Button className="button button--primary button--small" aria-label={text.approveNamed(nameOf(request))} onPress={() => setApproving(request)}>
                    {text.approve}
                  </Button>
                  <Button className="button button--danger-outline button--small" aria-label={text.refuseNamed(nameOf(request))} onPress={() => setRefusing(request)}>
                    {text.refuse}
                  </Button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {approving ? (
        <AlertDialog
          title={text.approveTitle(nameOf(approving))}
          confirmLabel={text.approve}
          cancelLabel={admin.common.cancel}
          busy={busy}
          onConfirm={() => approve(approving)}
          onCancel={() => setApproving(undefined)}
          onDismiss={() => setApproving(undefined)}
        >
          <p lang="fr">{text.approveText(approving.summary)}</p>
        </AlertDialog>
      ) : null}
      {refusing ? (
        <RefusalDialog
          request={refusing}
          name={nameOf(refusing)}
          today={team.today}
          onClose={() => setRefusing(undefined)}
          onRefused={async () => {
            setRefusing(undefined);
            await announce(text.refused(nameOf(refusing)));
          }}
        />
      ) : null}
      <TeamArrangements team={team} announce={announce} />
    </section>
  );
}
