import { NativeSelect } from '../../components/NativeSelect.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The years with payslips, and the one shown even if it has none yet (January, before the first pay). */
export function PayslipYearSelect({ years, value, onChange }: { years: readonly number[]; value: number; onChange(year: number): void }) {
  const { papers } = useI18n();
  const choices = [...new Set([value, ...years])].sort((a, b) => b - a);
  return (
    <NativeSelect
      label={papers.payslips.year}
      description={papers.payslips.yearHint}
      className="field--short"
      value={String(value)}
      options={choices.map((year) => ({ value: String(year), label: String(year) }))}
      onChange={(year) => onChange(Number(year))}
    />
  );
}
