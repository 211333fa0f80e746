import { useState } from 'react';
import { Alert } from '../../components/Alert.tsx';
import { PasswordExpiryBanner } from '../../components/PasswordExpiryBanner.tsx';
import { ChangePasswordForm } from '../../components/password/ChangePasswordForm.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { useMe, useSession } from '../../session/SessionProvider.tsx';
import '../../theme/forms.css';
import { AccountPageLayout } from './AccountPageLayout.tsx';

export function ChangePasswordPage() {
  const { t, locale } = useI18n();
  const { refresh } = useSession();
  const me = useMe();
  const text = t.changePassword;
  // A new form after each change: the fields empty themselves, the success message stays.
  const [changes, setChanges] = useState(0);

  return (
    <AccountPageLayout title={text.title} lead={text.lead}>
      <div className="auth-layout">
        {changes > 0 ? (
          <Alert tone="success" announce title={text.done}>
            <p>{text.doneText}</p>
          </Alert>
        ) : (
          <PasswordExpiryBanner me={me} withLink={false} />
        )}
        {me.password.expiresAt && !me.password.expiresSoon ? <p>{text.expiresOn(formatDate(me.password.expiresAt, locale))}</p> : null}
        <ChangePasswordForm
          key={changes}
          currentLabel={text.currentPassword}
          submitLabel={text.submit}
          onChanged={async () => {
            await refresh();
            setChanges((count) => count + 1);
          }}
        />
      </div>
    </AccountPageLayout>
  );
}
