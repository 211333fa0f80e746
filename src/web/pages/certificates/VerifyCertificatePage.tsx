import { Link } from 'react-aria-components';
import type { CertificateVerification } from '../../../server/modules/certificates/certificates.schema.ts';
import { normaliseCode } from '../../../server/modules/certificates/verification-code.ts';
import { isApiError } from '../../api/api-client.ts';
import { waitText } from '../../api/problem-text.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { paths } from '../../router/paths.ts';
import '../../theme/certificates.css';
import { useRouteParameter } from '../staff-routes.ts';
import { VerificationScope } from './VerificationScope.tsx';

// The address printed in a certificate's QR code: whoever holds the paper learns whether it is genuine,
// still valid, and whose it is, without an account.
export function VerifyCertificatePage() {
  const { papers, admin } = useI18n();
  const text = papers.certificates.verify;
  const typed = useRouteParameter();
  const code = normaliseCode(typed);
  return (
    <Page title={text.resultTitle}>
      <div className="auth-layout auth-layout--wide">
        <p className="checked-code">
          {text.checkedCode}
          {admin.common.colon}
          <span className="verification-code">{code ?? typed}</span>
        </p>
        {/* A code of the wrong form cannot exist: no need to ask, nor to spend a look-up. */}
        {code ? <Verification code={code} /> : <NotFound />}
        <p>
          <Link href={paths.verifyCertificate}>{text.another}</Link>
        </p>
        <VerificationScope />
      </div>
    </Page>
  );
}

function Verification({ code }: { code: string }) {
  const { papers, t, locale } = useI18n();
  const text = papers.certificates.verify;
  const { resource } = useApi<CertificateVerification>(`/api/public/certificates/${encodeURIComponent(code)}`, { activity: false });

  if (resource.status === 'loading') return <StatusMessage status="loading" />;
  if (resource.status === 'failed') {
    const error = resource.error;
    if (isApiError(error) && error.status === 404) return <NotFound />;
    if (isApiError(error) && error.status === 429) {
      return (
        <Alert tone="warning" announce title={text.throttledTitle}>
          <p>{error.retryAfterSeconds ? text.throttledText(waitText(error.retryAfterSeconds, t)) : text.throttledLater}</p>
        </Alert>
      );
    }
    return <ProblemAlert error={error} />;
  }
  const found = resource.data;
  return (
    <>
      {found.revoked && found.revokedAt ? (
        <Alert tone="error" announce title={text.revokedTitle}>
          <p>{text.revokedText(formatDate(found.revokedAt, locale))}</p>
        </Alert>
      ) : (
        <Alert tone="success" announce title={text.authenticTitle}>
          <p>{text.authenticText}</p>
        </Alert>
      )}
      <Facts>
        <Fact label={text.type}>{papers.certificates.kinds[found.type]}</Fact>
        <Fact label={text.holder}>{found.holderName}</Fact>
        <Fact label={text.issuedOn}>{formatDate(found.issuedAt, locale)}</Fact>
        {found.revokedAt ? <Fact label={text.revokedOn}>{formatDate(found.revokedAt, locale)}</Fact> : null}
      </Facts>
    </>
  );
}

function NotFound() {
  const { papers } = useI18n();
  const text = papers.certificates.verify;
  return (
    <Alert tone="warning" announce title={text.notFoundTitle}>
      <p>{text.notFoundText}</p>
    </Alert>
  );
}
