import { cnraclEmployerRates, partTimeFraction, pointValues, type Rate, scale, valueAt } from './pay-scales.ts';

// How a French territorial civil servant's payslip is computed from the payroll elements of the month.
// Rounding rule: every line is rounded once, to the nearest cent, half up (all amounts are positive), from
// the exact product of integers; totals are sums of rounded lines, so net = gross − deductions exactly.

export type PayElements = {
  indexMajore: number; // indice majoré
  nbiPoints: number; // nouvelle bonification indiciaire, in points
  children: number; // dependent children, for the supplément familial de traitement
  workTimePercent: number; // 50 to 100
  residenceZone: 1 | 2 | 3; // indemnité de résidence zone (Paris: 1)
  ifseMonthlyCents: number; // RIFSEEP IFSE, full-time monthly amount
  taxRateBasisPoints: number; // income-tax withholding rate from the tax office, in 1/100 of a percent
};

export type LineCode =
  | 'traitement'
  | 'nbi'
  | 'residence'
  | 'sft'
  | 'ifse'
  | 'cnracl'
  | 'rafp'
  | 'csg_deductible'
  | 'csg_non_deductible'
  | 'crds'
  | 'income_tax'
  | 'employer_cnracl'
  | 'employer_rafp'
  | 'employer_sickness'
  | 'employer_family'
  | 'employer_csa'
  | 'employer_fnal'
  | 'employer_cnfpt';

export type PayLine = {
  code: LineCode;
  kind: 'earning' | 'deduction' | 'employer';
  baseCents: number | null;
  rate: Rate | null;
  amountCents: number;
};

export type PayslipFigures = {
  month: string;
  pointValueAnnualCents: number; // indice 100, per year
  payFraction: Rate;
  lines: PayLine[];
  grossCents: number;
  deductionsCents: number; // everything withheld, income tax included
  netBeforeTaxCents: number;
  netTaxableCents: number;
  taxCents: number;
  netPaidCents: number;
  employerCents: number;
};

/** n / d rounded to the nearest integer, half up; n ≥ 0, d > 0, both safe integers. */
export function roundDiv(n: number, d: number): number {
  return Math.floor((2 * n + d) / (2 * d));
}

export const applyRate = (cents: number, r: Rate): number => roundDiv(cents * r.num, r.den);

/** Monthly amount of `points` index points at the annual value of indice 100, times a pay fraction. */
export function pointsAmount(points: number, annualCentsFor100: number, fraction: Rate = { num: 1, den: 1 }): number {
  return roundDiv(points * annualCentsFor100 * fraction.num, 1200 * fraction.den);
}

/** Supplément familial de traitement for a full-time agent at this index (floor 449, ceiling 717). */
export function fullTimeFamilySupplement(children: number, index: number, annualCentsFor100: number): number {
  if (children <= 0) return 0;
  const { sft } = scale;
  const extra = Math.max(0, children - 3);
  const fixed = (sft.fixedCents[Math.min(children, 3)] ?? 0) + extra * sft.fixedPerExtraChildCents;
  const percent = (sft.percent[Math.min(children, 3)] ?? 0) + extra * sft.percentPerExtraChild;
  const cappedIndex = Math.min(Math.max(index, sft.floorIndex), sft.ceilingIndex);
  return fixed + roundDiv(cappedIndex * annualCentsFor100 * percent, 1200 * 100);
}

// Part-time agents get it prorated, never below what a full-time agent at the floor index gets (art. 11).
export function familySupplement(children: number, index: number, annualCentsFor100: number, fraction: Rate): number {
  const full = fullTimeFamilySupplement(children, index, annualCentsFor100);
  if (fraction.num === fraction.den) return full;
  const minimum = fullTimeFamilySupplement(children, scale.sft.floorIndex, annualCentsFor100);
  return Math.max(applyRate(full, fraction), minimum);
}

