import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import '../theme/layout.css';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';

export const mainContentId = 'contenu';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <a className="skip-link" href={`#${mainContentId}`}>
        {t.layout.skipLink}
      </a>
      <Header />
      <main id={mainContentId} tabIndex={-1} className="site-main">
        <div className="container">{children}</div>
      </main>
      <Footer />
    </>
  );
}
