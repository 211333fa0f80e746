import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type PayElements, computePayslip, familySupplement, roundDiv } from './pay-rules.ts';
import { explainLine } from './payslip-explain.ts';

const base: PayElements = { indexMajore: 420, nbiPoints: 0, children: 0, workTimePercent: 100, residenceZone: 1, ifseMonthlyCents: 0, taxRateBasisPoints: 0 };
const amounts = (month: string, e: PayElements) => Object.fromEntries(computePayslip(month, e).lines.map((l) => [l.code, l.amountCents]));

describe('payslip arithmetic on known cases', () => {
  // Worked by hand: 420 × 5 907,34 € / 1 200 = 2 067,569 → 2 067,57 €; résidence 3 % = 62,027 → 62,03 €;
  // CSG/CRDS base 98,25 % × 2 129,60 € = 2 092,332 → 2 092,33 €.
  test('a full-time agent at indice majoré 420 in Paris, June 2024', () => {
    const f = computePayslip('2024-06', base);
    assert.deepEqual(amounts('2024-06', base), {
      traitement: 206_757,
      residence: 6_203,
      cnracl: 22_950, // 11,10 % × 2 067,57 = 229,500
      rafp: 310, // 5 % × 62,03 = 3,1015
      csg_deductible: 14_228, // 6,8 % × 2 092,33
      csg_non_deductible: 5_022, // 2,4 %
      crds: 1_046, // 0,5 %
      income_tax: 0,
      employer_cnracl: 65_439, // 31,65 % in 2024
      employer_rafp: 310,
      employer_sickness: 20_428,
      employer_family: 11_180,
      employer_csa: 639,
      employer_fnal: 1_065,
      employer_cnfpt: 1_917,
    });
    assert.equal(f.grossCents, 212_960);
    assert.equal(f.netBeforeTaxCents, 169_404);
    assert.equal(f.netTaxableCents, 175_472);
    assert.equal(f.netPaidCents, 169_404);
    const traitement = f.lines.find((l) => l.code === 'traitement')!;
    assert.equal(explainLine(traitement, f, base), 'traitement indiciaire = indice majoré 420 × 4,92278 € = 2 067,57 €');
  });

  // 80 % is paid 6/7. Traitement 500 × 5 907,34 / 1 200 × 6/7 = 2 109,764 → 2 109,76 €; NBI 15 points → 63,29 €;
  // SFT 3 children full time at index 515: 15,24 + 8 % × 2 535,23 = 218,06 €, × 6/7 = 186,91 € is below the
  // floor (full time at index 449: 15,24 + 176,83 = 192,07 €) so 192,07 €; IFSE 450 € × 6/7 = 385,71 €;
  // RAFP base capped at 20 % of 2 109,76 = 421,95 €; tax 7,5 % of the taxable net 2 365,57 € = 177,42 €.
  test('a part-time (80 %) agent with NBI, three children, IFSE and a tax rate, March 2025', () => {
    const e: PayElements = { indexMajore: 500, nbiPoints: 15, children: 3, workTimePercent: 80, residenceZone: 1, ifseMonthlyCents: 45_000, taxRateBasisPoints: 750 };
    const a = amounts('2025-03', e);
    assert.deepEqual(
      [a.traitement, a.nbi, a.residence, a.sft, a.ifse, a.cnracl, a.rafp, a.csg_deductible, a.csg_non_deductible, a.crds, a.income_tax],
      [210_976, 6_329, 6_519, 19_207, 38_571, 24_121, 2_110, 18_814, 6_640, 1_383, 17_742],
    );
    const f = computePayslip('2025-03', e);
    assert.deepEqual([f.grossCents, f.netBeforeTaxCents, f.netTaxableCents, f.taxCents, f.netPaidCents], [281_602, 228_534, 236_557, 17_742, 210_792]);
  });

  test('the family supplement follows the scale: fixed part, percentage, floor 449 and ceiling 717', () => {
    const point = 590_734;
    const full = { num: 1, den: 1 };
    assert.equal(familySupplement(1, 600, point, full), 229);
    assert.equal(familySupplement(2, 300, point, full), 1_067 + roundDiv(449 * point * 3, 120_000)); // floor
    assert.equal(familySupplement(2, 900, point, full), 1_067 + roundDiv(717 * point * 3, 120_000)); // ceiling
    assert.equal(familySupplement(4, 600, point, full), 1_524 + 457 + roundDiv(600 * point * 14, 120_000));
    assert.equal(familySupplement(0, 600, point, full), 0);
  });

  test('the point value is the one of the month: 4,85003 € before July 2023', () => {
    assert.equal(amounts('2023-06', base).traitement, roundDiv(420 * 582_004, 1200));
  });
});

// A small seeded PRNG (mulberry32) so that a failure is reproducible.
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('payslip arithmetic on random cases', () => {
  test('net paid is gross minus deductions, to the cent, on 5,000 random payslips', () => {
    const random = prng(20261123);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    for (let i = 0; i < 5_000; i += 1) {
      const e: PayElements = {
        indexMajore: 366 + Math.floor(random() * 1_100),
        nbiPoints: pick([0, 0, 10, 15, 20, 30, 50]),
        children: pick([0, 0, 1, 2, 3, 4, 6]),
        workTimePercent: pick([100, 100, 90, 80, 70, 60, 50]),
        residenceZone: pick([1, 2, 3] as const),
        ifseMonthlyCents: Math.floor(random() * 300_000),
        taxRateBasisPoints: Math.floor(random() * 4_300),
      };
      const month = `${pick([2023, 2024, 2025, 2026])}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`;
      const f = computePayslip(month, e);
      const of = (kind: string) => f.lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.amountCents, 0);
      const context = JSON.stringify({ month, e });
      assert.equal(f.grossCents, of('earning'), context);
      assert.equal(f.deductionsCents, of('deduction'), context);
      assert.equal(f.netPaidCents, f.grossCents - f.deductionsCents, context);
      assert.equal(f.netPaidCents, f.netBeforeTaxCents - f.taxCents, context);
      for (const l of f.lines) assert.ok(Number.isSafeInteger(l.amountCents) && l.amountCents >= 0, context);
      assert.ok(f.netPaidCents > 0 && f.netPaidCents < f.grossCents, context);
    }
  });
});
