import { useRef, useState } from 'react';
import type { z } from 'zod';
import type { AllowanceQuarter, MyAllowance } from '../../../server/modules/telework/telework.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { PendingButton } from '../../components/PendingButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatMoney } from '../payslips/payslip-format.ts';
import { RequestStatusTag } from '../requests/RequestTags.tsx';
import { newSubmissionKey, postOnce } from '../../api/submit-once.ts';

type Quarter = z.infer<typeof AllowanceQuarter>;

// The forfait télétravail, quarter by quarter: the days the portal counted, what they are worth, and the
// claim, which the manager then HR approve.
export function AllowanceSection({ announce }: { announce(message: string): void }) {
  const { requests, locale } = useI18n();
  const text = requests.telework.allowance;
  const { resource, reload } = useApi<MyAllowance>('/api/me/telework/allowance');
  const [pending, setPending] = useState<string>();
  const [error, setError] = useState<unknown>();
  // One key per quarter until its claim is filed: a retried click files it once.
  const keys = useRef(new Map<string, string>());
  const name = (row: Quarter) => text.quarterName(row.quarter, row.year);
  const idOf = (row: Quarter) => `${row.year}-${row.quarter}`;

  async function claim(row: Quarter) {
    const id = idOf(row);
    if (!keys.current.has(id)) keys.current.set(id, newSubmissionKey());
    setPending(id);
    setError(undefined);
    try {
      const claimed = await postOnce<{ amountCents: number }>('/api/me/telework/allowance-requests', { year: row.year, quarter: row.quarter }, keys.current.get(id)!);
      keys.current.delete(id);
      await reload();
      announce(text.claimed(name(row), formatMoney(claimed.amountCents, locale)));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(undefined);
    }
  }

  const live = (row: Quarter) => row.claim && (row.claim.status === 'pending' || row.claim.status === 'approved');

  return (
    <section aria-labelledby="telework-allowance" className="staff-section">
      <h2 id="telework-allowance">{text.title}</h2>
      {resource.status === 'loading' ? <StatusMessage status="loading" /> : null}
      {resource.status === 'failed' ? <LoadFailure error={resource.error} /> : null}
      {resource.status === 'ready' ? (
        <>
          <p>{text.lead(formatMoney(resource.data.ratePerDayCents, locale), formatMoney(resource.data.yearlyCapCents, locale))}</p>
          <p className="field__description" lang="fr">
            {resource.data.legalReference}
          </p>
          {error ? <ProblemAlert error={error} /> : null}
          <ResponsiveTable
            caption={text.caption}
            rows={resource.data.quarters}
            rowKey={idOf}
            title={{ key: 'quarter', header: text.quarter, cell: name }}
            columns={[
              { key: 'days', header: text.days, cell: (row) => row.teleworkDays },
              { key: 'amount', header: text.amount, cell: (row) => formatMoney(row.amountCents, locale), nowrap: true },
              { key: 'claim', header: text.claim, cell: (row) => (row.claim ? <RequestStatusTag status={row.claim.status} /> : null) },
            ]}
            actions={{
              header: text.ask,
              cell: (row) =>
                live(row) ? null : row.teleworkDays > 0 && row.amountCents > 0 ? (
                  <PendingButton className="button button--secondary button--small" pending={pending === idOf(row)} aria-label={text.askNamed(name(row))} onPress={() => claim(row)}>
                    {text.ask}
                  </PendingButton>
                ) : (
                  text.nothing
                ),
            }}
          />
        </>
      ) : null}
    </section>
  );
}
