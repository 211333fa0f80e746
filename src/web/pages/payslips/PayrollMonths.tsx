import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { PayrollMonths as Months } from '../../../server/modules/payslips/payslips.schema.ts';
import { api } from '../../api/api-client.ts';
import type { Resource } from '../../api/use-json.ts';
import { AlertDialog } from '../../components/AlertDialog.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { capitalised, monthName } from './payslip-format.ts';

type Month = Months['months'][number];

// The pay months of the officer's perimeter, with what waits for publication; publishing asks first, since
// agents see their payslips at once and a published payslip then changes only by a rectification.
export function PayrollMonths({ resource, onPublished }: { resource: Resource<Months>; onPublished(message: string): Promise<void> }) {
  const { papers, admin, locale } = useI18n();
  const text = papers.payslips.payroll;
  const [confirming, setConfirming] = useState<Month>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();

  async function publish(month: Month) {
    setPending(true);
    setError(undefined);
    try {
      const done = await api.post<{ month: string; published: number }>(`/api/hr/payroll/${month.month}/publication`);
      setConfirming(undefined);
      await onPublished(text.published(monthName(done.month, locale), done.published));
    } catch (caught) {
      setConfirming(undefined);
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="payroll-months-title" className="staff-section">
      <h2 id="payroll-months-title">{text.monthsTitle}</h2>
      <p className="muted">{text.monthsIntro}</p>
      {error ? <ProblemAlert error={error} /> : null}
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'ready' && resource.data.months.length === 0 ? <p>{text.noMonths}</p> : null}
      {resource.status === 'ready' && resource.data.months.length > 0 ? (
        <ResponsiveTable
          caption={text.monthsCaption}
          rows={resource.data.months}
          rowKey={(m) => m.month}
          title={{ key: 'month', header: text.monthColumns.month, cell: (m) => capitalised(monthName(m.month, locale)) }}
          columns={[
            { key: 'agents', header: text.monthColumns.agents, cell: (m) => m.agents.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB') },
            { key: 'pending', header: text.monthColumns.pending, cell: (m) => text.pendingCount(m.pending, m.pendingRectifications) },
            { key: 'published', header: text.monthColumns.published, cell: (m) => m.published.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB') },
            { key: 'imported', header: text.monthColumns.imported, cell: (m) => formatDateTime(m.lastImportedAt, locale), nowrap: true },
          ]}
          actions={{
            header: text.publishShort,
            cell: (m) =>
              m.pending > 0 ? (
                <Button className="button button--primary button--small" aria-label={text.publish(monthName(m.month, locale), m.pending)} onPress={() => setConfirming(m)}>
                  {text.publishShort}
                </Button>
              ) : null,
          }}
        />
      ) : null}
      {confirming ? (
        <AlertDialog
          title={text.publishTitle(monthName(confirming.month, locale))}
          confirmLabel={text.publish(monthName(confirming.month, locale), confirming.pending)}
          cancelLabel={admin.common.cancel}
          onConfirm={() => void publish(confirming)}
          onCancel={() => setConfirming(undefined)}
          onDismiss={() => setConfirming(undefined)}
          busy={pending}
        >
          <p>{text.publishText(confirming.pending)}</p>
        </AlertDialog>
      ) : null}
    </section>
  );
}
