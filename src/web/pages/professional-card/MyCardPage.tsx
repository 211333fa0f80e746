import { useI18n } from '../../i18n/I18nProvider.tsx';
import { MyPapersLayout } from '../my-papers/MyPapersLayout.tsx';

// Placeholder until its page is written.
export function MyCardPage() {
  const { papers } = useI18n();
  return <MyPapersLayout title={papers.card.title}>{null}</MyPapersLayout>;
}
