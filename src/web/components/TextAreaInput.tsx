import type { ReactNode } from 'react';
import { FieldError, Label, Text, TextArea, TextField, type TextFieldProps } from 'react-aria-components';

type TextAreaInputProps = Omit<TextFieldProps, 'children' | 'className' | 'validate' | 'isInvalid'> & {
  label: string;
  error?: string;
  description?: ReactNode;
  rows?: number;
};

// A labelled multi-line field (a reason, a note): its help text is read with it, its error under it.
export function TextAreaInput({ label, description, error, rows = 3, ...props }: TextAreaInputProps) {
  return (
    <TextField {...props} isInvalid={Boolean(error)} className="field">
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <TextArea className="input textarea" rows={rows} />
      <FieldError className="field__error">{error}</FieldError>
    </TextField>
  );
}
