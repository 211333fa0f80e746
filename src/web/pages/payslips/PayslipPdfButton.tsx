import { useState } from 'react';
import { api } from '../../api/api-client.ts';
import { saveFile } from '../../components/download.ts';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { monthName } from './payslip-format.ts';

// Downloads a payslip's PDF (always the same bytes: the server keeps the first one drawn). In a list the
// button says only "PDF"; its accessible name says which month.
export function PayslipPdfButton({ url, month, compact = false }: { url: string; month: string; compact?: boolean }) {
  const { papers, locale } = useI18n();
  const text = papers.payslips;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const name = monthName(month, locale);

  async function download() {
    setPending(true);
    setError(undefined);
    setDone(false);
    try {
      saveFile(await api.getFile(url), `bulletin-de-paie-${month}.pdf`);
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <span className="payslip-pdf">
      <PendingButton className={`button button--secondary${compact ? ' button--small' : ''}`} pending={pending} aria-label={text.pdfOf(name)} onPress={() => void download()}>
        {compact ? 'PDF' : text.pdf}
      </PendingButton>
      <span role="status" className="inline-status">
        {done ? text.pdfSaved(name) : ''}
      </span>
      {error ? <ProblemAlert error={error} /> : null}
    </span>
  );
}
