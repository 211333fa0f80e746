import type { CorrectionView } from '../../../server/modules/personal-file/personal-file.schema.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';

// What a correction request changes, field by field: the value in the file, then the one proposed.
export function CorrectionChanges({ changes }: { changes: CorrectionView['changes'] }) {
  const { papers, locale } = useI18n();
  const text = papers.file;
  const shown = (field: CorrectionView['changes'][number]['field'], value: string | null) => {
    if (value === null || value === '') return text.corrections.empty;
    if (field === 'familyStatus') return text.familyStatuses[value] ?? value;
    if (field === 'birthDate') return formatDate(value, locale);
    return value;
  };
  return (
    <ul className="file-changes">
      {changes.map((change) => (
        <li key={change.field}>{text.corrections.changeLine(text.fields[change.field], shown(change.field, change.currentValue), shown(change.field, change.proposedValue))}</li>
      ))}
    </ul>
  );
}
