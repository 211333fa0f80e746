import type { ReactNode } from 'react';
import type { PayslipList } from '../../../server/modules/payslips/payslips.schema.ts';
import { ResponsiveTable } from '../../components/ResponsiveTable.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { capitalised, formatMoney, monthName } from './payslip-format.ts';

type Payslip = PayslipList['payslips'][number];

/** A year's payslips, the latest first: month (`label` starts a cell, `name` goes in a sentence), gross, net paid, version, actions. */
export function PayslipTable({ list, caption, month, actions }: { list: PayslipList; caption: string; month(payslip: Payslip, label: string, name: string): ReactNode; actions(payslip: Payslip): ReactNode }) {
  const { papers, locale } = useI18n();
  const text = papers.payslips;
  return (
    <ResponsiveTable
      caption={caption}
      rows={list.payslips}
      rowKey={(p) => p.month}
      title={{ key: 'month', header: text.columns.month, cell: (p) => month(p, capitalised(monthName(p.month, locale)), monthName(p.month, locale)) }}
      columns={[
        { key: 'gross', header: text.columns.gross, cell: (p) => formatMoney(p.grossCents, locale), nowrap: true },
        { key: 'net', header: text.columns.netPaid, cell: (p) => <strong>{formatMoney(p.netPaidCents, locale)}</strong>, nowrap: true },
        { key: 'version', header: text.columns.version, cell: (p) => (p.version > 1 ? text.rectified(p.version) : text.original) },
      ]}
      actions={{ header: text.pdf, cell: (p) => <div className="payslip-actions">{actions(p)}</div> }}
    />
  );
}
