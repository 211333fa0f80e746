import type { AppContext } from '../../app-context.ts';
import type { Logger } from 'pino';
import { parisDate } from '../accounts/paris-calendar.ts';
import * as repo from './agent-notifications.repo.ts';
import { enqueueEmail } from './outbox.repo.ts';

const BATCH = 200;
// Sent once the working day has begun in Paris, so that it is read with the morning's mail.
const DIGEST_HOUR = 7;
const parisHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' });

// One e-mail a day per agent who chose the digest, listing what the portal told them since the last one.
export async function sendNotificationDigests(ctx: AppContext, now: Date, log: Logger): Promise<void> {
  if (Number(parisHour.format(now)) < DIGEST_HOUR) return;
  const today = parisDate(now);
  let sent = 0;
  for (const recipient of await repo.digestRecipients(ctx.db, today, BATCH)) {
    await ctx.db.transaction().execute(async (trx) => {
      const pending = await repo.notEmailedYet(trx, recipient.agent_id);
      if (pending.length === 0) return;
      const lines = pending.map((n) => `- ${n.title}\n  ${n.body}${n.link ? `\n  ${ctx.config.publicUrl}${n.link}` : ''}`);
      await enqueueEmail(
        trx,
        {
          to: recipient.email,
          subject: `Nomades : ${pending.length} ${pending.length > 1 ? 'nouvelles notifications' : 'nouvelle notification'}`,
          text: `Bonjour ${recipient.first_name},\n\nVoici ce que le portail vous a signalé depuis le dernier résumé :\n\n${lines.join('\n\n')}\n\nVous pouvez recevoir ces messages au fil de l’eau ou plus du tout dans Mon compte.`,
        },
        now,
      );
      await repo.markEmailed(trx, pending.map((n) => n.id), now);
      await repo.recordDigest(trx, recipient.agent_id, today);
      sent += 1;
    });
  }
  if (sent > 0) log.info({ digests: sent }, 'notification digests queued');
}
