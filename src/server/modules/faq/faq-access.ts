import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { clientOf } from '../../http/client.ts';
import { SESSION_COOKIE } from '../../http/cookies.ts';
import { type Actor, assertAllowed } from '../access/index.ts';
import { resolveSession } from '../identity/session.service.ts';

export function assertMayEditFaq(actor: Actor): void {
  assertAllowed(actor, 'faq.edit');
}

/** The help centre is open to all; a signed-in agent is recognised when there is one, never required. */
export async function signedInAgentId(ctx: AppContext, request: FastifyRequest): Promise<string | undefined> {
  const token = request.cookies[SESSION_COOKIE];
  const session = token ? await resolveSession(ctx, token, () => clientOf(ctx, request)) : undefined;
  return session?.stage === 'active' ? session.agentId : undefined;
}
