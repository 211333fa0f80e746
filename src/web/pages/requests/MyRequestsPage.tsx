import { useI18n } from '../../i18n/I18nProvider.tsx';
import { RequestsLayout } from './RequestsLayout.tsx';

// Placeholder until its page is written.
export function MyRequestsPage() {
  const { requests } = useI18n();
  return <RequestsLayout title={requests.common.title}>{null}</RequestsLayout>;
}
