import { setTimeout as sleep } from 'node:timers/promises';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { consumeAttempt, type ThrottleRule } from '../../security/throttle.ts';
import { priorityOf } from './helpdesk-rules.ts';
import * as repo from './helpdesk.repo.ts';
import type { CannotSignInBody } from './helpdesk.schema.ts';

// Enough for a person who tries again, useless for walking badge numbers or flooding support's queue.
export const cannotSignInPerAddress: ThrottleRule = { bucket: 'helpdesk_locked_out_ip', windowMs: 3_600_000, freeFailures: 10, maxDelayMs: 3_600_000 };
export const cannotSignInPerBadge: ThrottleRule = { bucket: 'helpdesk_locked_out_badge', windowMs: 3_600_000, freeFailures: 3, maxDelayMs: 3_600_000 };

// Every answer takes at least this long, whatever the badge: the time must not tell whether it exists.
const ANSWER_FLOOR_MS = 150;

export const CANNOT_SIGN_IN_ANSWER =
  'Votre demande est transmise au support informatique. Si ce matricule correspond à un compte, un technicien vous rappellera au numéro ou à l’adresse indiqués.';

/** Files a callback ticket for the badge's agent when there is one; the caller learns nothing either way. */
export async function reportCannotSignIn(ctx: AppContext, body: CannotSignInBody, ip: string): Promise<{ known: boolean }> {
  const started = performance.now();
  const now = ctx.clock.now();
  const addressAllowed = await consumeAttempt(ctx.db, cannotSignInPerAddress, ip, now);
  const badgeAllowed = await consumeAttempt(ctx.db, cannotSignInPerBadge, body.badgeNumber, now);
  if (!addressAllowed || !badgeAllowed) {
    throw new AppError('rate_limited', 'Trop de demandes : réessayez dans une heure ou appelez le support.', { headers: { 'retry-after': '3600' } });
  }
  const agent = await ctx.db
    .selectFrom('agents')
    .select('id')
    .where('badge_number', '=', body.badgeNumber)
    .where('status', '!=', 'departed')
    .executeTakeFirst();
  if (agent) {
    await repo.insertTicket(ctx.db, {
      agentId: agent.id,
      kind: 'incident',
      category: 'connection',
      title: 'Je n’arrive pas à me connecter (appel à rappeler)',
      description: body.message,
      urgency: 'high',
      impact: 'low',
      priority: priorityOf('high', 'low'),
      callback: { phone: body.phone ?? null, email: body.email ?? null },
      at: now,
    });
  }
  const left = ANSWER_FLOOR_MS - (performance.now() - started);
  if (left > 0) await sleep(left);
  return { known: agent !== undefined };
}
