import { Page } from '../../components/Page.tsx';
import { ChangePasswordForm } from '../../components/password/ChangePasswordForm.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSession } from '../../session/SessionProvider.tsx';
import '../../theme/forms.css';
import { SignInProgress } from './SignInProgress.tsx';

// A temporary, expired or compromised password must be replaced before anything else.
export function NewPasswordStepPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const text = t.newPasswordStep;

  return (
    <Page title={text.title} lead={text.lead}>
      <div className="auth-layout">
        <SignInProgress step="change_password" />
        <ChangePasswordForm
          currentLabel={text.currentPassword}
          submitLabel={text.submit}
          onChanged={async () => {
            await refresh();
          }}
        />
      </div>
    </Page>
  );
}
