import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import type { CetDepositBody, CetView, SubmittedRequest } from '../../../server/modules/leave/leave.schema.ts';
import { Alert } from '../../components/Alert.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { NativeSelect } from '../../components/NativeSelect.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { newSubmissionKey, postOnce } from '../../api/submit-once.ts';
import { daysText, halfDaysFromInput } from './leave-format.ts';
import { useFormAction } from './use-form-action.ts';

// The CET: its balance, when it opens, the choice due by 31 January for the days beyond the threshold, and
// a deposit of annual leave or RTT once the rules allow it (the server says why not, in words).
export function CetPanel({ cet, onSent }: { cet: CetView; onSent(summary: string): Promise<void> }) {
  const { requests, locale } = useI18n();
  const text = requests.leave;
  const days = (halfDays: number) => daysText(halfDays, locale, text);
  const [fromType, setFromType] = useState<CetDepositBody['fromType']>('annual_leave');
  const [amount, setAmount] = useState('');
  const { errors, check, clear, formRef } = useFieldErrors();
  const { pending, error, run } = useFormAction(check);
  const key = useRef(newSubmissionKey());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const halfDays = halfDaysFromInput(amount);
    if (!check({ halfDays: halfDays === undefined || halfDays <= 0 ? text.cet.amountInvalid : undefined })) return;
    await run(async () => {
      const submitted = await postOnce<SubmittedRequest>('/api/me/leave/cet-deposits', { fromType, halfDays }, key.current);
      key.current = newSubmissionKey();
      setAmount('');
      await onSent(submitted.summary);
    });
  }

  return (
    <section aria-labelledby="leave-cet" className="staff-section">
      <h2 id="leave-cet">{text.cet.title}</h2>
      <Facts>
        <Fact label={text.cet.balance}>{days(cet.balanceHalfDays)}</Fact>
        <Fact label={cet.open ? text.cet.opensOn : text.cet.opensLater}>{formatDate(cet.opensOn, locale)}</Fact>
        <Fact label={text.cet.pendingDeposits}>{days(cet.pendingDepositsHalfDays)}</Fact>
        <Fact label={text.cet.cap}>{days(cet.capHalfDays)}</Fact>
        <Fact label={text.cet.taken}>{days(cet.annualLeaveTakenHalfDays)}</Fact>
      </Facts>
      <p>
        {cet.halfDaysNeedingChoice > 0
          ? text.cet.choice(days(cet.halfDaysNeedingChoice), days(cet.optionThresholdHalfDays), formatDate(cet.optionDeadline, locale))
          : text.cet.noChoice(days(cet.optionThresholdHalfDays), formatDate(cet.optionDeadline, locale))}
      </p>
      {cet.depositRefusal ? (
        <Alert tone="info" title={text.cet.refusalTitle}>
          <p lang="fr">{cet.depositRefusal}</p>
        </Alert>
      ) : (
        <>
          {error ? <ProblemAlert error={error} /> : null}
          <Form ref={formRef} className="form-card" onSubmit={submit} validationBehavior="aria">
            <h3 className="form-card__title">{text.cet.depositTitle}</h3>
            <NativeSelect
              label={text.cet.from}
              value={fromType}
              options={(['annual_leave', 'rtt'] as const).map((type) => ({ value: type, label: text.types[type] }))}
              onChange={(value) => setFromType(value as CetDepositBody['fromType'])}
            />
            <TextInput
              label={text.cet.amount}
              description={text.cet.amountHint}
              inputProps={{ size: 6 }}
              value={amount}
              onChange={(value) => {
                setAmount(value);
                clear('halfDays');
              }}
              error={errors.halfDays}
              isRequired
            />
            <div className="form-actions">
              <PendingButton type="submit" className="button button--secondary" pending={pending}>
                {text.cet.submit}
              </PendingButton>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
