import PDFDocument from 'pdfkit';
import { euros, lineLabels, percent } from './payslip-explain.ts';
import type { PayLine } from './pay-rules.ts';

// A payslip as French public employers print it: employer and agent at the top (badge number top left),
// the period, earnings and deductions in columns, totals, net paid, year-to-date figures, and the employer
// contributions for information. A4, standard fonts, dated with the publication so the bytes are reproducible.

export type PayslipDocument = {
  employer: { name: string; department: string };
  agent: { badgeNumber: string; firstName: string; lastName: string; grade: string | null; jobTitle: string | null };
  month: string;
  version: number;
  rectificationReason: string | null;
  indexMajore: number;
  workTimePercent: number;
  lines: PayLine[];
  totals: { grossCents: number; deductionsCents: number; netBeforeTaxCents: number; netTaxableCents: number; taxCents: number; netPaidCents: number; employerCents: number };
  yearToDate: { grossCents: number; netTaxableCents: number; taxCents: number; netPaidCents: number };
  publishedAt: Date;
};

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
export const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

const MARGIN = 40;
const ACCENT = '#000091';
const MUTED = '#555555';

export function renderPayslip(p: PayslipDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `Bulletin de paie ${monthLabel(p.month)} — ${p.agent.firstName} ${p.agent.lastName}`,
      Author: p.employer.name,
      CreationDate: p.publishedAt,
      ModDate: p.publishedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const top = MARGIN;
  doc.font('Helvetica-Bold').fontSize(9).fillColor('black').text(`Matricule ${p.agent.badgeNumber}`, MARGIN, top);
  doc.font('Helvetica-Bold').fontSize(13).fillColor(ACCENT).text(p.employer.name, MARGIN, top + 14);
  doc.font('Helvetica').fontSize(9).fillColor(MUTED).text(p.employer.department, MARGIN, top + 31);
  doc.font('Helvetica-Bold').fontSize(14).fillColor('black').text('BULLETIN DE PAIE', MARGIN, top, { width, align: 'right' });
  doc.font('Helvetica').fontSize(10).text(`Période : ${monthLabel(p.month)}`, MARGIN, top + 18, { width, align: 'right' });
  if (p.version > 1) doc.fontSize(8).text(`Bulletin rectificatif (version ${p.version})${p.rectificationReason ? ` : ${p.rectificationReason}` : ''}`, MARGIN, top + 32, { width, align: 'right' });

  doc.rect(MARGIN + width / 2, top + 50, width / 2, 58).stroke('#999999');
  doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text(`${p.agent.lastName.toUpperCase()} ${p.agent.firstName}`, MARGIN + width / 2 + 8, top + 58);
  doc.font('Helvetica').fontSize(9);
  doc.text(`Grade : ${p.agent.grade ?? '—'}`, MARGIN + width / 2 + 8, top + 73);
  doc.text(`Indice majoré ${p.indexMajore} — temps de travail ${p.workTimePercent} %`, MARGIN + width / 2 + 8, top + 86);

  const cols = { label: MARGIN, base: MARGIN + 250, rate: MARGIN + 330, pay: MARGIN + 390, deduct: MARGIN + 455 };
  const colWidth = 60;
  let y = top + 125;
  const header = () => {
    doc.rect(MARGIN, y - 3, width, 15).fill('#e8e8f4');
    doc.fillColor('black').font('Helvetica-Bold').fontSize(8);
    doc.text('Libellé', cols.label + 4, y);
    doc.text('Base', cols.base, y, { width: colWidth, align: 'right' });
    doc.text('Taux', cols.rate, y, { width: 50, align: 'right' });
    doc.text('À payer', cols.pay, y, { width: colWidth, align: 'right' });
    doc.text('À déduire', cols.deduct, y, { width: colWidth, align: 'right' });
    y += 16;
  };
  const row = (l: PayLine) => {
    doc.font('Helvetica').fontSize(8).fillColor('black');
    doc.text(lineLabels[l.code], cols.label + 4, y, { width: 240 });
    if (l.baseCents !== null) doc.text(euros(l.baseCents), cols.base, y, { width: colWidth, align: 'right' });
    if (l.rate) doc.text(percent(l.rate), cols.rate, y, { width: 50, align: 'right' });
    doc.text(euros(l.amountCents), l.kind === 'deduction' ? cols.deduct : cols.pay, y, { width: colWidth, align: 'right' });
    y += 13;
  };
  const total = (label: string, cents: number, column: number, bold = true) => {
    doc.moveTo(MARGIN, y - 2).lineTo(MARGIN + width, y - 2).stroke('#cccccc');
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5).fillColor('black').text(label, cols.label + 4, y);
    doc.text(euros(cents), column, y, { width: colWidth, align: 'right' });
    y += 15;
  };

  header();
  for (const l of p.lines.filter((l) => l.kind === 'earning')) row(l);
  total('Total brut', p.totals.grossCents, cols.pay);
  for (const l of p.lines.filter((l) => l.kind === 'deduction' && l.code !== 'income_tax')) row(l);
  total('Net à payer avant impôt sur le revenu', p.totals.netBeforeTaxCents, cols.pay);
  total('Net imposable', p.totals.netTaxableCents, cols.pay, false);
  for (const l of p.lines.filter((l) => l.code === 'income_tax')) row(l);
  y += 4;
  doc.rect(MARGIN, y - 4, width, 22).fill('#000091');
  doc.fillColor('white').font('Helvetica-Bold').fontSize(11).text('NET PAYÉ', cols.label + 6, y + 1);
  doc.text(euros(p.totals.netPaidCents), cols.deduct - 40, y + 1, { width: colWidth + 40, align: 'right' });
  y += 34;

  doc.fillColor('black').font('Helvetica-Bold').fontSize(9).text('Cumuls de l’année', MARGIN, y);
  y += 13;
  doc.font('Helvetica').fontSize(8);
  const ytd = p.yearToDate;
  doc.text(
    `Brut ${euros(ytd.grossCents)}    Net imposable ${euros(ytd.netTaxableCents)}    Impôt prélevé ${euros(ytd.taxCents)}    Net payé ${euros(ytd.netPaidCents)}`,
    MARGIN,
    y,
  );
  y += 22;

  doc.font('Helvetica-Bold').fontSize(9).text('Contributions de l’employeur (pour information)', MARGIN, y);
  y += 14;
  for (const l of p.lines.filter((l) => l.kind === 'employer')) row(l);
  total('Total des contributions de l’employeur', p.totals.employerCents, cols.pay, false);

  doc.font('Helvetica').fontSize(7).fillColor(MUTED).text(
    'Dans votre intérêt et pour vous aider à faire valoir vos droits, conservez ce bulletin de paie sans limitation de durée.',
    MARGIN,
    doc.page.height - MARGIN - 20,
    { width, align: 'center', lineBreak: false },
  );
  doc.end();
  return finished;
}
