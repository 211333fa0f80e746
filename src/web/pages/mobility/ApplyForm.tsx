import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import type { ApplyBody } from '../../../server/modules/mobility/mobility.schema.ts';
import { PendingButton } from '../../components/PendingButton.tsx';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { type CvFile, CvInput } from './CvInput.tsx';
import { useSubmission } from './use-submission.tsx';

const MAX_LETTER = 5000;

// Applying to an offer: a cover letter and, if the agent wants, a CV. A double click or a lost answer
// files one application (see useSubmission).
export function ApplyForm({ offerId, onApplied }: { offerId: string; onApplied(message: string): Promise<void> }) {
  const { requests } = useI18n();
  const text = requests.mobility.apply;
  const [letter, setLetter] = useState('');
  const [cv, setCv] = useState<CvFile>();
  const { errors, check, clear, formRef } = useFieldErrors();
  const { pending, send, problem } = useSubmission(`/api/job-offers/${encodeURIComponent(offerId)}/applications`, check);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const length = letter.trim().length;
    const valid = check({
      coverLetter: length < 10 ? text.letterMissing : length > MAX_LETTER ? text.letterTooLong : undefined,
      cv: errors.cv,
    });
    if (!valid) return;
    const body: ApplyBody = { coverLetter: letter.trim(), ...(cv ? { cv } : {}) };
    if (await send(body)) await onApplied(text.done);
  }

  return (
    <section aria-labelledby="apply-title" className="staff-section">
      <h2 id="apply-title">{text.title}</h2>
      <p>{text.intro}</p>
      <Form ref={formRef} onSubmit={submit} validationBehavior="aria" className="form-card">
        <TextAreaInput
          label={text.letter}
          description={`${text.letterHint} ${text.letterCount(letter.length)}`}
          value={letter}
          onChange={(value) => {
            setLetter(value);
            clear('coverLetter');
          }}
          error={errors.coverLetter}
          isRequired
          rows={10}
          maxLength={MAX_LETTER}
        />
        <CvInput
          error={errors.cv}
          onChange={(chosen, problem) => {
            setCv(chosen);
            if (problem) check({ cv: problem });
            else clear('cv');
          }}
        />
        {problem}
        <PendingButton type="submit" className="button button--primary" pending={pending}>
          {text.submit}
        </PendingButton>
      </Form>
    </section>
  );
}
