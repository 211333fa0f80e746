import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import type { z } from 'zod';
import type { DelegationList } from '../../../server/modules/requests/requests.schema.ts';
import { api, isApiError } from '../../api/api-client.ts';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import { TextInput } from '../../components/TextInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { parisToday } from '../hr/agent-form-values.ts';

type Values = { delegateBadgeNumber: string; startsOn: string; endsOn: string };
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

// A manager names a colleague, by badge number, who answers their team's requests for these days. The
// server checks the colleague and the dates and names the wrong field.
export function DelegationForm({ onCreated }: { onCreated(list: z.infer<typeof DelegationList>, values: Values): Promise<void> }) {
  const { requests, t, locale } = useI18n();
  const text = requests.common.delegations;
  const today = parisToday();
  const [values, setValues] = useState<Values>({ delegateBadgeNumber: '', startsOn: today, endsOn: today });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const { errors, check, clear, formRef } = useFieldErrors();

  const field = (name: keyof Values) => ({
    value: values[name],
    error: errors[name],
    onChange: (value: string) => {
      setValues((previous) => ({ ...previous, [name]: value }));
      clear(name);
    },
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    const valid = check({
      delegateBadgeNumber: /^\d{7}$/.test(values.delegateBadgeNumber.trim()) ? undefined : text.errors.badge,
      startsOn: isoDate.test(values.startsOn) ? undefined : text.errors.date,
      endsOn: isoDate.test(values.endsOn) ? undefined : text.errors.date,
    });
    if (!valid) return;
    setPending(true);
    try {
      const list = await api.post<z.infer<typeof DelegationList>>('/api/me/delegations', { ...values, delegateBadgeNumber: values.delegateBadgeNumber.trim() });
      await onCreated(list, values);
      setValues({ delegateBadgeNumber: '', startsOn: today, endsOn: today });
    } catch (caught) {
      const fields = problemFieldErrors(caught, locale, t);
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
        <TextInput
          label={text.badge}
          description={text.badgeHint}
          name="delegateBadgeNumber"
          autoComplete="off"
          inputMode="numeric"
          maxLength={7}
          className="field--short"
          isRequired
          {...field('delegateBadgeNumber')}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{text.periodLegend}</legend>
          <p className="field__description">{text.datesHint}</p>
          <div className="form-grid">
            <TextInput label={text.startsOn} type="date" name="startsOn" isRequired {...field('startsOn')} />
            <TextInput label={text.endsOn} type="date" name="endsOn" isRequired {...field('endsOn')} />
          </div>
        </fieldset>
        <div className="form-actions">
          <PendingButton type="submit" className="button button--primary" pending={pending}>
            {text.submit}
          </PendingButton>
        </div>
      </Form>
    </>
  );
}
