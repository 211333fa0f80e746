import type { ReactNode, Ref } from 'react';
import { FieldError, Input, Label, Text, TextField, type TextFieldProps } from 'react-aria-components';

type TextInputProps = Omit<TextFieldProps, 'children' | 'className' | 'validate' | 'isInvalid'> & {
  label: string;
  /** Shown under the field, which is then marked invalid (see use-field-errors.ts). */
  error?: string;
  description?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
  /** Extra attributes of the <input> that react-aria's TextField does not pass on. */
  inputProps?: { autoCapitalize?: string; spellCheck?: boolean; placeholder?: string; size?: number };
  className?: string;
};

// A labelled field: label, optional help text (read with the field) and the error once there is one.
export function TextInput({ label, description, error, inputRef, inputProps, className, ...props }: TextInputProps) {
  return (
    <TextField {...props} isInvalid={Boolean(error)} className={['field', className].filter(Boolean).join(' ')}>
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <Input ref={inputRef} className="input" {...inputProps} />
      <FieldError className="field__error">{error}</FieldError>
    </TextField>
  );
}
