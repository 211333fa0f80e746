import { type ReactNode, useState } from 'react';
import { Button, FieldError, Group, Input, Label, Text, TextField, type TextFieldProps } from 'react-aria-components';
import { useI18n } from '../i18n/I18nProvider.tsx';

type PasswordInputProps = Omit<TextFieldProps, 'children' | 'className' | 'type' | 'validate' | 'isInvalid'> & {
  label: string;
  error?: string;
  description?: ReactNode;
  autoComplete: 'current-password' | 'new-password';
};

// Showing the password helps on phones and for dyslexic agents; it is hidden again by default on each page.
export function PasswordInput({ label, description, error, ...props }: PasswordInputProps) {
  const { t } = useI18n();
  const [visible, setVisible] = useState(false);

  return (
    <TextField {...props} isInvalid={Boolean(error)} type={visible ? 'text' : 'password'} className="field">
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <Group className="password-input">
        <Input className="input password-input__input" autoCapitalize="none" spellCheck={false} />
        <Button
          className="password-input__toggle"
          aria-label={visible ? t.common.hidePassword : t.common.showPassword}
          onPress={() => setVisible((shown) => !shown)}
        >
          {visible ? t.common.hide : t.common.show}
        </Button>
      </Group>
      <FieldError className="field__error">{error}</FieldError>
    </TextField>
  );
}
