// The figures of French public-service pay, by period. Data, not code: a new decree is one more row.
// Rates are integer fractions (numerator / denominator) so that every amount is computed exactly in cents.

export type Rate = { num: number; den: number };
export const rate = (num: number, den: number): Rate => ({ num, den });

type Dated<T> = { from: string; value: T }; // from = first month 'YYYY-MM' the value applies to

// Annual traitement of indice majoré 100, in cents (the "valeur du point" × 100).
// 5 820,04 €: décret n° 2022-994 du 7 juillet 2022 (1 July 2022). 5 907,34 €: décret n° 2023-519 du 28 juin 2023
// (1 July 2023) — i.e. 4,92278 € a point a month. Unchanged since (2024 and 2025 brought index points, not value).
export const pointValues: readonly Dated<number>[] = [
  { from: '2022-07', value: 582_004 },
  { from: '2023-07', value: 590_734 },
];

// Employer contribution to the CNRACL (information only on the payslip): 31,65 % in 2024, then décret n° 2025-86
// du 30 janvier 2025: 34,65 % in 2025, +3 points a year up to 43,65 % in 2028.
export const cnraclEmployerRates: readonly Dated<Rate>[] = [
  { from: '2023-01', value: rate(3065, 10_000) },
  { from: '2024-01', value: rate(3165, 10_000) },
  { from: '2025-01', value: rate(3465, 10_000) },
  { from: '2026-01', value: rate(3765, 10_000) },
  { from: '2027-01', value: rate(4065, 10_000) },
  { from: '2028-01', value: rate(4365, 10_000) },
];

export const scale = {
  // Agent's pension contribution (CNRACL), on traitement + NBI: 11,10 % since 2020 (décret n° 2010-1749).
  cnracl: rate(1110, 10_000),
  // RAFP (retraite additionnelle), on allowances, base capped at 20 % of the traitement indiciaire brut.
  rafp: rate(5, 100),
  rafpCap: rate(20, 100),
  // CSG 9,2 % (6,8 % deductible from taxable income, 2,4 % not) and CRDS 0,5 %, on 98,25 % of the gross
  // (1,75 % allowance for professional costs, code de la sécurité sociale art. L136-1-2).
  csgCrdsBase: rate(9825, 10_000),
  csgDeductible: rate(680, 10_000),
  csgNonDeductible: rate(240, 10_000),
  crds: rate(50, 10_000),
  // Indemnité de résidence (décret n° 85-1148 art. 9): zone 1 (Paris) 3 %, zone 2 1 %, zone 3 0 %.
  residence: { 1: rate(3, 100), 2: rate(1, 100), 3: rate(0, 100) } as Record<1 | 2 | 3, Rate>,
  // Supplément familial de traitement (décret n° 85-1148 art. 10): fixed part in cents and proportional part
  // in % of the traitement, the index taken between 449 (floor) and 717 (ceiling).
  sft: {
    fixedCents: [0, 229, 1067, 1524] as const,
    fixedPerExtraChildCents: 457,
    percent: [0, 0, 3, 8] as const,
    percentPerExtraChild: 6,
    floorIndex: 449,
    ceilingIndex: 717,
  },
  // Employer contributions shown for information (besides the CNRACL above).
  employer: {
    rafp: rate(5, 100),
    sickness: rate(988, 10_000), // maladie, fonctionnaires CNRACL
    familyAllowances: rate(525, 10_000),
    solidarityAutonomy: rate(30, 10_000), // CSA
    housing: rate(50, 10_000), // FNAL, 50 employees or more
    cnfpt: rate(90, 10_000), // training of territorial civil servants
  },
} as const;

export function valueAt<T>(periods: readonly Dated<T>[], month: string): T {
  let found: T | undefined;
  for (const p of periods) if (p.from <= month) found = p.value;
  if (found === undefined) throw new Error(`no pay scale value for ${month}`);
  return found;
}

// Part-time pay (décret n° 2004-777 for the territorial service, via ordonnance n° 82-296 art. 7): 80 % is
// paid 6/7 and 90 % is paid 32/35; other percentages are paid as worked.
export function partTimeFraction(workTimePercent: number): Rate {
  if (workTimePercent === 80) return rate(6, 7);
  if (workTimePercent === 90) return rate(32, 35);
  return rate(workTimePercent, 100);
}
