import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { Certificate } from '../../../server/modules/certificates/certificates.schema.ts';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { CertificatesDictionary } from '../../i18n/papers/certificates.fr.ts';
import { downloadCertificate } from './certificate-download.ts';
import { formatMonth } from './months.ts';

/** "de janvier 2026 à mars 2026" for a salary certificate, nothing for the others. */
export function periodOf(certificate: Certificate, text: CertificatesDictionary, locale: Locale): string | undefined {
  if (!certificate.periodFrom || !certificate.periodTo) return undefined;
  return text.period(formatMonth(certificate.periodFrom, locale), formatMonth(certificate.periodTo, locale));
}

type CertificateTableProps = {
  certificates: readonly Certificate[];
  caption: string;
  /** HR only: opens the revocation of a certificate still valid. */
  onRevoke?(certificate: Certificate): void;
};

// The certificates issued, newest first: what each is, its reference, when, whether it still holds, its PDF.
export function CertificateTable({ certificates, caption, onRevoke }: CertificateTableProps) {
  const { papers, locale } = useI18n();
  const text = papers.certificates;
  const [downloading, setDownloading] = useState<string>();
  const [error, setError] = useState<unknown>();

  async function download(certificate: Certificate) {
    setDownloading(certificate.id);
    setError(undefined);
    try {
      await downloadCertificate(certificate);
    } catch (caught) {
      setError(caught);
    } finally {
      setDownloading(undefined);
    }
  }

  return (
    <>
      {error ? <ProblemAlert error={error} /> : null}
      <ResponsiveTable<Certificate>
        caption={caption}
        rows={certificates}
        rowKey={(certificate) => certificate.id}
        title={{
          key: 'kind',
          header: text.list.columns.kind,
          cell: (certificate) => {
            const period = periodOf(certificate, text, locale);
            return (
              <>
                {text.kinds[certificate.kind]}
                {period ? <span className="data-table__detail">{period}</span> : null}
              </>
            );
          },
        }}
        columns={[
          { key: 'reference', header: text.list.columns.reference, cell: (certificate) => certificate.reference, nowrap: true },
          { key: 'issued', header: text.list.columns.issuedAt, cell: (certificate) => formatDate(certificate.issuedAt, locale) },
          {
            key: 'state',
            header: text.list.columns.state,
            cell: (certificate) =>
              certificate.revokedAt ? (
                <>
                  <span className="status-tag status-tag--suspended">{text.list.revoked(formatDate(certificate.revokedAt, locale))}</span>
                  {certificate.revocationReason ? <span className="data-table__detail">{text.list.revokedBecause(certificate.revocationReason)}</span> : null}
                </>
              ) : (
                <span className="status-tag status-tag--active">{text.list.valid}</span>
              ),
          },
        ]}
        actions={{
          header: text.list.columns.actions,
          cell: (certificate) => (
            <div className="row-actions">
              <PendingButton
                className="button button--secondary button--small"
                pending={downloading === certificate.id}
                onPress={() => void download(certificate)}
                aria-label={text.list.downloadNamed(certificate.reference)}
              >
                {text.list.download}
              </PendingButton>
              {onRevoke && !certificate.revoked ? (
                <Button className="button button--danger-outline button--small" onPress={() => onRevoke(certificate)} aria-label={text.hr.revokeNamed(certificate.reference)}>
                  {text.hr.revoke}
                </Button>
              ) : null}
            </div>
          ),
        }}
      />
    </>
  );
}
