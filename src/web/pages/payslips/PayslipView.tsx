import type { PayslipDetail } from '../../../server/modules/payslips/payslips.schema.ts';
import { Alert } from '../../components/Alert.tsx';
import { Fact, Facts } from '../../components/Facts.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDate } from '../../i18n/format.ts';
import { formatMoney, formatMoneyChange, formatRate } from './payslip-format.ts';
import { PayslipLines } from './PayslipLines.tsx';
import '../../theme/payslips.css';

type Totals = PayslipDetail['totals'];

// A payslip on screen, as the PDF prints it and more: each line explained and compared with the previous
// month, the totals, the employer's contributions for information, and the year-to-date figures.
// `level` is the level of its section headings: 2 on the agent's page, 4 inside HR's agent page.
export function PayslipView({ payslip, level }: { payslip: PayslipDetail; level: 2 | 4 }) {
  const { papers, admin, locale } = useI18n();
  const text = papers.payslips;
  const Heading = `h${level}` as const;
  const money = (cents: number) => formatMoney(cents, locale);
  const hasPrevious = payslip.previousTotals !== null;
  const part = (kind: 'earning' | 'deduction' | 'employer') => payslip.lines.filter((l) => l.kind === kind);
  const taxRate = payslip.lines.find((l) => l.code === 'income_tax')?.ratePercent ?? 0;
  // A total, and how it moved since the previous month.
  const compared = (pick: (t: Totals) => number) => (
    <>
      {money(pick(payslip.totals))}
      {payslip.previousTotals ? (
        <span className="fact-detail">
          {text.comparedWith(money(pick(payslip.previousTotals)), formatMoneyChange(pick(payslip.totals) - pick(payslip.previousTotals), locale))}
        </span>
      ) : null}
    </>
  );

  return (
    <div className="payslip">
      {payslip.version > 1 ? (
        <Alert tone="info" title={text.rectificationTitle(payslip.version)}>
          <p>{text.rectificationText}</p>
          {payslip.rectificationReason ? (
            <p>
              {text.rectificationReason}
              {admin.common.colon}
              <span lang={locale === 'fr' ? undefined : 'fr'}>{payslip.rectificationReason}</span>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <Facts>
        <Fact label={text.agent}>
          {payslip.agent.firstName} {payslip.agent.lastName}
        </Fact>
        <Fact label={text.badge}>{payslip.agent.badgeNumber}</Fact>
        <Fact label={text.department}>
          <span lang="fr">{payslip.agent.department}</span>
        </Fact>
        <Fact label={text.publishedOn}>{formatDate(payslip.publishedAt, locale)}</Fact>
        <Fact label={text.totals.netPaid}>
          <strong className="payslip-net">{money(payslip.totals.netPaidCents)}</strong>
        </Fact>
      </Facts>

      <section className="payslip-part">
        <Heading>{text.earningsTitle}</Heading>
        <PayslipLines lines={part('earning')} caption={text.linesCaption(text.earningsTitle)} hasPrevious={hasPrevious} />
      </section>
      <section className="payslip-part">
        <Heading>{text.deductionsTitle}</Heading>
        <PayslipLines lines={part('deduction')} caption={text.linesCaption(text.deductionsTitle)} hasPrevious={hasPrevious} />
      </section>

      <section className="payslip-part">
        <Heading>{text.totalsTitle}</Heading>
        <Facts>
          <Fact label={text.totals.gross}>{compared((t) => t.grossCents)}</Fact>
          <Fact label={text.totals.deductions}>{money(payslip.totals.deductionsCents)}</Fact>
          <Fact label={text.totals.netBeforeTax}>{money(payslip.totals.netBeforeTaxCents)}</Fact>
          <Fact label={text.totals.taxBase}>{money(payslip.totals.netTaxableCents)}</Fact>
          <Fact label={text.totals.taxRate}>{formatRate(taxRate, locale)}</Fact>
          <Fact label={text.totals.tax}>{money(payslip.totals.taxCents)}</Fact>
          <Fact label={text.totals.netPaid} wide>
            <strong className="payslip-net">{compared((t) => t.netPaidCents)}</strong>
          </Fact>
        </Facts>
      </section>

      <section className="payslip-part">
        <Heading>{text.employerTitle}</Heading>
        <p className="muted">{text.employerText}</p>
        <PayslipLines lines={part('employer')} caption={text.linesCaption(text.employerTitle)} hasPrevious={hasPrevious} />
        <Facts>
          <Fact label={text.totals.employer}>{money(payslip.totals.employerCents)}</Fact>
        </Facts>
      </section>

      <section className="payslip-part">
        <Heading>{text.yearToDateTitle}</Heading>
        <Facts>
          <Fact label={text.yearToDate.gross}>{money(payslip.yearToDate.grossCents)}</Fact>
          <Fact label={text.yearToDate.netTaxable}>{money(payslip.yearToDate.netTaxableCents)}</Fact>
          <Fact label={text.yearToDate.tax}>{money(payslip.yearToDate.taxCents)}</Fact>
          <Fact label={text.yearToDate.netPaid}>{money(payslip.yearToDate.netPaidCents)}</Fact>
        </Facts>
      </section>
    </div>
  );
}
