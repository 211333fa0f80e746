import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

type SelectFieldProps<K extends string> = {
  label: string;
  value: K;
  options: ReadonlyArray<{ id: K; label: string }>;
  onChange(value: K): void;
};

export function SelectField<K extends string>({ label, value, options, onChange }: SelectFieldProps<K>) {
  return (
    <Select
      className="field select"
      value={value}
      onChange={(key) => {
        const option = options.find((candidate) => candidate.id === key);
        if (option) onChange(option.id);
      }}
    >
      <Label className="field__label">{label}</Label>
      <Button className="select__button">
        <SelectValue className="select__value" />
        <span className="select__arrow" aria-hidden="true">
          ▾
        </span>
      </Button>
      <Popover className="select__popover">
        <ListBox className="select__list">
          {options.map((option) => (
            <ListBoxItem key={option.id} id={option.id} className="select__option">
              {option.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
