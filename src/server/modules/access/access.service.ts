import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { type Action, type Actor, decide, type TargetAgent } from './access.policy.ts';
import { loadActor, loadTargetAgent } from './access.repo.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

// The signed-in agent with their roles, loaded once per request.
export async function actorOf(ctx: AppContext, request: FastifyRequest): Promise<Actor> {
  if (request.actor) return request.actor;
  const agentId = request.session?.agentId;
  if (!agentId) throw new AppError('unauthenticated');
  const actor = await loadActor(ctx.db, agentId);
  if (!actor) throw new AppError('unauthenticated');
  request.actor = actor;
  return actor;
}

// For actions without an object: refuse with 403 when no role allows it.
export function assertAllowed(actor: Actor, action: Action): void {
  const decision = decide(actor, action);
  if (!decision.allowed) throw new AppError('forbidden', `Action non autorisée (${decision.reason}).`);
}

// For actions on a person: outside the actor's perimeter the person does not exist (404), so nobody can
// probe other departments for badge numbers.
export async function authorizeOnAgent(
  ctx: AppContext,
  actor: Actor,
  action: Action,
  where: { agentId: string } | { badgeNumber: string },
): Promise<TargetAgent> {
  const target = await loadTargetAgent(ctx.db, where);
  if (!target || !decide(actor, action, target).allowed) throw new AppError('not_found', 'Aucun agent correspondant.');
  return target;
}
