import { useI18n } from '../../i18n/I18nProvider.tsx';
import { StaffLayout } from '../StaffLayout.tsx';

// Placeholder until its page is written.
export function HrAbsencesPage() {
  const { requests } = useI18n();
  return <StaffLayout area="hr" title={requests.leave.title}>{null}</StaffLayout>;
}
