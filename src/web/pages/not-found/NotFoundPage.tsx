import { Link } from 'react-aria-components';
import { Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { usePathname } from '../../router/history.ts';
import { paths } from '../../router/paths.ts';

export function NotFoundPage() {
  const { t } = useI18n();
  const pathname = usePathname();

  return (
    <Page title={t.notFound.title}>
      <div className="reading">
        <p>{t.notFound.text(pathname)}</p>
        <p>{t.notFound.hint}</p>
        <p>
          <Link href={paths.home}>{t.notFound.backHome}</Link>
        </p>
      </div>
    </Page>
  );
}
