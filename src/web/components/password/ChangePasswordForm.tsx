import { type FormEvent, useMemo, useState } from 'react';
import { Form } from 'react-aria-components';
import { api, isApiError } from '../../api/api-client.ts';
import { problemText } from '../../api/problem-text.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useMe } from '../../session/SessionProvider.tsx';
import { PasswordInput } from '../PasswordInput.tsx';
import { PendingButton } from '../PendingButton.tsx';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { useFieldErrors } from '../use-field-errors.ts';
import { NewPasswordFields, newPasswordErrors, usePasswordRules } from './NewPasswordFields.tsx';

type ChangePasswordFormProps = {
  currentLabel: string;
  submitLabel: string;
  onChanged(): Promise<void> | void;
};

export function ChangePasswordForm({ currentLabel, submitLabel, onChanged }: ChangePasswordFormProps) {
  const { t, locale } = useI18n();
  const me = useMe();
  const owner = useMemo(
    () => ({ firstName: me.firstName, lastName: me.lastName, badgeNumber: me.badgeNumber, email: me.email }),
    [me.firstName, me.lastName, me.badgeNumber, me.email],
  );
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [refused, setRefused] = useState<{ password: string; rules: string[] }>();
  const rules = usePasswordRules(newPassword, { owner, serverCheck: true, refused });
  const { errors, check, clear, formRef } = useFieldErrors();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    const fieldErrors = { currentPassword: currentPassword ? undefined : t.common.required, ...newPasswordErrors(newPassword, confirmation, rules, t) };
    if (!check(fieldErrors)) return;
    setPending(true);
    try {
      await api.post('/api/me/password', { currentPassword, newPassword });
      await onChanged();
    } catch (caught) {
      setError(caught);
      setPending(false);
      if (!isApiError(caught) || caught.status !== 422) return;
      const refusedRules = (caught.problem?.errors ?? []).flatMap((e) => (e.rule ? [e.rule] : []));
      setRefused({ password: newPassword, rules: refusedRules });
      if (refusedRules.includes('current_password')) {
        setCurrentPassword('');
        check({ currentPassword: problemText(caught, locale, t).details[0] ?? t.errors.rules.current_password });
      } else {
        check({ newPassword: t.passwordRules.notAllOk });
      }
    }
  }

  const onlyCurrentPasswordWrong = refused?.rules.length === 1 && refused.rules[0] === 'current_password';

  return (
    <>
      {error ? <ProblemAlert error={error} title={onlyCurrentPasswordWrong ? undefined : t.changePassword.refusedTitle} /> : null}
      <Form ref={formRef} className="form-card" onSubmit={submit} validationBehavior="aria">
        {/* For password managers: which account this new password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={me.badgeNumber} readOnly hidden />
        <PasswordInput
          label={currentLabel}
          name="currentPassword"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(value) => {
            setCurrentPassword(value);
            clear('currentPassword');
          }}
          error={errors.currentPassword}
          isRequired
        />
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
            {submitLabel}
          </PendingButton>
        </div>
      </Form>
    </>
  );
}
