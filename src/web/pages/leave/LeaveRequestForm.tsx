import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import type { MyLeave, NewLeaveRequestBody, SubmittedRequest } from '../../../server/modules/leave/leave.schema.ts';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SupportingDocumentInput, type SupportingDocument } from '../my-file/SupportingDocumentInput.tsx';
import { newSubmissionKey, postOnce } from '../../api/submit-once.ts';
import { LeaveCount } from './LeaveCount.tsx';
import { PeriodFields, type PeriodValues } from './PeriodFields.tsx';
import { daysText } from './leave-format.ts';
import { useFormAction } from './use-form-action.ts';
import { useLeavePreview } from './use-leave-preview.ts';

type LeaveType = NewLeaveRequestBody['type'];
const TYPES: readonly LeaveType[] = ['annual_leave', 'rtt', 'cet', 'special_absence'];
const blank = { type: 'annual_leave' as LeaveType, specialReason: '', comment: '', period: { startDate: '', startsIn: 'morning', endDate: '', endsAt: 'evening' } as PeriodValues };

// A leave request: its days are counted by the server while the form is filled in (the same rules as the
// submission), and the request is sent once whatever the clicks or retries (Idempotency-Key).
export function LeaveRequestForm({ leave, onSent }: { leave: MyLeave; onSent(summary: string): Promise<void> }) {
  const { requests, locale } = useI18n();
  const text = requests.leave;
  const [values, setValues] = useState(blank);
  const [document, setDocument] = useState<SupportingDocument>();
  const [documentKey, setDocumentKey] = useState(0);
  const [sent, setSent] = useState(0);
  const { errors, check, clear, formRef } = useFieldErrors();
  const { pending, error, setError, run } = useFormAction(check, text.rules);
  const key = useRef(newSubmissionKey());
  const special = values.type === 'special_absence';
  const preview = useLeavePreview({ type: values.type, ...(special && values.specialReason ? { specialReason: values.specialReason as never } : {}), ...values.period }, sent);
  const allowance = leave.specialAllowances.find((a) => a.reason === values.specialReason);

  const set = (change: Partial<typeof blank>, ...fields: string[]) => {
    setValues((previous) => ({ ...previous, ...change }));
    for (const field of fields) clear(field);
    setError(undefined);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { period } = values;
    const missing = {
      startDate: period.startDate ? undefined : text.form.required,
      endDate: period.endDate ? undefined : text.form.required,
      specialReason: special && !values.specialReason ? text.form.required : undefined,
      document: special && !document ? text.form.documentRequired : errors.document,
    };
    if (!check(missing)) return;
    const body: NewLeaveRequestBody = {
      type: values.type,
      ...(special ? { specialReason: values.specialReason as NonNullable<NewLeaveRequestBody['specialReason']> } : {}),
      startDate: period.startDate,
      startsIn: period.startsIn,
      endDate: period.endDate,
      endsAt: period.endsAt,
      ...(values.comment.trim() ? { comment: values.comment.trim() } : {}),
      ...(special && document ? { document: { fileName: document.name, contentBase64: document.contentBase64 } } : {}),
    };
    await run(async () => {
      const submitted = await postOnce<SubmittedRequest>('/api/me/leave/requests', body, key.current);
      key.current = newSubmissionKey();
      setValues(blank);
      setDocument(undefined);
      setDocumentKey((k) => k + 1);
      setSent((count) => count + 1);
      await onSent(submitted.summary);
    });
  }

  return (
    <section aria-labelledby="leave-form" className="staff-section">
      <h2 id="leave-form">{text.form.title}</h2>
      {error ? <ProblemAlert error={error} /> : null}
      <Form ref={formRef} className="form-card leave-form" onSubmit={submit} validationBehavior="aria">
        <NativeSelect
          label={text.form.type}
          value={values.type}
          options={TYPES.map((type) => ({ value: type, label: text.types[type] }))}
          onChange={(type) => set({ type: type as LeaveType }, 'document', 'specialReason')}
          isRequired
        />
        {special ? (
          <NativeSelect
            label={text.form.reason}
            value={values.specialReason}
            emptyLabel={text.form.choose}
            options={leave.specialAllowances.map((a) => ({ value: a.reason, label: text.reasons[a.reason] }))}
            description={allowance ? text.form.allowance(daysText(allowance.halfDays, locale, text), allowance.perYear) : undefined}
            onChange={(specialReason) => set({ specialReason }, 'specialReason')}
            error={errors.specialReason}
            isRequired
          />
        ) : null}
        <PeriodFields
          values={values.period}
          errors={errors}
          startHint={text.form.pastHint(leave.maxDaysInPast[values.type] ?? 0)}
          onChange={(period, field) => set({ period }, field)}
        />
        <LeaveCount state={preview} />
        {special ? (
          <SupportingDocumentInput
            key={documentKey}
            label={text.form.document}
            hint={text.form.documentHint}
            isRequired
            error={errors.document}
            onChange={(chosen, problem) => {
              setDocument(chosen);
              if (problem) check({ ...errors, document: problem });
              else clear('document');
            }}
          />
        ) : null}
        <TextAreaInput label={text.form.comment} description={text.form.commentHint} value={values.comment} onChange={(comment) => set({ comment }, 'comment')} maxLength={1000} error={errors.comment} />
        <div className="form-actions">
          <PendingButton type="submit" className="button button--primary" pending={pending}>
            {text.form.submit}
          </PendingButton>
        </div>
      </Form>
    </section>
  );
}
