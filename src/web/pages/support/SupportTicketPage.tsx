import { useI18n } from '../../i18n/I18nProvider.tsx';
import { StaffLayout } from '../StaffLayout.tsx';

// Placeholder until its page is written.
export function SupportTicketPage() {
  const { admin } = useI18n();
  return <StaffLayout area="support" title={admin.nav.support}>{null}</StaffLayout>;
}
