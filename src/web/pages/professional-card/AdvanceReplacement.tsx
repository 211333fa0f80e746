import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { AdvanceReplacementBody, ReplacementStage } from '../../../server/modules/professional-card/professional-card.schema.ts';
import { api } from '../../api/api-client.ts';
import { AlertDialog } from '../../components/AlertDialog.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export type NextStage = AdvanceReplacementBody['stage'];

// HR moves a replacement one stage forward, never back: the stage that follows each one, if HR declares it.
const following: Partial<Record<ReplacementStage, NextStage>> = {
  blocked: 'replacement_ordered',
  replacement_ordered: 'ready_to_collect',
  ready_to_collect: 'handed_over',
};

/** What HR may move a replacement to, and for whom: the page holds it, so a table turning into cards keeps the question open. */
export type Advancing = { replacementId: string; next: NextStage; name: string };

/** The next stage's button, or nothing once the card is handed over. */
export function AdvanceButton({ replacementId, stage, name, onPress }: { replacementId: string; stage: ReplacementStage; name: string; onPress(advancing: Advancing): void }) {
  const { papers } = useI18n();
  const text = papers.card;
  const next = following[stage];
  if (!next) return null;
  const label = text.stages[next];
  return (
    <Button className="button button--secondary button--small" onPress={() => onPress({ replacementId, next, name })} aria-label={text.hr.advanceNamed(label, name)}>
      {text.hr.advance(label)}
    </Button>
  );
}

// The question that says what confirming means, since there is no way back.
export function AdvanceDialog({ advancing, onClose, onAdvanced }: { advancing: Advancing; onClose(): void; onAdvanced(message: string): Promise<void> }) {
  const { papers, admin } = useI18n();
  const text = papers.card;
  const { replacementId, next, name } = advancing;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  async function confirm() {
    setPending(true);
    setError(undefined);
    try {
      await api.post(`/api/hr/professional-card/replacements/${encodeURIComponent(replacementId)}/stage`, { stage: next });
      await onAdvanced(text.hr.advanced(name, text.stages[next]));
    } catch (caught) {
      setError(caught);
      setPending(false);
    }
  }

  return (
    <AlertDialog
      title={text.hr.advanceTitle(text.stages[next])}
      confirmLabel={text.hr.advanceConfirm}
      cancelLabel={admin.common.cancel}
      busy={pending}
      onConfirm={() => void confirm()}
      onCancel={onClose}
      onDismiss={onClose}
    >
      <p>{text.hr.advanceText[next](name)}</p>
      <p>{text.hr.advanceNotice}</p>
      {error ? <ProblemAlert error={error} /> : null}
    </AlertDialog>
  );
}
