import { createHash } from 'node:crypto';
import type { Db } from '../../db/connection.ts';
import { monthsUntil } from './pay-months.ts';
import { computePayslip, type PayElements } from './pay-rules.ts';
import { elementsHash } from './payroll-import.service.ts';
import * as repo from './payslips.repo.ts';

// Realistic, deterministic payslips for the demo organisation: each agent's situation derives from their
// badge number (index by grade category, children, part time, NBI, IFSE, tax rate) and moves a little each
// January (échelon). Published on the 25th. Computed and inserted in batches; no PDF (drawn at first download).

const byCategory: Record<string, { index: [number, number]; ifse: [number, number] }> = {
  A: { index: [450, 830], ifse: [60_000, 180_000] },
  B: { index: [390, 560], ifse: [35_000, 70_000] },
  C: { index: [366, 480], ifse: [25_000, 45_000] },
};

export function demoElements(badgeNumber: string, category: string | null, month: string): PayElements {
  const h = createHash('sha256').update(badgeNumber).digest();
  const scale = byCategory[category ?? 'C'] ?? byCategory.C!;
  const pick = (byte: number, [lo, hi]: [number, number]) => lo + Math.floor(((h[byte] ?? 0) / 255) * (hi - lo));
  const yearsSince2024 = Math.max(0, Number(month.slice(0, 4)) - 2024);
  const workTime = [100, 100, 100, 100, 100, 100, 90, 80, 80, 50][(h[3] ?? 0) % 10]!;
  return {
    indexMajore: pick(0, scale.index) + yearsSince2024 * 8,
    nbiPoints: (h[1] ?? 0) % 5 === 0 ? [10, 15, 20, 30][(h[2] ?? 0) % 4]! : 0,
    children: [0, 0, 0, 1, 1, 2, 2, 3, 4][(h[4] ?? 0) % 9]!,
    workTimePercent: workTime,
    residenceZone: 1,
    ifseMonthlyCents: Math.round(pick(5, scale.ifse) / 100) * 100,
    taxRateBasisPoints: [0, 150, 320, 450, 580, 750, 900, 1_100][(h[6] ?? 0) % 8]! + yearsSince2024 * 10,
  };
}

export async function seedDemoPayslips(db: Db, options: { months: number; until: string }): Promise<{ payslips: number }> {
  const months = monthsUntil(options.until, options.months);
  const agents = await repo.agentsPaidBetween(db, months[0]!, months.at(-1)!);
  const rows: repo.NewPayslip[] = [];
  for (const month of months) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    const publishedAt = new Date(Date.UTC(y, m - 1, 25, 8));
    for (const a of agents) {
      if (a.start_date > `${month}-28` || (a.departure_date !== null && a.departure_date < `${month}-01`)) continue;
      const elements = demoElements(a.badge_number, a.category, month);
      rows.push({
        agentId: a.id,
        month,
        version: 1,
        elements,
        elementsSha256: elementsHash(elements),
        figures: computePayslip(month, elements),
        importedAt: publishedAt,
        publishedAt,
        rectificationReason: null,
      });
    }
  }
  await db.transaction().execute((trx) => repo.insertPayslips(trx, rows, { skipExisting: true }));
  return { payslips: rows.length };
}
