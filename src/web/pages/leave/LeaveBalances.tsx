import type { z } from 'zod';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import type { BalanceView, LedgerLineView } from '../../../server/modules/leave/leave.schema.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { daysText } from './leave-format.ts';

type Balance = z.infer<typeof BalanceView>;
type Line = z.infer<typeof LedgerLineView>;

// Each balance with what pending requests already hold and what is left to ask, then, on demand, the
// ledger lines it is the sum of: the agent (and HR) can check every day.
type LeaveBalancesProps = {
  year: number;
  balances: readonly Balance[];
  lines: readonly Line[];
  headingLevel?: 2 | 3;
  /** HR reads someone else's balances: its own title and note. */
  title?: string;
  note?: string;
};

export function LeaveBalances({ year, balances, lines, headingLevel = 2, title, note }: LeaveBalancesProps) {
  const { requests, locale } = useI18n();
  const text = requests.leave;
  const days = (halfDays: number) => daysText(halfDays, locale, text);
  const Title = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="leave-balances" className="staff-section">
      <Title id="leave-balances">{title ?? text.balances.title(year)}</Title>
      <ResponsiveTable
        caption={text.balances.caption(year)}
        rows={balances}
        rowKey={(b) => b.type}
        title={{ key: 'type', header: text.balances.type, cell: (b) => text.types[b.type] }}
        columns={[
          { key: 'allocated', header: text.balances.allocated, cell: (b) => days(b.allocatedHalfDays + b.carriedOverHalfDays - b.expiredHalfDays), nowrap: true },
          { key: 'taken', header: text.balances.taken, cell: (b) => days(b.takenHalfDays), nowrap: true },
          { key: 'pending', header: text.balances.pending, cell: (b) => days(b.pendingHalfDays), nowrap: true },
          { key: 'available', header: text.balances.available, cell: (b) => <strong>{days(b.availableHalfDays)}</strong>, nowrap: true },
        ]}
      />
      <p className="muted">{note ?? text.balances.note}</p>
      {lines.length > 0 ? (
        <Disclosure className="disclosure">
          <Heading level={headingLevel + 1} className="disclosure__heading">
            <Button slot="trigger" className="disclosure__trigger">
              {text.balances.details}
            </Button>
          </Heading>
          <DisclosurePanel className="disclosure__panel">
            <ResponsiveTable
              caption={text.balances.linesCaption}
              rows={lines}
              rowKey={(l) => `${l.recordedAt}-${l.type}-${l.entry}-${l.reason}`}
              title={{ key: 'date', header: text.balances.date, cell: (l) => formatDate(l.recordedAt, locale), nowrap: true }}
              columns={[
                { key: 'type', header: text.balances.type, cell: (l) => `${text.types[l.type]}${l.type === 'cet' ? '' : ` ${l.year}`}` },
                { key: 'movement', header: text.balances.movement, cell: (l) => text.balances.entries[l.entry] },
                { key: 'days', header: text.mine.days, cell: (l) => days(l.halfDays), nowrap: true },
                { key: 'reason', header: text.balances.why, cell: (l) => <span lang="fr">{l.reason}</span> },
              ]}
            />
          </DisclosurePanel>
        </Disclosure>
      ) : null}
    </section>
  );
}
