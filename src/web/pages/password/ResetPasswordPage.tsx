import { useEffect, useState } from 'react';
import { Link } from 'react-aria-components';
import { api, isApiError } from '../../api/api-client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Page } from '../../components/Page.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { paths } from '../../router/paths.ts';
import '../../theme/forms.css';
import { ResetPasswordForm } from './ResetPasswordForm.tsx';
import { takeResetToken } from './reset-token.ts';

type LinkState = { kind: 'checking' } | { kind: 'invalid'; missing: boolean } | { kind: 'valid'; methods: string[] } | { kind: 'failed' };

export function ResetPasswordPage() {
  const { t } = useI18n();
  const text = t.resetPassword;
  const [token] = useState(takeResetToken);
  const [link, setLink] = useState<LinkState>(token ? { kind: 'checking' } : { kind: 'invalid', missing: true });

  useEffect(() => {
    if (!token) return;
    api.post<{ secondFactorMethods: string[] }>('/api/auth/password/reset/describe', { token }, { anonymous: true, activity: false }).then(
      (described) => setLink({ kind: 'valid', methods: described.secondFactorMethods }),
      (error: unknown) => setLink(isApiError(error, 'invalid_reset_link') || isApiError(error, 'validation_failed') ? { kind: 'invalid', missing: false } : { kind: 'failed' }),
    );
  }, [token]);

  return (
    <Page title={text.title} lead={link.kind === 'valid' ? text.lead : undefined}>
      <div className="auth-layout">
        {link.kind === 'checking' || link.kind === 'failed' ? <StatusMessage status={link.kind === 'checking' ? 'loading' : 'failed'} /> : null}
        {link.kind === 'invalid' ? (
          <InvalidLink missing={link.missing} />
        ) : link.kind === 'valid' && token ? (
          <ResetPasswordForm token={token} methods={link.methods} onInvalidLink={() => setLink({ kind: 'invalid', missing: false })} />
        ) : null}
      </div>
    </Page>
  );
}

function InvalidLink({ missing }: { missing: boolean }) {
  const { t } = useI18n();
  const text = t.resetPassword;
  return (
    <Alert tone="error" title={missing ? text.missingTitle : text.invalidTitle}>
      <p>{missing ? text.missingText : text.invalidText}</p>
      <p>
        <Link href={paths.forgottenPassword}>{text.askAgain}</Link>
      </p>
    </Alert>
  );
}
