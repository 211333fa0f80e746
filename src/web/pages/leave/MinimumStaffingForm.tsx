import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { api } from '../../api/api-client.ts';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useFormAction } from './use-form-action.ts';

// The manager's minimum staffing: the working days when fewer agents are present are flagged on the calendar.
export function MinimumStaffingForm({ minimum, onSaved }: { minimum: number | null; onSaved(minimum: number | null): Promise<void> }) {
  const { requests } = useI18n();
  const text = requests.leave.team;
  const [value, setValue] = useState(minimum === null ? '' : String(minimum));
  const { errors, check, clear, formRef } = useFieldErrors();
  const { pending, error, run } = useFormAction(check);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = value.trim() === '' ? null : Number(value.trim());
    if (!check({ minimum: next !== null && !(Number.isInteger(next) && next >= 1 && next <= 500) ? text.minimumInvalid : undefined })) return;
    await run(async () => {
      await api.put('/api/leave/team-calendar/minimum-staffing', { minimum: next });
      await onSaved(next);
    });
  }

  return (
    <section aria-labelledby="minimum-staffing" className="staff-section">
      <h2 id="minimum-staffing">{text.minimumTitle}</h2>
      {error ? <ProblemAlert error={error} /> : null}
      <Form ref={formRef} className="form-card" onSubmit={submit} validationBehavior="aria">
        <TextInput
          label={text.minimumLabel}
          description={text.minimumHint}
          inputMode="numeric"
          inputProps={{ size: 4 }}
          value={value}
          onChange={(next) => {
            setValue(next);
            clear('minimum');
          }}
          error={errors.minimum}
        />
        <div className="form-actions">
          <PendingButton type="submit" className="button button--secondary" pending={pending}>
            {text.minimumSave}
          </PendingButton>
        </div>
      </Form>
    </section>
  );
}
