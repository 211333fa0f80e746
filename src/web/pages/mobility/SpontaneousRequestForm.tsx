import { type FormEvent, useState } from 'react';
import { Checkbox, Form } from 'react-aria-components';
import type { SpontaneousBody } from '../../../server/modules/mobility/mobility.schema.ts';
import type { DepartmentSummary } from '../../../server/modules/organisation/organisation.schema.ts';
import { PendingButton } from '../../components/PendingButton.tsx';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSubmission } from './use-submission.tsx';

// A wish to move without an offer, to the HR of the agent's department; a double click files one request.
export function SpontaneousRequestForm({ departments, onFiled }: { departments: DepartmentSummary[]; onFiled(message: string): Promise<void> }) {
  const { requests, locale } = useI18n();
  const text = requests.mobility.spontaneous;
  const [wished, setWished] = useState<string[]>([]);
  const [job, setJob] = useState('');
  const [reason, setReason] = useState('');
  const { errors, check, clear, formRef } = useFieldErrors();
  const { pending, send, problem } = useSubmission('/api/me/mobility/requests', check);
  const groupError = errors.wishedDepartmentCodes;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const valid = check({
      wishedDepartmentCodes: wished.length === 0 ? text.departmentsMissing : wished.length > 5 ? text.departmentsTooMany : undefined,
      wishedJob: job.trim().length < 3 ? text.jobMissing : undefined,
      reason: reason.trim().length < 10 ? text.reasonMissing : undefined,
    });
    if (!valid) return;
    const body: SpontaneousBody = { wishedDepartmentCodes: wished, wishedJob: job.trim(), reason: reason.trim() };
    if (!(await send(body))) return;
    setWished([]);
    setJob('');
    setReason('');
    await onFiled(text.done);
  }

  return (
    <section aria-labelledby="spontaneous-title" className="staff-section">
      <h2 id="spontaneous-title">{text.title}</h2>
      <p>{text.intro}</p>
      <Form ref={formRef} onSubmit={submit} validationBehavior="aria" className="form-card">
        <fieldset className="fieldset" aria-describedby={`spontaneous-departments-hint${groupError ? ' spontaneous-departments-error' : ''}`}>
          <legend className="fieldset__legend">{text.departments}</legend>
          <p id="spontaneous-departments-hint" className="field__description">
            {text.departmentsHint}
          </p>
          <div className="mobility-choices">
            {departments.map((department) => (
              <Checkbox
                key={department.code}
                className="checkbox"
                isSelected={wished.includes(department.code)}
                isInvalid={Boolean(groupError)}
                onChange={(selected) => {
                  setWished((previous) => (selected ? [...previous, department.code] : previous.filter((code) => code !== department.code)));
                  clear('wishedDepartmentCodes');
                }}
              >
                <span className="checkbox__box" aria-hidden="true" />
                <span>
                  {department.code} – <span lang={locale === 'fr' ? undefined : 'fr'}>{department.name}</span>
                </span>
              </Checkbox>
            ))}
          </div>
          {groupError ? (
            <p id="spontaneous-departments-error" className="field__error">
              {groupError}
            </p>
          ) : null}
        </fieldset>
        <TextInput
          label={text.job}
          value={job}
          onChange={(value) => {
            setJob(value);
            clear('wishedJob');
          }}
          error={errors.wishedJob}
          isRequired
          maxLength={200}
        />
        <TextAreaInput
          label={text.reason}
          description={text.reasonHint}
          value={reason}
          onChange={(value) => {
            setReason(value);
            clear('reason');
          }}
          error={errors.reason}
          isRequired
          rows={6}
          maxLength={5000}
        />
        {problem}
        <PendingButton type="submit" className="button button--primary" pending={pending}>
          {text.submit}
        </PendingButton>
      </Form>
    </section>
  );
}
