import { NativeSelect } from '../../components/NativeSelect.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import type { FieldErrors } from '../../components/use-field-errors.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export type PeriodValues = { startDate: string; startsIn: 'morning' | 'afternoon'; endDate: string; endsAt: 'noon' | 'evening' };

// First day from the morning or the afternoon, last day until noon or the evening: half days at either end.
export function PeriodFields({ values, errors, startHint, onChange }: { values: PeriodValues; errors: FieldErrors; startHint?: string; onChange(next: PeriodValues, field: string): void }) {
  const { requests } = useI18n();
  const text = requests.leave.form;
  const set = <K extends keyof PeriodValues>(field: K, value: PeriodValues[K]) => onChange({ ...values, [field]: value }, field);
  return (
    <div className="leave-period">
      <TextInput
        label={text.startDate}
        type="date"
        description={[startHint, text.dateHint].filter(Boolean).join(' ')}
        value={values.startDate}
        onChange={(value) => set('startDate', value)}
        error={errors.startDate}
        isRequired
      />
      <NativeSelect
        label={text.startsIn}
        value={values.startsIn}
        options={(['morning', 'afternoon'] as const).map((half) => ({ value: half, label: text.startsInOptions[half] }))}
        onChange={(value) => set('startsIn', value as PeriodValues['startsIn'])}
        error={errors.startsIn}
      />
      <TextInput label={text.endDate} type="date" description={text.dateHint} value={values.endDate} onChange={(value) => set('endDate', value)} error={errors.endDate} isRequired />
      <NativeSelect
        label={text.endsAt}
        value={values.endsAt}
        options={(['evening', 'noon'] as const).map((half) => ({ value: half, label: text.endsAtOptions[half] }))}
        onChange={(value) => set('endsAt', value as PeriodValues['endsAt'])}
        error={errors.endsAt}
      />
    </div>
  );
}
