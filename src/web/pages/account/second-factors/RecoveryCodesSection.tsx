import { useState } from 'react';
import { api } from '../../../api/api-client.ts';
import { AlertDialog } from '../../../components/AlertDialog.tsx';
import { PendingButton } from '../../../components/PendingButton.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import type { WithReauth } from '../../../components/enrolment/enrolment-types.ts';
import { isReauthCancelled } from '../../../components/enrolment/use-reauth.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';

type RecoveryCodesSectionProps = {
  left: number;
  hasFactor: boolean;
  withReauth: WithReauth;
  onRegenerated(codes: string[]): void;
};

export function RecoveryCodesSection({ left, hasFactor, withReauth, onRegenerated }: RecoveryCodesSectionProps) {
  const { t } = useI18n();
  const text = t.account.secondFactors;
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  // The question closes first: the password may be asked in a dialog of its own.
  async function regenerate() {
    setConfirming(false);
    setPending(true);
    setError(undefined);
    try {
      const { codes } = await withReauth(() => api.post<{ codes: string[] }>('/api/me/recovery-codes'));
      onRegenerated(codes);
    } catch (caught) {
      if (!isReauthCancelled(caught)) setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="recovery-title" className="section-card">
      <h2 id="recovery-title">{text.recoveryTitle}</h2>
      <p>{text.recoveryText}</p>
      <p className={left <= 3 && hasFactor ? 'emphasis' : undefined}>{text.recoveryLeft(left)}</p>
      {error ? <ProblemAlert error={error} /> : null}
      {hasFactor ? (
        <PendingButton className="button button--secondary" onPress={() => setConfirming(true)} pending={pending}>
          {text.regenerate}
        </PendingButton>
      ) : null}
      {confirming ? (
        <AlertDialog
          title={text.regenerateTitle}
          confirmLabel={text.regenerateConfirm}
          cancelLabel={t.common.cancel}
          onConfirm={() => void regenerate()}
          onCancel={() => setConfirming(false)}
          onDismiss={() => setConfirming(false)}
        >
          <p>{text.regenerateText}</p>
        </AlertDialog>
      ) : null}
    </section>
  );
}
