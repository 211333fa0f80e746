import { useI18n } from '../../i18n/I18nProvider.tsx';

// Said plainly on both public pages: what a check confirms, and that it confirms nothing else.
export function VerificationScope() {
  const { papers } = useI18n();
  const text = papers.certificates.verify;
  return (
    <section aria-labelledby="verification-scope" className="verification-scope">
      <h2 id="verification-scope">{text.scopeTitle}</h2>
      <p>{text.scopeSays}</p>
      <p>{text.scopeWithholds}</p>
    </section>
  );
}
