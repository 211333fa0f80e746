import type { Logger } from 'pino';
import type { AppContext } from '../../app-context.ts';
import type { Config } from '../../config.ts';
import { createLogger } from '../../http/logger.ts';
import { claimDueEvents, markDelivered, markFailed, pendingEventCount, releaseClaims } from './webhook-events.repo.ts';

const BATCH_SIZE = 20;
const REQUEST_TIMEOUT_MS = 10_000;
// Longer than a batch of timeouts: after a crash, claimed events come due again once it has passed.
const CLAIM_MS = 5 * 60_000;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 30 * 60_000;

export const SIGNATURE_HEADER = 'x-nomades-signature';

export type WebhookReport = { delivered: number; retried: number };

// 30 s after the first failure, then 1 min, 2, 4… at most 30 min, and never given up: a card block must
// reach the doors, however long the building-access system is away.
export function webhookRetryDelayMs(failedAttempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1), LONGEST_RETRY_MS);
}

export function buildingAccessWebhookUrl(config: Config): string | undefined {
  return config.buildingAccessWebhookUrl;
}

/** "t=<unix seconds>,v1=<HMAC-SHA256 of `${t}.${body}`, base64url>": the receiver recomputes it with the webhook key. */
export function signWebhook(ctx: AppContext, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${ctx.keys.mac('webhook', `${t}.${body}`)}`;
}

// Posts the due events to the building-access system, signed, one at a time and in order. Delivered means
// acknowledged with a 2xx; anything else is retried later. The first failure ends the run: the receiver is
// in trouble and later events must not overtake the one that failed.
export async function deliverBuildingAccessEvents(
  ctx: AppContext,
  now: Date,
  log: Logger = createLogger(ctx.config.logLevel),
  url: string | undefined = buildingAccessWebhookUrl(ctx.config),
): Promise<WebhookReport> {
  const report: WebhookReport = { delivered: 0, retried: 0 };
  if (!url) {
    const { n } = await pendingEventCount(ctx.db);
    if (Number(n) > 0) log.warn({ pending: Number(n) }, 'événements du contrôle d’accès en attente : BUILDING_ACCESS_WEBHOOK_URL non configurée');
    return report;
  }
  const events = await claimDueEvents(ctx.db, now, BATCH_SIZE, new Date(now.getTime() + CLAIM_MS));
  for (const [index, event] of events.entries()) {
    const body = JSON.stringify({ id: event.id, type: event.type, occurredAt: event.created_at.toISOString(), data: event.payload });
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-nomades-event': event.type,
          'x-nomades-event-id': event.id,
          [SIGNATURE_HEADER]: signWebhook(ctx, body, ctx.clock.now()),
        },
        body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await markDelivered(ctx.db, event.id, ctx.clock.now());
      report.delivered += 1;
    } catch (error) {
      const attempts = event.attempts + 1;
      const reason = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);
      const failedAt = ctx.clock.now();
      const nextAttemptAt = new Date(failedAt.getTime() + webhookRetryDelayMs(attempts));
      await markFailed(ctx.db, event.id, reason, nextAttemptAt);
      // The rest of the batch goes back to the queue at once, behind the one that failed.
      const untried = events.slice(index + 1).map((e) => e.id);
      await releaseClaims(ctx.db, untried, nextAttemptAt);
      report.retried += 1;
      log.warn({ eventId: event.id, type: event.type, attempts, reason, nextAttemptAt }, 'contrôle d’accès injoignable, nouvel essai prévu');
      break;
    }
  }
  if (report.delivered + report.retried > 0) log.info(report, 'événements du contrôle d’accès traités');
  return report;
}
