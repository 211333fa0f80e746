import { Label, Radio, RadioGroup } from 'react-aria-components';
import type { CertificateKind } from '../../../server/modules/certificates/certificates.schema.ts';
import { MAX_SALARY_MONTHS, salaryPeriodProblems } from '../../../server/modules/certificates/salary-period.ts';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { problemFieldErrors } from '../../components/problem-fields.ts';
import type { FieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Dictionary } from '../../i18n/fr.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { CertificatesDictionary } from '../../i18n/papers/certificates.fr.ts';
import { currentMonth, formatMonth, shiftMonth } from './months.ts';

export type CertificateRequest = { kind: CertificateKind; from: string; to: string };
export type IssueBody = { kind: 'employment' } | { kind: 'salary'; from: string; to: string } | { kind: 'departure' };

// Five years back: far enough for a loan or a rental file, the server holds the 36-month limit.
const MONTHS_OFFERED = 60;

/** A request of this kind; a salary certificate covers the last 12 months paid by default. */
export function newRequest(kind: CertificateKind): CertificateRequest {
  const lastPaid = shiftMonth(currentMonth(), -1);
  return { kind, from: shiftMonth(lastPaid, -11), to: lastPaid };
}

export function issueBody(request: CertificateRequest): IssueBody {
  return request.kind === 'salary' ? { kind: 'salary', from: request.from, to: request.to } : { kind: request.kind };
}

function ruleTexts(text: CertificatesDictionary['request']['errors']): Record<string, string> {
  return { salary_period_order: text.order, salary_period_future: text.future, salary_period_too_long: text.tooLong(MAX_SALARY_MONTHS) };
}

/** What is wrong with the period before sending it, by the server's own rule. */
export function requestErrors(request: CertificateRequest, text: CertificatesDictionary['request']['errors']): FieldErrors {
  if (request.kind !== 'salary') return {};
  const texts = ruleTexts(text);
  const errors: FieldErrors = {};
  for (const problem of salaryPeriodProblems(request.from, request.to, currentMonth())) {
    errors[problem.field] ??= texts[`salary_period_${problem.rule}`];
  }
  return errors;
}

/** The period errors of a refusal, in the page's language. */
export function refusedFields(error: unknown, locale: Locale, t: Dictionary, text: CertificatesDictionary['request']['errors']): FieldErrors {
  return problemFieldErrors(error, locale, t, ruleTexts(text));
}

type FieldsProps = {
  kinds: readonly CertificateKind[];
  request: CertificateRequest;
  onChange(next: CertificateRequest): void;
  errors: FieldErrors;
};

// The kind of certificate (when there is a choice), then for a salary certificate its first and last month.
export function CertificateRequestFields({ kinds, request, onChange, errors }: FieldsProps) {
  const { papers, locale } = useI18n();
  const text = papers.certificates;
  const latest = currentMonth();
  const months = Array.from({ length: MONTHS_OFFERED }, (_, index) => {
    const month = shiftMonth(latest, -index);
    return { value: month, label: formatMonth(month, locale) };
  });
  return (
    <>
      {kinds.length > 1 ? (
        <RadioGroup className="choice" value={request.kind} onChange={(kind) => onChange({ ...request, kind: kind as CertificateKind })}>
          <Label className="choice__label">{text.request.kind}</Label>
          {kinds.map((kind) => (
            <Radio key={kind} value={kind} className="choice__option">
              <span className="choice__name">{text.kinds[kind]}</span>
              <span className="choice__hint">{text.kindHints[kind]}</span>
            </Radio>
          ))}
        </RadioGroup>
      ) : null}
      {request.kind === 'salary' ? (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{text.request.period}</legend>
          <p className="field__description">{text.request.periodHint(MAX_SALARY_MONTHS)}</p>
          <div className="form-grid">
            <NativeSelect
              label={text.request.from}
              value={request.from}
              options={months}
              onChange={(from) => onChange({ ...request, from })}
              error={errors.from}
              isRequired
            />
            <NativeSelect
              label={text.request.to}
              value={request.to}
              options={months}
              onChange={(to) => onChange({ ...request, to })}
              error={errors.to}
              isRequired
            />
          </div>
        </fieldset>
      ) : null}
    </>
  );
}
