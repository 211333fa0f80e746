import { useState } from 'react';
import type { HrApplicationView, MoveBody } from '../../../server/modules/mobility/mobility.schema.ts';
import { api } from '../../api/api-client.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export type NextMove = HrApplicationView['nextMoves'][number];
export type MoveKey = 'hr_review' | 'interview' | 'accepted' | 'not_retained' | 'effective';

/** A move's name in the dictionaries: the decision is named by its outcome. */
export const moveKeyOf = (move: NextMove): MoveKey => (move.step === 'decision' ? (move.outcome ?? 'accepted') : move.step);

/** The application HR moves on, and where: the page holds it so the question stays open while the list reloads. */
export type Moving = { application: HrApplicationView; move: NextMove };

// HR moves an application one step on: a date for the interview (optional) or the start in the post
// (required), a reason for a refusal, a message otherwise. The agent reads all of it in their steps.
export function MoveDialog({ moving, onClose, onMoved }: { moving: Moving; onClose(): void; onMoved(message: string): Promise<void> }) {
  const { requests } = useI18n();
  const text = requests.mobility.hr;
  const { application, move } = moving;
  const key = moveKeyOf(move);
  const name = `${application.agent.firstName} ${application.agent.lastName}`;
  const [date, setDate] = useState('');
  const [dateError, setDateError] = useState<string>();
  const refusal = key === 'not_retained';

  function bodyOf(message: string): MoveBody {
    const comment = message || undefined;
    switch (key) {
      case 'hr_review':
        return { step: 'hr_review', comment };
      case 'interview':
        return { step: 'interview', comment, ...(date ? { interviewOn: date } : {}) };
      case 'effective':
        return { step: 'effective', effectiveOn: date, comment };
      default:
        return { step: 'decision', outcome: key, reason: comment };
    }
  }

  return (
    <FormDialog
      title={text.moveTitle[key](name)}
      confirmLabel={text.move[key]}
      tone={refusal ? 'danger' : 'default'}
      reason={refusal ? { minLength: 5, label: text.refusalReason, description: text.refusalHint } : { minLength: 1, optional: true, label: text.message, description: text.messageHint }}
      validate={() => {
        const missing = key === 'effective' && !date ? text.dateMissing : undefined;
        setDateError(missing);
        return !missing;
      }}
      onSubmit={async (message) => {
        await api.post(`/api/hr/mobility/applications/${encodeURIComponent(application.id)}/steps`, bodyOf(message));
        await onMoved(text.moved(name, key === 'accepted' || key === 'not_retained' ? requests.mobility.outcomes[key] : requests.mobility.stages[key]));
      }}
      onClose={onClose}
    >
      <p>{text.moveText}</p>
      {key === 'effective' ? <p>{text.effectiveText}</p> : null}
      {key === 'interview' || key === 'effective' ? (
        <TextInput
          label={key === 'interview' ? text.interviewOn : text.effectiveOn}
          type="date"
          value={date}
          onChange={(value) => {
            setDate(value);
            setDateError(undefined);
          }}
          error={dateError}
          isRequired={key === 'effective'}
        />
      ) : null}
    </FormDialog>
  );
}
