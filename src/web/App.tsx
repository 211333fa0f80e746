import { type ComponentType, lazy, Suspense } from 'react';
import { RouterProvider } from 'react-aria-components';
import { PortalProvider } from './api/PortalProvider.tsx';
import { Layout } from './components/Layout.tsx';
import { PageLoadBoundary } from './components/PageLoadBoundary.tsx';
import { PortalGate } from './components/PortalGate.tsx';
import { StatusMessage } from './components/StatusMessage.tsx';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { AccessibilityPage } from './pages/accessibility/AccessibilityPage.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { NotFoundPage } from './pages/not-found/NotFoundPage.tsx';
import { ForgottenPasswordPage } from './pages/password/ForgottenPasswordPage.tsx';
import { ResetPasswordPage } from './pages/password/ResetPasswordPage.tsx';
import { NewPasswordStepPage } from './pages/sign-in/NewPasswordStepPage.tsx';
import { SecondFactorStepPage } from './pages/sign-in/SecondFactorStepPage.tsx';
import { SignInPage } from './pages/sign-in/SignInPage.tsx';
import { staffPage } from './pages/staff-routes.ts';
import { navigate, usePathname } from './router/history.ts';
import { paths } from './router/paths.ts';
import { RouteGuard } from './session/RouteGuard.tsx';
import { SessionProvider } from './session/SessionProvider.tsx';
import type { Access } from './session/access.ts';

// Pages most visits never open come in their own file, loaded on demand: the sign-in stays light on a phone.
const ApiReferencePage = lazy(() => import('./pages/api-reference/ApiReferencePage.tsx').then((module) => ({ default: module.ApiReferencePage })));
const DevOutboxPage = lazy(() => import('./pages/dev-outbox/DevOutboxPage.tsx').then((module) => ({ default: module.DevOutboxPage })));
const AccountPage = lazy(() => import('./pages/account/AccountPage.tsx').then((module) => ({ default: module.AccountPage })));
const ChangePasswordPage = lazy(() => import('./pages/account/ChangePasswordPage.tsx').then((module) => ({ default: module.ChangePasswordPage })));
const SecondFactorsPage = lazy(() => import('./pages/account/second-factors/SecondFactorsPage.tsx').then((module) => ({ default: module.SecondFactorsPage })));
const SessionsPage = lazy(() => import('./pages/account/SessionsPage.tsx').then((module) => ({ default: module.SessionsPage })));
const HistoryPage = lazy(() => import('./pages/account/history/HistoryPage.tsx').then((module) => ({ default: module.HistoryPage })));
const EnrolmentStepPage = lazy(() => import('./pages/sign-in/EnrolmentStepPage.tsx').then((module) => ({ default: module.EnrolmentStepPage })));

type PageEntry = { component: ComponentType; access: Access };

const pages: Record<string, PageEntry> = {
  [paths.home]: { component: HomePage, access: 'public' },
  [paths.accessibility]: { component: AccessibilityPage, access: 'public' },
  [paths.apiReference]: { component: ApiReferencePage, access: 'public' },
  [paths.devOutbox]: { component: DevOutboxPage, access: 'public' },
  [paths.signIn]: { component: SignInPage, access: 'signed-out' },
  [paths.signInSecondFactor]: { component: SecondFactorStepPage, access: { step: 'second_factor' } },
  [paths.signInNewPassword]: { component: NewPasswordStepPage, access: { step: 'change_password' } },
  [paths.signInEnrolment]: { component: EnrolmentStepPage, access: { step: 'enrol_second_factor' } },
  [paths.forgottenPassword]: { component: ForgottenPasswordPage, access: 'public' },
  [paths.resetPassword]: { component: ResetPasswordPage, access: 'public' },
  [paths.account]: { component: AccountPage, access: 'signed-in' },
  [paths.accountPassword]: { component: ChangePasswordPage, access: 'signed-in' },
  [paths.accountSecondFactors]: { component: SecondFactorsPage, access: 'signed-in' },
  [paths.accountSessions]: { component: SessionsPage, access: 'signed-in' },
  [paths.accountHistory]: { component: HistoryPage, access: 'signed-in' },
};

const notFound: PageEntry = { component: NotFoundPage, access: 'public' };

export function App() {
  return (
    <I18nProvider>
      <RouterProvider navigate={(href) => navigate(href)}>
        <PortalProvider>
          <SessionProvider>
            <Layout>
              <PortalGate>
                <CurrentPage />
              </PortalGate>
            </Layout>
          </SessionProvider>
        </PortalProvider>
      </RouterProvider>
    </I18nProvider>
  );
}

function CurrentPage() {
  const pathname = usePathname();
  const { component: PageComponent, access } = pages[pathname] ?? staffPage(pathname) ?? notFound;
  // A new key per address remounts the page, so each one starts fresh (title, focus, data).
  return (
    <RouteGuard access={access}>
      <PageLoadBoundary key={pathname}>
        <Suspense fallback={<StatusMessage status="loading" />}>
          <PageComponent />
        </Suspense>
      </PageLoadBoundary>
    </RouteGuard>
  );
}
