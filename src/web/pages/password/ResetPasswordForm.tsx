import { type FormEvent, useState } from 'react';
import { Button, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { api, isApiError } from '../../api/api-client.ts';
import { problemText } from '../../api/problem-text.ts';
import { Alert } from '../../components/Alert.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { validateCode } from '../../components/one-time-code.ts';
import { NewPasswordFields, newPasswordErrors, usePasswordRules } from '../../components/password/NewPasswordFields.tsx';
import { useFieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { navigate } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';
import { useSession } from '../../session/SessionProvider.tsx';
import { noticeState } from '../../session/notices.ts';
import { forgetResetToken } from './reset-token.ts';

type CodeMethod = 'totp' | 'sms' | 'recovery_code';
const codeMethods: readonly CodeMethod[] = ['totp', 'sms', 'recovery_code'];

type ResetPasswordFormProps = { token: string; methods: string[]; onInvalidLink(): void };

export function ResetPasswordForm({ token, methods, onInvalidLink }: ResetPasswordFormProps) {
  const { t, locale } = useI18n();
  const { refresh } = useSession();
  const text = t.resetPassword;
  const usable = codeMethods.filter((method) => methods.includes(method));
  const [method, setMethod] = useState<CodeMethod | undefined>(usable[0]);
  const [code, setCode] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [smsSent, setSmsSent] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [refused, setRefused] = useState<{ password: string; rules: string[] }>();
  // The link's owner is unknown here: the personal-information rule is checked when the form is sent.
  const rules = usePasswordRules(newPassword, { owner: undefined, serverCheck: false, refused });
  const { errors, check, clear, formRef } = useFieldErrors();

  async function sendSms() {
    setError(undefined);
    try {
      await api.post('/api/auth/password/reset/sms', { token }, { anonymous: true, activity: false });
      setSmsSent(true);
    } catch (caught) {
      if (isApiError(caught, 'invalid_reset_link')) onInvalidLink();
      else setError(caught);
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    const codeError = method ? (validateCode(code, method === 'recovery_code', t.common.required, t.secondFactorStep.codeFormat) ?? undefined) : undefined;
    if (!check({ code: codeError, ...newPasswordErrors(newPassword, confirmation, rules, t) })) return;
    setPending(true);
    try {
      const verification = method ? { method, code: method === 'recovery_code' ? code.trim() : code.replace(/\s/g, '') } : {};
      await api.post('/api/auth/password/reset', { token, newPassword, ...verification }, { anonymous: true, activity: false });
      forgetResetToken();
      // Every session of the agent ended with the reset, this browser's included.
      await refresh();
      navigate(paths.signIn, { state: noticeState('passwordReset') });
    } catch (caught) {
      setPending(false);
      if (isApiError(caught, 'invalid_reset_link')) return onInvalidLink();
      setError(caught);
      if (isApiError(caught, 'invalid_code')) {
        setCode('');
        check({ code: problemText(caught, locale, t).summary });
      } else if (isApiError(caught) && caught.status === 422) {
        const refusedRules = (caught.problem?.errors ?? []).flatMap((e) => (e.rule ? [e.rule] : []));
        setRefused({ password: newPassword, rules: refusedRules });
        check(
          refusedRules.includes('second_factor_required')
            ? { code: t.errors.rules.second_factor_required }
            : { newPassword: t.passwordRules.notAllOk },
        );
      }
    }
  }

  return (
    <>
      {error ? <ProblemAlert error={error} /> : null}
      {methods.length > 0 && usable.length === 0 ? (
        <Alert tone="warning" title={text.noUsableMethod} />
      ) : null}
      <Form ref={formRef} className="form-card" onSubmit={submit} validationBehavior="aria">
        {method ? (
          <fieldset className="fieldset">
            <legend className="fieldset__legend">{text.verificationTitle}</legend>
            <p>{text.verificationText}</p>
            {usable.length > 1 ? (
              <RadioGroup className="choice" value={method} onChange={(value) => setMethod(value as CodeMethod)}>
                <Label className="choice__label">{text.chooseMethod}</Label>
                {usable.map((option) => (
                  <Radio key={option} value={option} className="choice__option">
                    {t.secondFactorStep.methods[option]}
                  </Radio>
                ))}
              </RadioGroup>
            ) : null}
            {method === 'sms' ? (
              <div className="form-actions">
                <Button className="button button--secondary" onPress={sendSms}>
                  {smsSent ? t.secondFactorStep.sms.resend : t.secondFactorStep.sms.send}
                </Button>
              </div>
            ) : null}
            {method === 'sms' && smsSent ? (
              <Alert tone="success" announce>
                <p>{t.secondFactorStep.sms.sent}</p>
              </Alert>
            ) : null}
            <TextInput
              label={method === 'recovery_code' ? t.secondFactorStep.recoveryCode : t.secondFactorStep.code}
              description={t.secondFactorStep.codeHelp[method]}
              name="code"
              value={code}
              onChange={(value) => {
                setCode(value);
                clear('code');
              }}
              error={errors.code}
              isRequired
              autoComplete={method === 'recovery_code' ? 'off' : 'one-time-code'}
              inputMode={method === 'recovery_code' ? 'text' : 'numeric'}
              inputProps={{ spellCheck: false, size: method === 'recovery_code' ? 14 : 8 }}
              className="field--short"
            />
          </fieldset>
        ) : null}
        <NewPasswordFields
          rules={rules}
          value={newPassword}
          onChange={(value) => {
            setNewPassword(value);
            clear('newPassword');
          }}
          confirmation={confirmation}
          onConfirmationChange={(value) => {
            setConfirmation(value);
            clear('confirmation');
          }}
          errors={errors}
        />
        <div className="form-actions">
          <PendingButton type="submit" className="button button--primary" pending={pending}>
            {text.submit}
          </PendingButton>
        </div>
      </Form>
    </>
  );
}
