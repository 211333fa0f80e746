import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import type { BalanceAdjustmentBody } from '../../../server/modules/leave/hr-leave.schema.ts';
import { api } from '../../api/api-client.ts';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { halfDaysFromInput } from './leave-format.ts';
import { useFormAction } from './use-form-action.ts';

const TYPES = ['annual_leave', 'rtt', 'cet'] as const;

// A correction of a balance: an allocation line, positive or negative, with its reason (audited by the server).
export function HrAdjustmentForm({ badge, year, onDone }: { badge: string; year: number; onDone(): Promise<void> }) {
  const { requests } = useI18n();
  const text = requests.leave;
  const [type, setType] = useState<BalanceAdjustmentBody['type']>('annual_leave');
  const [adjustYear, setAdjustYear] = useState(String(year));
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const { errors, check, clear, formRef } = useFieldErrors();
  const { pending, error, run } = useFormAction(check);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const halfDays = halfDaysFromInput(days) ?? 0;
    const problems = {
      halfDays: halfDays === 0 ? text.hr.adjustDaysInvalid : undefined,
      reason: reason.trim().length >= 5 ? undefined : text.hr.adjustReasonRequired,
    };
    if (!check(problems)) return;
    await run(async () => {
      await api.post(`/api/hr/leave/agents/${encodeURIComponent(badge)}/adjustments`, { type, year: Number(adjustYear), halfDays, reason: reason.trim() } satisfies BalanceAdjustmentBody);
      setDays('');
      setReason('');
      await onDone();
    });
  }

  return (
    <section aria-labelledby="hr-adjust" className="staff-section">
      <h3 id="hr-adjust">{text.hr.adjustTitle}</h3>
      <p className="muted">{text.hr.adjustHint}</p>
      {error ? <ProblemAlert error={error} /> : null}
      <Form ref={formRef} className="form-card" onSubmit={submit} validationBehavior="aria">
        <NativeSelect label={text.hr.adjustType} value={type} options={TYPES.map((k) => ({ value: k, label: text.types[k] }))} onChange={(value) => setType(value as BalanceAdjustmentBody['type'])} />
        <NativeSelect label={text.hr.adjustYear} value={adjustYear} options={[year - 1, year, year + 1].map((y) => ({ value: String(y), label: String(y) }))} onChange={setAdjustYear} />
        <TextInput
          label={text.hr.adjustDays}
          description={text.hr.adjustDaysHint}
          inputProps={{ size: 6 }}
          value={days}
          onChange={(value) => {
            setDays(value);
            clear('halfDays');
          }}
          error={errors.halfDays}
          isRequired
        />
        <TextAreaInput
          label={text.hr.adjustReason}
          description={text.hr.adjustReasonHint}
          value={reason}
          onChange={(value) => {
            setReason(value);
            clear('reason');
          }}
          maxLength={500}
          error={errors.reason}
          isRequired
        />
        <div className="form-actions">
          <PendingButton type="submit" className="button button--secondary" pending={pending}>
            {text.hr.adjust}
          </PendingButton>
        </div>
      </Form>
    </section>
  );
}
