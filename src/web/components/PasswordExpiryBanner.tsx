import { Link } from 'react-aria-components';
import type { MeResponse } from '../../server/modules/identity/sign-in.schema.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { formatDate } from '../i18n/format.ts';
import { paths } from '../router/paths.ts';
import { Alert } from './Alert.tsx';

export function PasswordExpiryBanner({ me, withLink = true }: { me: MeResponse; withLink?: boolean }) {
  const { t, locale } = useI18n();
  if (!me.password.expiresSoon || !me.password.expiresAt) return null;
  return (
    <Alert tone="warning" title={t.passwordExpiry.title(formatDate(me.password.expiresAt, locale))}>
      <p>{t.passwordExpiry.text}</p>
      {withLink ? (
        <p>
          <Link href={paths.accountPassword}>{t.passwordExpiry.action}</Link>
        </p>
      ) : null}
    </Alert>
  );
}
