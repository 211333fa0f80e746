import type { Logger } from 'pino';
import type { AppContext } from '../../app-context.ts';
import { frenchDate, parisDate } from '../accounts/paris-calendar.ts';
import { addDays, addMonths } from '../leave/rules/index.ts';
import { notifyAgent } from '../notifications/index.ts';
import * as repo from './telework.repo.ts';
import { reviewDates } from './telework-rules.ts';

const BATCH = 500;
// A review the job missed by more than a fortnight (portal stopped) is passed over, not announced late.
const STALE_AFTER_DAYS = 14;

// Each quarter of an arrangement in force, the agent and their manager are reminded to review it together
// (accord-cadre of 13 July 2021): once per review date, whatever the job's period.
export async function remindTeleworkReviews(ctx: AppContext, now: Date, log: Logger): Promise<void> {
  const today = parisDate(now);
  let reminded = 0;
  let after: string | null = null;
  for (;;) {
    const rows = await repo.arrangementsForReview(ctx.db, addMonths(today, -3), today, after, BATCH);
    for (const row of rows) {
      const due = reviewDates(row.starts_on, today).at(-1);
      if (!due || (row.last_review_on && row.last_review_on >= due)) continue;
      await ctx.db.transaction().execute(async (trx) => {
        await repo.markReviewed(trx, row.request_id, due);
        if (due < addDays(today, -STALE_AFTER_DAYS)) return;
        const agent = await repo.managerOf(trx, row.agent_id);
        const body = `Le télétravail de ${agent.first_name} ${agent.last_name}, en place depuis le ${frenchDate(row.starts_on)}, est à faire le point ensemble ce trimestre (bilan du ${frenchDate(due)}).`;
        for (const recipient of [agent.id, agent.manager_id]) {
          if (!recipient) continue;
          await notifyAgent(trx, { agentId: recipient, kind: 'telework.review', title: 'Bilan trimestriel du télétravail', body, link: '/teletravail' }, now, ctx.config.publicUrl);
        }
        reminded += 1;
      });
    }
    if (rows.length < BATCH) break;
    after = rows.at(-1)!.request_id;
  }
  if (reminded > 0) log.info({ reminded }, 'telework reviews reminded');
}