export function computePayslip(month: string, e: PayElements): PayslipFigures {
  const point = valueAt(pointValues, month);
  const fraction = partTimeFraction(e.workTimePercent);
  const earning = (code: LineCode, amountCents: number, baseCents: number | null = null, r: Rate | null = null): PayLine => ({
    code,
    kind: 'earning',
    baseCents,
    rate: r,
    amountCents,
  });

  const traitement = pointsAmount(e.indexMajore, point, fraction);
  const nbi = pointsAmount(e.nbiPoints, point, fraction);
  const residenceRate = scale.residence[e.residenceZone];
  const residence = applyRate(traitement + nbi, residenceRate);
  // The proportional part of the SFT counts NBI points with the index (both are pensionable traitement).
  const sft = familySupplement(e.children, e.indexMajore + e.nbiPoints, point, fraction);
  const ifse = applyRate(e.ifseMonthlyCents, fraction);
  const earnings = [
    earning('traitement', traitement),
    ...(nbi > 0 ? [earning('nbi', nbi)] : []),
    ...(residence > 0 ? [earning('residence', residence, traitement + nbi, residenceRate)] : []),
    ...(sft > 0 ? [earning('sft', sft)] : []),
    ...(ifse > 0 ? [earning('ifse', ifse, e.ifseMonthlyCents, fraction)] : []),
  ];
  const gross = sum(earnings);

  const deduction = (code: LineCode, baseCents: number, r: Rate): PayLine => ({ code, kind: 'deduction', baseCents, rate: r, amountCents: applyRate(baseCents, r) });
  const pensionable = traitement + nbi;
  // RAFP: allowances not counted for the pension, the base capped at 20 % of the traitement indiciaire brut.
  const rafpBase = Math.min(residence + sft + ifse, applyRate(traitement, scale.rafpCap));
  const csgBase = applyRate(gross, scale.csgCrdsBase);
  const social = [
    deduction('cnracl', pensionable, scale.cnracl),
    deduction('rafp', rafpBase, scale.rafp),
    deduction('csg_deductible', csgBase, scale.csgDeductible),
    deduction('csg_non_deductible', csgBase, scale.csgNonDeductible),
    deduction('crds', csgBase, scale.crds),
  ];
  const netBeforeTax = gross - sum(social);
  // Taxable net: the gross less pension contributions and the deductible CSG.
  const netTaxable = gross - amountOf(social, 'cnracl') - amountOf(social, 'rafp') - amountOf(social, 'csg_deductible');
  const tax = deduction('income_tax', netTaxable, { num: e.taxRateBasisPoints, den: 10_000 });
  const deductions = [...social, tax];

  const employerLine = (code: LineCode, baseCents: number, r: Rate): PayLine => ({ code, kind: 'employer', baseCents, rate: r, amountCents: applyRate(baseCents, r) });
  const employer = [
    employerLine('employer_cnracl', pensionable, valueAt(cnraclEmployerRates, month)),
    employerLine('employer_rafp', rafpBase, scale.employer.rafp),
    employerLine('employer_sickness', pensionable, scale.employer.sickness),
    employerLine('employer_family', gross, scale.employer.familyAllowances),
    employerLine('employer_csa', gross, scale.employer.solidarityAutonomy),
    employerLine('employer_fnal', gross, scale.employer.housing),
    employerLine('employer_cnfpt', gross, scale.employer.cnfpt),
  ];

  const deductionsTotal = sum(deductions);
  return {
    month,
    pointValueAnnualCents: point,
    payFraction: fraction,
    lines: [...earnings, ...deductions, ...employer],
    grossCents: gross,
    deductionsCents: deductionsTotal,
    netBeforeTaxCents: netBeforeTax,
    netTaxableCents: netTaxable,
    taxCents: tax.amountCents,
    netPaidCents: gross - deductionsTotal,
    employerCents: sum(employer),
  };
}

function sum(lines: PayLine[]): number {
  return lines.reduce((total, l) => total + l.amountCents, 0);
}

function amountOf(lines: PayLine[], code: LineCode): number {
  return lines.find((l) => l.code === code)?.amountCents ?? 0;
}
