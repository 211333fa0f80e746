import { type FormEvent, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { api, isApiError } from '../../api/api-client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Alert } from '../Alert.tsx';
import { PendingButton } from '../PendingButton.tsx';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { TextInput } from '../TextInput.tsx';
import { validateCode } from '../one-time-code.ts';
import { useFieldErrors } from '../use-field-errors.ts';
import type { EnrolmentProps, EnrolmentResult } from './enrolment-types.ts';
import { isReauthCancelled } from './use-reauth.tsx';

export function SmsEnrolment({ enrolmentCode, withReauth, onEnrolled, onForbidden }: EnrolmentProps) {
  const { t } = useI18n();
  const text = t.enrolment.sms;
  const [phone, setPhone] = useState('');
  const [factorId, setFactorId] = useState<string>();
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const codeInput = useRef<HTMLInputElement>(null);
  const { errors, check, clear, formRef } = useFieldErrors();

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!check({ phone: phone.trim() ? undefined : t.common.required })) return;
    setPending(true);
    setError(undefined);
    try {
      const started = await withReauth(() => api.post<{ factorId: string }>('/api/me/second-factors/sms', { phone, enrolmentCode }));
      setFactorId(started.factorId);
    } catch (caught) {
      if (isReauthCancelled(caught)) return;
      if (isApiError(caught, 'forbidden')) onForbidden();
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!check({ code: validateCode(code, false, t.common.required, t.secondFactorStep.codeFormat) ?? undefined })) return;
    setPending(true);
    setError(undefined);
    try {
      onEnrolled(await api.post<EnrolmentResult>(`/api/me/second-factors/sms/${factorId}/confirm`, { code: code.replace(/\s/g, '') }));
    } catch (caught) {
      setError(caught);
      setCode('');
      setPending(false);
      codeInput.current?.focus();
    }
  }

  return (
    <div className="enrolment-flow">
      <Alert tone="warning">
        <p>{text.warning}</p>
      </Alert>
      {error ? <ProblemAlert error={error} /> : null}
      {factorId ? (
        <>
          <Alert tone="success" announce>
            <p>{text.sent}</p>
          </Alert>
          <Form ref={formRef} onSubmit={confirm} validationBehavior="aria">
            <TextInput
              label={text.code}
              name="code"
              value={code}
              onChange={(value) => {
                setCode(value);
                clear('code');
              }}
              error={errors.code}
              inputRef={codeInput}
              isRequired
              autoComplete="one-time-code"
              inputMode="numeric"
              inputProps={{ spellCheck: false, size: 8 }}
              className="field--short"
            />
            <div className="form-actions">
              <PendingButton type="submit" className="button button--primary" pending={pending}>
                {text.confirm}
              </PendingButton>
              <Button className="button button--secondary" onPress={() => setFactorId(undefined)} isDisabled={pending}>
                {text.changeNumber}
              </Button>
            </div>
          </Form>
        </>
      ) : (
        <Form ref={formRef} onSubmit={start} validationBehavior="aria">
          <TextInput
            label={text.phone}
            description={text.phoneHelp}
            name="phone"
            type="tel"
            autoComplete="tel"
            value={phone}
            onChange={(value) => {
              setPhone(value);
              clear('phone');
            }}
            error={errors.phone}
            isRequired
            className="field--medium"
          />
          <div className="form-actions">
            <PendingButton type="submit" className="button button--primary" pending={pending}>
              {text.send}
            </PendingButton>
          </div>
        </Form>
      )}
    </div>
  );
}
