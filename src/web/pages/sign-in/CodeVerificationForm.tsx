import { type FormEvent, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import type { SignInStepResponse } from '../../../server/modules/identity/sign-in.schema.ts';
import { api } from '../../api/api-client.ts';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { validateCode } from '../../components/one-time-code.ts';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import { rememberMethods } from '../../session/sign-in-steps.ts';

export type Verification = {
  /** Where the code goes: the sign-in's second step unless said otherwise (step-up). */
  endpoint?: string;
  /** What follows a proved code; by default the sign-in moves on. */
  onVerified?(): void;
};

// A code from the authenticator app, an SMS or the sheet of recovery codes.
export function CodeVerificationForm({ method, endpoint = '/api/auth/second-factor', onVerified }: { method: 'totp' | 'sms' | 'recovery_code' } & Verification) {
  const { t } = useI18n();
  const { refresh } = useSession();
  const text = t.secondFactorStep;
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const input = useRef<HTMLInputElement>(null);
  const { errors, check, clear, formRef } = useFieldErrors();
  const isRecovery = method === 'recovery_code';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!check({ code: validateCode(code, isRecovery, t.common.required, text.codeFormat) ?? undefined })) return;
    setPending(true);
    setError(undefined);
    try {
      await api.post<SignInStepResponse>(endpoint, { method, code: isRecovery ? code.trim() : code.replace(/\s/g, '') });
      if (onVerified) return onVerified();
      rememberMethods(undefined);
      await refresh();
    } catch (caught) {
      setError(caught);
      setCode('');
      setPending(false);
      input.current?.focus();
    }
  }

  return (
    <>
      {error ? <ProblemAlert error={error} /> : null}
      <Form ref={formRef} onSubmit={submit} validationBehavior="aria">
        <TextInput
          label={isRecovery ? text.recoveryCode : text.code}
          description={text.codeHelp[method]}
          name="code"
          value={code}
          onChange={(value) => {
            setCode(value);
            clear('code');
          }}
          error={errors.code}
          inputRef={input}
          isRequired
          autoComplete={isRecovery ? 'off' : 'one-time-code'}
          inputMode={isRecovery ? 'text' : 'numeric'}
          inputProps={{ autoCapitalize: isRecovery ? 'characters' : 'none', spellCheck: false, size: isRecovery ? 14 : 8 }}
          className="field--short"
        />
        <div className="form-actions">
          <PendingButton type="submit" className="button button--primary" pending={pending}>
            {text.verify}
          </PendingButton>
        </div>
      </Form>
    </>
  );
}
