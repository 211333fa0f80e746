import { useI18n } from '../../i18n/I18nProvider.tsx';
import { StaffLayout } from '../StaffLayout.tsx';

// Placeholder until its page is written.
export function HrFileCorrectionsPage() {
  const { papers } = useI18n();
  return <StaffLayout area="hr" title={papers.file.title}>{null}</StaffLayout>;
}
