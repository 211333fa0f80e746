import type { ComponentType } from 'react';
import { RouterProvider } from 'react-aria-components';
import { PortalProvider } from './api/PortalProvider.tsx';
import { Layout } from './components/Layout.tsx';
import { PortalGate } from './components/PortalGate.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { AccessibilityPage } from './pages/accessibility/AccessibilityPage.tsx';
import { ApiReferencePage } from './pages/api-reference/ApiReferencePage.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { NotFoundPage } from './pages/not-found/NotFoundPage.tsx';
import { navigate, usePathname } from './router/history.ts';
import { paths } from './router/paths.ts';

const pages: Record<string, ComponentType> = {
  [paths.home]: HomePage,
  [paths.accessibility]: AccessibilityPage,
  [paths.apiReference]: ApiReferencePage,
};

export function App() {
  return (
    <I18nProvider>
      <RouterProvider navigate={navigate}>
        <PortalProvider>
          <Layout>
            <PortalGate>
              <CurrentPage />
            </PortalGate>
          </Layout>
        </PortalProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

function CurrentPage() {
  const pathname = usePathname();
  const PageComponent = pages[pathname] ?? NotFoundPage;
  // A new key per address remounts the page, so each one starts fresh (title, focus, data).
  return <PageComponent key={pathname} />;
}
