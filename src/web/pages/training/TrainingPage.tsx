import { useI18n } from '../../i18n/I18nProvider.tsx';
import { RequestsLayout } from '../requests/RequestsLayout.tsx';

// Placeholder until its page is written.
export function TrainingPage() {
  const { requests } = useI18n();
  return <RequestsLayout title={requests.training.title}>{null}</RequestsLayout>;
}
