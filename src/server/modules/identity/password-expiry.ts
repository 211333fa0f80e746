import { sql } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import { enqueueEmail } from '../notifications/index.ts';
import { passwordExpiryEmail } from './identity-emails.ts';
import { PRIVILEGED_ROLES } from './sign-in.policy.ts';
import { inTransaction } from '../../db/transaction.ts';

export const EXPIRY_REMINDER_DAYS = 14;

// Once per password: from 14 days before it expires, the agent gets one e-mail (the banner does the rest).
export async function remindExpiringPasswords(ctx: AppContext, now: Date): Promise<number> {
  const { passwordMaxAgeDays, passwordMaxAgeDaysPrivileged } = ctx.config.auth;
  const privileged = [...PRIVILEGED_ROLES];
  const maxAgeDays = sql<number>`case when exists (
      select 1 from role_assignments r where r.agent_id = a.id and r.role in (${sql.join(privileged)})
    ) then ${passwordMaxAgeDaysPrivileged}::int else ${passwordMaxAgeDays}::int end`;
  const due = await ctx.db
    .selectFrom('accounts as c')
    .innerJoin('agents as a', 'a.id', 'c.agent_id')
    .select(['a.id as agentId', 'a.email', 'a.first_name as firstName', 'c.password_changed_at as changedAt', maxAgeDays.as('maxAgeDays')])
    .where('a.status', '=', 'active')
    .where('c.password_temporary', '=', false)
    .where('c.password_expiry_reminded_at', 'is', null)
    .where('c.password_changed_at', 'is not', null)
    .where(sql<boolean>`c.password_changed_at + make_interval(days => ${maxAgeDays} - ${EXPIRY_REMINDER_DAYS}) <= ${now}`)
    .where(sql<boolean>`c.password_changed_at + make_interval(days => ${maxAgeDays}) > ${now}`)
    .limit(500)
    .execute();
  for (const account of due) {
    const expiresAt = new Date(account.changedAt!.getTime() + account.maxAgeDays * 86_400_000);
    await inTransaction(ctx.db, async (trx) => {
      await trx.updateTable('accounts').set({ password_expiry_reminded_at: now }).where('agent_id', '=', account.agentId).execute();
      await enqueueEmail(trx, passwordExpiryEmail(ctx, account, expiresAt), now);
    });
  }
  return due.length;
}
