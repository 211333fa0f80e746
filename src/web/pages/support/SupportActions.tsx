import { type ReactNode, useState } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import type {
  AccountCardResponse,
  EnrolmentCodeResponse,
  TemporaryPasswordResponse,
  UnlockResponse,
} from '../../../server/modules/support-console/support-console.schema.ts';
import { api } from '../../api/api-client.ts';
import { Alert } from '../../components/Alert.tsx';
import { useReauth } from '../../components/enrolment/use-reauth.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { OneTimeSecret } from '../../components/OneTimeSecret.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { ResetFactorsDialog } from './ResetFactorsDialog.tsx';

type Action = 'unlock' | 'issueTemporaryPassword' | 'issueEnrolmentCode' | 'resetSecondFactors' | 'endSessions';
// The console asks 5 characters at least (support-console.schema.ts).
const supportReason = { minLength: 5 };

// What the support agent may do on this account: the server says which actions are allowed and why not;
// each asks a reason, and those that hand over access ask the agent's own password again (5 minutes).
export function SupportActions({ card, onDone }: { card: AccountCardResponse; onDone(outcome: ReactNode): Promise<void> }) {
  const { admin, locale } = useI18n();
  const text = admin.support.actions;
  const { withReauth, reauthDialog } = useReauth(admin.support.reauth);
  const [open, setOpen] = useState<Action>();
  const [deliverTo, setDeliverTo] = useState<'support' | 'manager'>('support');
  const { agent } = card;
  const name = `${agent.firstName} ${agent.lastName}`;
  const url = (path: string) => `/api/support/accounts/${encodeURIComponent(agent.badgeNumber)}/${path}`;
  const close = () => setOpen(undefined);
  const finish = async (outcome: ReactNode) => {
    close();
    await onDone(outcome);
  };

  const shown: Action[] = [
    ...(card.account?.locked ? (['unlock'] as const) : []),
    'issueTemporaryPassword',
    'issueEnrolmentCode',
    'resetSecondFactors',
    ...((card.sessions?.count ?? 0) > 0 ? (['endSessions'] as const) : []),
  ];

  return (
    <section aria-labelledby="support-actions-title" className="staff-section">
      <h2 id="support-actions-title">{text.title}</h2>
      <ul className="action-list">
        {shown.map((action) => {
          const decision = card.actions[action];
          return (
            <li key={action}>
              {decision.allowed ? (
                <Button className={`button ${action === 'unlock' ? 'button--primary' : 'button--secondary'}`} onPress={() => setOpen(action)}>
                  {text.labels[action]}
                </Button>
              ) : (
                <p className="action-list__unavailable">
                  <span className="emphasis">{text.labels[action]}</span> : {text.unavailable}{' '}
                  <span lang="fr">{decision.reason}</span>
                </p>
              )}
              <p className="action-list__hint">{text.hints[action]}</p>
            </li>
          );
        })}
      </ul>

      {open === 'unlock' ? (
        <FormDialog
          title={text.unlockTitle(name)}
          confirmLabel={text.unlockConfirm}
          reason={supportReason}
          onClose={close}
          onSubmit={async (reason) => {
            const result = await withReauth(() => api.post<UnlockResponse>(url('unlock'), { reason }));
            await finish(
              <Alert tone="success" title={text.unlockDone(name)}>
                <p>{result.wasLocked ? text.unlockWasLocked(result.failedAttemptsBefore) : text.unlockWasNotLocked}</p>
              </Alert>,
            );
          }}
        >
          <p>{text.unlockText}</p>
        </FormDialog>
      ) : null}

      {open === 'issueTemporaryPassword' ? (
        <FormDialog
          title={text.passwordTitle(name)}
          confirmLabel={text.passwordConfirm}
          tone="danger"
          reason={supportReason}
          onClose={close}
          onSubmit={async (reason) => {
            const result = await withReauth(() => api.post<TemporaryPasswordResponse>(url('temporary-password'), { reason, deliverTo }));
            await finish(
              result.deliveredTo === 'support' ? (
                <Alert tone="success" title={text.passwordDone(name)}>
                  <p>{text.passwordShownOnce}</p>
                  <OneTimeSecret label={text.temporaryPassword} value={result.temporaryPassword} />
                  <p>{text.sessionsEnded(result.sessionsEnded)}</p>
                </Alert>
              ) : (
                <Alert tone="success" title={text.passwordDone(name)}>
                  <p>{text.passwordSentTo(`${result.manager.firstName} ${result.manager.lastName}`, result.manager.email)}</p>
                  <p>{text.sessionsEnded(result.sessionsEnded)}</p>
                </Alert>
              ),
            );
          }}
        >
          <p>{text.passwordText}</p>
          <RadioGroup className="choice" value={deliverTo} onChange={(value) => setDeliverTo(value as 'support' | 'manager')}>
            <Label className="choice__label">{text.deliverTo}</Label>
            <Radio value="support" className="choice__option">
              <span className="choice__name">{text.deliverToSupport}</span>
              <span className="choice__hint">{text.deliverToSupportHint}</span>
            </Radio>
            <Radio value="manager" className="choice__option" isDisabled={!agent.manager}>
              <span className="choice__name">{text.deliverToManager}</span>
              <span className="choice__hint">
                {agent.manager ? text.deliverToManagerHint(`${agent.manager.firstName} ${agent.manager.lastName}`) : text.noManager}
              </span>
            </Radio>
          </RadioGroup>
        </FormDialog>
      ) : null}

      {open === 'issueEnrolmentCode' ? (
        <FormDialog
          title={text.codeTitle(name)}
          confirmLabel={text.codeConfirm}
          reason={supportReason}
          onClose={close}
          onSubmit={async (reason) => {
            const result = await withReauth(() => api.post<EnrolmentCodeResponse>(url('enrolment-code'), { reason }));
            await finish(
              <Alert tone="success" title={text.codeDone(name)}>
                <p>{text.codeShownOnce}</p>
                <OneTimeSecret label={text.enrolmentCode} value={result.code} />
                <p>{text.validUntil(formatDateTime(result.expiresAt, locale))}</p>
              </Alert>,
            );
          }}
        >
          <p>{text.codeText}</p>
        </FormDialog>
      ) : null}

      {open === 'resetSecondFactors' ? (
        <ResetFactorsDialog name={name} url={url('second-factors/reset')} withReauth={withReauth} onClose={close} onDone={finish} />
      ) : null}

      {open === 'endSessions' ? (
        <FormDialog
          title={text.endTitle(name)}
          confirmLabel={text.endConfirm}
          tone="danger"
          reason={supportReason}
          onClose={close}
          onSubmit={async (reason) => {
            const result = await withReauth(() => api.post<{ sessionsEnded: number }>(url('sessions/end'), { reason }));
            await finish(
              <Alert tone="success" title={text.endDone(name)}>
                <p>{text.sessionsEnded(result.sessionsEnded)}</p>
              </Alert>,
            );
          }}
        >
          <p>{text.endText}</p>
        </FormDialog>
      ) : null}
      {reauthDialog}
    </section>
  );
}
