import { type FormEvent, useRef, useState } from 'react';
import { Checkbox, CheckboxGroup, FieldError, Form, Label, Text } from 'react-aria-components';
import type { MyTelework, NewTeleworkRequestBody } from '../../../server/modules/telework/telework.schema.ts';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import { TextAreaInput } from '../../components/TextAreaInput.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { Announce } from './TeleworkPage.tsx';
import { newSubmissionKey, postOnce } from '../../api/submit-once.ts';
import { type WeekdayName, WORKWEEK } from './telework-format.ts';

const ADAPTATION_MONTHS = [0, 1, 2, 3];
const PERIODS = ['week', 'month', 'year'] as const;
const blank = { fixedDays: [] as string[], floatingDays: '0', floatingPer: 'month', startsOn: '', adaptation: '3', statement: false, comment: '' };

// The bounds are explained above the form; the server checks them against the agent's working days and its
// answer lands on the fields it concerns.
export function TeleworkRequestForm({ telework, announce }: { telework: MyTelework; announce: Announce }) {
  const { requests, t, locale } = useI18n();
  const text = requests.telework;
  const [values, setValues] = useState(blank);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const { errors, check, clear, formRef } = useFieldErrors();
  const key = useRef(newSubmissionKey());
  const set = <K extends keyof typeof blank>(field: K, value: (typeof blank)[K], errorField: string = field) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    clear(errorField);
  };

  if (telework.requests.some((request) => request.status === 'pending')) {
    return (
      <section aria-labelledby="telework-form" className="staff-section">
        <h2 id="telework-form">{text.form.title}</h2>
        <p>{text.form.pending}</p>
      </section>
    );
  }

  // A worked weekend day is offered; Monday to Friday always are, a day off shown as such.
  const days = WORKWEEK.filter((day, index) => index < 5 || telework.cycle[day] !== 'off');
  const floating = Number(values.floatingDays);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    const local = {
      floatingDays: Number.isInteger(floating) && floating >= 0 ? undefined : text.form.invalidNumber,
      startsOn: values.startsOn ? undefined : t.common.required,
      installationSuitable: values.statement ? undefined : text.form.statementMissing,
    };
    if (!check(local)) return;
    const body: NewTeleworkRequestBody = {
      fixedDays: values.fixedDays as WeekdayName[],
      floatingDays: floating,
      floatingPer: floating > 0 ? (values.floatingPer as NewTeleworkRequestBody['floatingPer']) : null,
      startsOn: values.startsOn,
      adaptationMonths: Number(values.adaptation),
      installationSuitable: values.statement,
      ...(values.comment.trim() ? { comment: values.comment.trim() } : {}),
    };
    setPending(true);
    try {
      const sent = await postOnce<{ answerDueOn: string }>('/api/me/telework/requests', body, key.current);
      key.current = newSubmissionKey();
      setValues(blank);
      await announce(text.form.sent(formatDate(sent.answerDueOn, locale)));
    } catch (caught) {
      setError(caught);
      check(problemFieldErrors(caught, locale, t, text.errorRules));
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="telework-form" className="staff-section">
      <h2 id="telework-form">{telework.arrangement ? text.form.titleChange : text.form.title}</h2>
      <p>{text.form.bounds}</p>
      <p>{text.form.answer}</p>
      {telework.arrangement ? <p>{text.form.changeNote}</p> : null}
      {error ? <ProblemAlert error={error} /> : null}
      <Form ref={formRef} className="form-card" onSubmit={submit} validationBehavior="aria">
        <CheckboxGroup className="field" value={values.fixedDays} onChange={(chosen) => set('fixedDays', chosen)} isInvalid={Boolean(errors.fixedDays)}>
          <Label className="field__label">{text.form.fixedDays}</Label>
          <Text slot="description" className="field__description">
            {text.form.fixedDaysHint}
          </Text>
          <div className="weekday-choices">
            {days.map((day) => (
              <Checkbox key={day} value={day} className="checkbox" isDisabled={telework.cycle[day] === 'off'}>
                <span className="checkbox__box" aria-hidden="true" />
                <span>
                  {text.weekdaysCapitalised[day]} {telework.cycle[day] === 'off' ? <span className="checkbox__note">{text.form.notWorked}</span> : null}
                </span>
              </Checkbox>
            ))}
          </div>
          <FieldError className="field__error">{errors.fixedDays}</FieldError>
        </CheckboxGroup>
        <div className="form-grid">
          <TextInput
            label={text.form.floatingDays}
            description={text.form.floatingDaysHint}
            inputMode="numeric"
            value={values.floatingDays}
            onChange={(value) => set('floatingDays', value)}
            error={errors.floatingDays}
            maxLength={3}
          />
          <NativeSelect
            label={text.form.floatingPer}
            value={values.floatingPer}
            options={PERIODS.map((per) => ({ value: per, label: text.periods[per] }))}
            onChange={(value) => set('floatingPer', value)}
            error={errors.floatingPer}
          />
          <TextInput label={text.form.startsOn} description={text.form.startsOnHint} type="date" value={values.startsOn} onChange={(value) => set('startsOn', value)} error={errors.startsOn} isRequired />
          <NativeSelect
            label={text.form.adaptation}
            description={text.form.adaptationHint}
            value={values.adaptation}
            options={ADAPTATION_MONTHS.map((months) => ({ value: String(months), label: text.months(months) }))}
            onChange={(value) => set('adaptation', value, 'adaptationMonths')}
            error={errors.adaptationMonths}
          />
        </div>
        <Checkbox
          className="checkbox"
          isSelected={values.statement}
          onChange={(selected) => set('statement', selected, 'installationSuitable')}
          isInvalid={Boolean(errors.installationSuitable)}
          aria-describedby={errors.installationSuitable ? 'telework-statement-error' : undefined}
        >
          <span className="checkbox__box" aria-hidden="true" />
          <span>{text.form.statement}</span>
        </Checkbox>
        {errors.installationSuitable ? (
          <p id="telework-statement-error" className="field__error">
            {errors.installationSuitable}
          </p>
        ) : null}
        <TextAreaInput label={text.form.comment} description={text.form.commentHint} value={values.comment} onChange={(value) => set('comment', value)} error={errors.comment} maxLength={1000} />
        <div className="form-actions">
          <PendingButton type="submit" className="button button--primary" pending={pending}>
            {text.form.submit}
          </PendingButton>
        </div>
      </Form>
    </section>
  );
}
