import type { ReactNode } from 'react';
import { Link } from 'react-aria-components';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import '../../theme/personal-file.css';
import { MyPapersLayout } from '../my-papers/MyPapersLayout.tsx';

// A page under "My file" (corrections, bank details, consultations, my data): the papers' tabs, then the way back.
export function MyFileLayout({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  const { papers } = useI18n();
  return (
    <MyPapersLayout title={title} lead={lead}>
      <p className="back-link">
        <Link href={paths.myFile}>
          <span aria-hidden="true">← </span>
          {papers.file.back}
        </Link>
      </p>
      {children}
    </MyPapersLayout>
  );
}
