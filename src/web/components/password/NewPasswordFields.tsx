import { useId } from 'react';
import type { PasswordOwner } from '../../../server/modules/identity/password-rules.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Dictionary } from '../../i18n/fr.ts';
import { PasswordInput } from '../PasswordInput.tsx';
import type { FieldErrors } from '../use-field-errors.ts';
import { PasswordRules } from './PasswordRules.tsx';
import { usePasswordRules } from './use-password-rules.ts';

export type PasswordRulesState = ReturnType<typeof usePasswordRules>;
export { usePasswordRules };
export type { PasswordOwner };

type NewPasswordFieldsProps = {
  rules: PasswordRulesState;
  value: string;
  onChange(value: string): void;
  confirmation: string;
  onConfirmationChange(value: string): void;
  errors: FieldErrors;
};

// The new password, its rules ticked as the agent types, and its confirmation.
export function NewPasswordFields({ rules, value, onChange, confirmation, onConfirmationChange, errors }: NewPasswordFieldsProps) {
  const { t } = useI18n();
  const text = t.passwordRules;
  const rulesId = useId();

  return (
    <>
      <PasswordInput
        label={text.newPassword}
        description={text.newPasswordHelp}
        name="newPassword"
        autoComplete="new-password"
        value={value}
        onChange={onChange}
        error={errors.newPassword}
        isRequired
      />
      <PasswordRules id={rulesId} items={rules.items} settled={rules.settled} tooLong={rules.tooLong} />
      <PasswordInput
        label={text.confirmation}
        name="confirmation"
        autoComplete="new-password"
        value={confirmation}
        onChange={onConfirmationChange}
        error={errors.confirmation}
        isRequired
      />
    </>
  );
}

/** The errors of the two fields when the form is sent; the server still has the last word. */
export function newPasswordErrors(value: string, confirmation: string, rules: PasswordRulesState, t: Dictionary): FieldErrors {
  return {
    newPassword: !value ? t.common.required : rules.locallyAcceptable ? undefined : t.passwordRules.notAllOk,
    confirmation: !confirmation ? t.common.required : confirmation === value ? undefined : t.passwordRules.mismatch,
  };
}
