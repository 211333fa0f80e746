import type { Logger } from 'pino';
import type { AppContext } from '../../app-context.ts';
import { createLogger } from '../../http/logger.ts';
import { openDeliveryChannels } from './delivery-channels.ts';
import { claimDueMessages, markAttemptFailed, markSent } from './outbox.repo.ts';

// Small batches: a claimed message waits for the ones before it, and a slow relay (10 s per try) must
// not keep a batch past its claim.
const BATCH_SIZE = 10;
const MAX_BATCHES_PER_RUN = 20;
// Longer than the slowest batch (10 messages × 10 s timeouts, several steps each); after a crash the
// claimed messages come due again once it has passed.
const CLAIM_MS = 5 * 60_000;

export const MAX_ATTEMPTS = 10;
const FIRST_RETRY_MS = 60_000;
const LONGEST_RETRY_MS = 3_600_000;

export type DeliveryReport = { sent: number; retried: number; failed: number };

// 1 min after the first failed attempt, then 2, 4, 8… never more than an hour.
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1), LONGEST_RETRY_MS);
}

// Sends the e-mails and SMS due at `now`. Safe to run on every instance at once: each message is claimed by
// exactly one of them (FOR UPDATE SKIP LOCKED), so nobody receives it twice. sent_at and retries are dated
// by the clock rather than `now`, as sending takes time.
export async function deliverOutbox(
  ctx: AppContext,
  now: Date,
  log: Logger = createLogger(ctx.config.logLevel),
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const channels = openDeliveryChannels(ctx.config, log);
  try {
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch += 1) {
      const messages = await claimDueMessages(ctx.db, now, BATCH_SIZE, new Date(now.getTime() + CLAIM_MS));
      let troubled = false;
      for (const message of messages) {
        try {
          await channels[message.channel].send(message);
          await markSent(ctx.db, message.id, ctx.clock.now());
          report.sent += 1;
        } catch (error) {
          troubled = true;
          const failedAt = ctx.clock.now();
          const attempts = message.attempts + 1;
          const reason = channels.describe(error);
          const givingUp = attempts >= MAX_ATTEMPTS;
          const nextAttemptAt = new Date(failedAt.getTime() + retryDelayMs(attempts));
          await markAttemptFailed(ctx.db, message.id, { error: reason, nextAttemptAt, givenUpAt: givingUp ? failedAt : null });
          const about = { messageId: message.id, channel: message.channel, recipient: message.recipient, attempts, reason };
          if (givingUp) {
            report.failed += 1;
            log.error(about, `message abandonné après ${attempts} tentatives`);
          } else {
            report.retried += 1;
            log.warn({ ...about, nextAttemptAt }, 'envoi échoué, nouvel essai prévu');
          }
        }
      }
      // Stop when the queue is empty, or when a relay is in trouble: hammering it would not help.
      if (messages.length < BATCH_SIZE || troubled) break;
    }
  } finally {
    channels.close();
  }
  if (report.sent + report.retried + report.failed > 0) log.info(report, 'messages sortants traités');
  return report;
}
