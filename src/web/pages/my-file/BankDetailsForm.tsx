import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import type { z } from 'zod';
import type { BankDetailsChange } from '../../../server/modules/personal-file/personal-file.schema.ts';
import { api, isApiError } from '../../api/api-client.ts';
import { isReauthCancelled, useReauth } from '../../components/enrolment/use-reauth.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import { TextInput } from '../../components/TextInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

type Change = z.infer<typeof BankDetailsChange>;

// The server checks the IBAN (country, length, key) and names the wrong field; the password is asked again
// when the sign-in is more than 5 minutes old, then the change is sent once more.
export function BankDetailsForm({ onChanged }: { onChanged(change: Change): Promise<void> }) {
  const { t, papers, locale } = useI18n();
  const text = papers.file.bankDetails;
  const { withReauth, reauthDialog } = useReauth(text.reauth);
  const [iban, setIban] = useState('');
  const [bic, setBic] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const { errors, check, clear, formRef } = useFieldErrors();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    if (!check({ iban: iban.trim() ? undefined : t.common.required, bic: bic.trim() ? undefined : t.common.required })) return;
    setPending(true);
    try {
      const change = await withReauth(() => api.put<Change>('/api/me/file/bank-details', { iban, bic }));
      setIban('');
      setBic('');
      await onChanged(change);
    } catch (caught) {
      if (isReauthCancelled(caught)) return;
      const fields = problemFieldErrors(caught, locale, t, text.rules);
      if (isApiError(caught) && Object.keys(fields).length > 0) check(fields);
      else setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      {error ? <ProblemAlert error={error} /> : null}
      <Form ref={formRef} className="form-card" onSubmit={submit} validationBehavior="aria">
        <h2 className="form-card__title">{text.formTitle}</h2>
        <p>{text.formIntro}</p>
        <TextInput
          label={text.iban}
          description={text.ibanHint}
          name="iban"
          autoComplete="off"
          inputProps={{ autoCapitalize: 'characters', spellCheck: false }}
          value={iban}
          onChange={(value) => {
            setIban(value);
            clear('iban');
          }}
          error={errors.iban}
          maxLength={60}
          isRequired
        />
        <TextInput
          label={text.bic}
          description={text.bicHint}
          name="bic"
          autoComplete="off"
          inputProps={{ autoCapitalize: 'characters', spellCheck: false }}
          value={bic}
          onChange={(value) => {
            setBic(value);
            clear('bic');
          }}
          error={errors.bic}
          maxLength={20}
          className="field--medium"
          isRequired
        />
        <div className="form-actions">
          <PendingButton type="submit" className="button button--primary" pending={pending}>
            {text.submit}
          </PendingButton>
        </div>
      </Form>
      {reauthDialog}
    </>
  );
}
