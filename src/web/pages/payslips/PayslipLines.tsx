import type { PayslipDetail } from '../../../server/modules/payslips/payslips.schema.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatMoney, formatMoneyChange, formatRate } from './payslip-format.ts';

type Line = PayslipDetail['lines'][number];

// The lines of one part of the payslip, each with how it was computed (in French: the payslip's own words)
// and its difference from the previous month. A table on a wide screen, cards on a phone.
export function PayslipLines({ lines, caption, hasPrevious }: { lines: Line[]; caption: string; hasPrevious: boolean }) {
  const { papers, locale } = useI18n();
  const text = papers.payslips;
  const french = locale === 'fr' ? undefined : 'fr';
  const previous = (l: Line) => (!hasPrevious ? text.none : l.previousAmountCents === null ? text.newLine : formatMoney(l.previousAmountCents, locale));
  return (
    <ResponsiveTable
      caption={caption}
      rows={lines}
      rowKey={(l) => l.code}
      title={{
        key: 'label',
        header: text.line.label,
        cell: (l) => (
          <span lang={french}>
            {l.label}
            <span className="data-table__detail payslip-explanation">{l.explanation}</span>
          </span>
        ),
      }}
      columns={[
        { key: 'base', header: text.line.base, cell: (l) => (l.baseCents === null ? text.none : formatMoney(l.baseCents, locale)), nowrap: true },
        { key: 'rate', header: text.line.rate, cell: (l) => (l.ratePercent === null ? text.none : formatRate(l.ratePercent, locale)), nowrap: true },
        { key: 'amount', header: text.line.amount, cell: (l) => <strong>{formatMoney(l.amountCents, locale)}</strong>, nowrap: true },
        { key: 'previous', header: text.line.previous, cell: previous, nowrap: true },
        { key: 'difference', header: text.line.difference, cell: (l) => (hasPrevious ? formatMoneyChange(l.differenceCents, locale) : text.none), nowrap: true },
      ]}
    />
  );
}
