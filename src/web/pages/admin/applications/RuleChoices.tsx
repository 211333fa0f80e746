import { Checkbox, CheckboxGroup, FieldError, Label, Text } from 'react-aria-components';

type RuleChoicesProps = {
  label: string;
  description?: string;
  options: ReadonlyArray<{ id: string; label: string; lang?: string }>;
  value: readonly string[];
  onChange(value: string[]): void;
  error?: string;
};

// One criterion of an access rule: tick the departments (job profiles, roles) that may open the app.
export function RuleChoices({ label, description, options, value, onChange, error }: RuleChoicesProps) {
  return (
    <CheckboxGroup value={[...value]} onChange={onChange} isInvalid={Boolean(error)} className="field">
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <div className="rule-choices">
        {options.map((option) => (
          <Checkbox key={option.id} value={option.id} className="checkbox">
            <span className="checkbox__box" aria-hidden="true" />
            <span lang={option.lang}>{option.label}</span>
          </Checkbox>
        ))}
      </div>
      <FieldError className="field__error">{error}</FieldError>
    </CheckboxGroup>
  );
}
