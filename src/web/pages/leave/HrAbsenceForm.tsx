import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import type { NewAbsenceBody } from '../../../server/modules/leave/hr-leave.schema.ts';
import { api } from '../../api/api-client.ts';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { PeriodFields, type PeriodValues } from './PeriodFields.tsx';
import { periodText } from './leave-format.ts';
import { useFormAction } from './use-form-action.ts';

const blankPeriod: PeriodValues = { startDate: '', startsIn: 'morning', endDate: '', endsAt: 'evening' };

// A sick leave (from the medical certificate) or another absence, recorded without approval, past dates included.
export function HrAbsenceForm({ badge, onDone }: { badge: string; onDone(period: string): Promise<void> }) {
  const { requests, locale } = useI18n();
  const text = requests.leave;
  const [kind, setKind] = useState<NewAbsenceBody['kind']>('sick_leave');
  const [period, setPeriod] = useState(blankPeriod);
  const [comment, setComment] = useState('');
  const { errors, check, clear, formRef } = useFieldErrors();
  const { pending, error, run } = useFormAction(check, text.rules);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!check({ startDate: period.startDate ? undefined : text.form.required, endDate: period.endDate ? undefined : text.form.required })) return;
    const body: NewAbsenceBody = { kind, ...period, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    await run(async () => {
      await api.post(`/api/hr/leave/agents/${encodeURIComponent(badge)}/absences`, body);
      setPeriod(blankPeriod);
      setComment('');
      await onDone(periodText(body, locale, text));
    });
  }

  return (
    <section aria-labelledby="hr-record-absence" className="staff-section">
      <h3 id="hr-record-absence">{text.hr.recordTitle}</h3>
      <p className="muted">{text.hr.recordHint}</p>
      {error ? <ProblemAlert error={error} /> : null}
      <Form ref={formRef} className="form-card leave-form" onSubmit={submit} validationBehavior="aria">
        <NativeSelect
          label={text.hr.kind}
          value={kind}
          options={(['sick_leave', 'other_absence'] as const).map((k) => ({ value: k, label: text.hr.kinds[k] }))}
          onChange={(value) => setKind(value as NewAbsenceBody['kind'])}
          isRequired
        />
        <PeriodFields
          values={period}
          errors={errors}
          onChange={(next, field) => {
            setPeriod(next);
            clear(field);
          }}
        />
        <TextAreaInput label={text.hr.comment} description={text.hr.commentHint} value={comment} onChange={setComment} maxLength={1000} error={errors.comment} />
        <div className="form-actions">
          <PendingButton type="submit" className="button button--primary" pending={pending}>
            {text.hr.record}
          </PendingButton>
        </div>
      </Form>
    </section>
  );
}
