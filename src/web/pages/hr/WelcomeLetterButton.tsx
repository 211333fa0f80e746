import { useState } from 'react';
import { api } from '../../api/api-client.ts';
import { saveFile } from '../../components/download.ts';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

type Secrets = { temporaryPassword: string; enrolmentCode: string };

// Downloads the welcome letter printing the secrets the creation just showed (sent back to be checked).
export function WelcomeLetterButton({ agentId, badgeNumber, secrets, className }: { agentId: string; badgeNumber: string; secrets: Secrets; className: string }) {
  const { admin } = useI18n();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);

  async function download() {
    setPending(true);
    setError(undefined);
    try {
      const file = await api.postForFile(`/api/hr/agents/${encodeURIComponent(agentId)}/welcome-letter`, secrets);
      saveFile(file, `lettre-accueil-${badgeNumber}.pdf`);
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <PendingButton className={className} pending={pending} onPress={() => void download()}>
        {admin.hr.letter.download}
      </PendingButton>
      <span role="status" className="inline-status">
        {done ? admin.hr.letter.downloaded : ''}
      </span>
      {error ? <ProblemAlert error={error} /> : null}
    </>
  );
}
