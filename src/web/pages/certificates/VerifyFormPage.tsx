import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Page } from '../../components/Page.tsx';

// Placeholder until its page is written.
export function VerifyFormPage() {
  const { papers } = useI18n();
  return <Page title={papers.certificates.title}>{null}</Page>;
}
