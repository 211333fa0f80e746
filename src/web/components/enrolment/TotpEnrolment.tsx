import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import type { z } from 'zod';
import type { StartTotpResponse } from '../../../server/modules/identity/second-factor.schema.ts';
import { api, isApiError } from '../../api/api-client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { PendingButton } from '../PendingButton.tsx';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { TextInput } from '../TextInput.tsx';
import { validateCode } from '../one-time-code.ts';
import { useFieldErrors } from '../use-field-errors.ts';
import type { EnrolmentProps, EnrolmentResult } from './enrolment-types.ts';
import { isReauthCancelled } from './use-reauth.tsx';

type TotpSetup = z.infer<typeof StartTotpResponse>;

export function TotpEnrolment({ enrolmentCode, withReauth, onEnrolled, onForbidden }: EnrolmentProps) {
  const { t } = useI18n();
  const text = t.enrolment.totp;
  const [setup, setSetup] = useState<TotpSetup>();
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const codeInput = useRef<HTMLInputElement>(null);
  const { errors, check, clear, formRef } = useFieldErrors();

  async function start() {
    setPending(true);
    setError(undefined);
    try {
      setSetup(await withReauth(() => api.post<TotpSetup>('/api/me/second-factors/totp', { enrolmentCode })));
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
    if (!setup) return;
    if (!check({ code: validateCode(code, false, t.common.required, t.secondFactorStep.codeFormat) ?? undefined })) return;
    setPending(true);
    setError(undefined);
    try {
      const result = await api.post<EnrolmentResult>(`/api/me/second-factors/totp/${setup.factorId}/confirm`, { code: code.replace(/\s/g, '') });
      onEnrolled(result);
    } catch (caught) {
      setError(caught);
      setCode('');
      setPending(false);
      codeInput.current?.focus();
    }
  }

  if (!setup) {
    return (
      <div className="enrolment-flow">
        <p>{text.intro}</p>
        {error ? <ProblemAlert error={error} /> : null}
        <div className="form-actions">
          <PendingButton className="button button--primary" onPress={start} pending={pending}>
            {text.start}
          </PendingButton>
        </div>
      </div>
    );
  }

  return (
    <div className="enrolment-flow">
      <ol className="numbered-steps">
        <li>
          <p>{text.scan}</p>
          <img className="qr-code" src={setup.qrCodeDataUrl} alt={text.qrAlt} width={200} height={200} />
          <p>
            <a href={setup.otpauthUri} className="phone-only">
              {text.openOnPhone}
            </a>
          </p>
        </li>
        <li>
          <p>{text.manual}</p>
          <p>
            <code className="secret" data-testid="totp-secret">
              {setup.secret}
            </code>
          </p>
          <p className="muted">{text.manualHint}</p>
        </li>
        <li>
          <p>{text.enterCode}</p>
          {error ? <ProblemAlert error={error} /> : null}
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
            </div>
          </Form>
        </li>
      </ol>
    </div>
  );
}
