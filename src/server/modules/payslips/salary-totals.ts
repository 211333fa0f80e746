import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

// Totals of the published, current payslips of an agent over a period of months ('YYYY-MM', inclusive),
// as a salary certificate states them; null when nothing was published in the period.
export async function salaryTotals(
  db: Db,
  agentId: string,
  from: string,
  to: string,
): Promise<{ payslips: number; grossCents: number; netTaxableCents: number; netPaidCents: number } | null> {
  const row = await db
    .selectFrom('payslips')
    .select([
      sql<number>`count(*)::int`.as('payslips'),
      sql<number>`coalesce(sum(gross_cents), 0)::bigint`.as('grossCents'),
      sql<number>`coalesce(sum(net_taxable_cents), 0)::bigint`.as('netTaxableCents'),
      sql<number>`coalesce(sum(net_paid_cents), 0)::bigint`.as('netPaidCents'),
    ])
    .where('agent_id', '=', agentId)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .where('published_at', 'is not', null)
    .where('superseded_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.payslips > 0 ? row : null;
}
