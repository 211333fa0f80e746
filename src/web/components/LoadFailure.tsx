import { Link } from 'react-aria-components';
import { isApiError } from '../api/api-client.ts';
import { problemText } from '../api/problem-text.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { paths } from '../router/paths.ts';
import { Alert } from './Alert.tsx';
import { StatusMessage } from './StatusMessage.tsx';

/** The console refuses sessions without a second factor outside the city network (rule of the server). */
export function needsStrongAuthentication(error: unknown): boolean {
  return isApiError(error) && error.status === 403 && (error.problem?.errors ?? []).some((e) => e.rule === 'strong_authentication');
}

// Why a page's information did not come: not allowed, not found (or outside one's perimeter, which the
// server answers the same), a stronger sign-in needed, or the network. Never a blank page.
export function LoadFailure({ error }: { error?: unknown }) {
  const { t, admin, locale } = useI18n();
  const text = admin.access;
  if (needsStrongAuthentication(error)) return <StrongAuthenticationNotice />;
  if (isApiError(error) && error.status === 403) {
    return (
      <Alert tone="warning" title={text.forbiddenTitle}>
        <p>{locale === 'fr' ? problemText(error, locale, t).summary : text.forbiddenText}</p>
        <p>{text.askAdministrator}</p>
      </Alert>
    );
  }
  if (isApiError(error) && error.status === 404) {
    return (
      <Alert tone="info" title={text.notFoundTitle}>
        <p>{text.notFoundText}</p>
      </Alert>
    );
  }
  return <StatusMessage status="failed" />;
}

export function StrongAuthenticationNotice() {
  const { admin } = useI18n();
  const text = admin.access;
  return (
    <Alert tone="warning" title={text.strongAuthTitle}>
      <p>{text.strongAuthText}</p>
      <p>{text.strongAuthHow}</p>
      <p>
        <Link href={paths.accountSecondFactors}>{text.strongAuthLink}</Link>
      </p>
    </Alert>
  );
}
