import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { type Action, actorOf, assertAllowed, authorizeOnAgent, type TargetAgent } from '../access/index.ts';
import { auditActorOf } from '../audit/index.ts';
import type { HrContext } from './hr-context.ts';

// Every HR route starts the same way: a role that allows the action at all (403 otherwise, e.g. a plain
// agent), then, for a route about one agent, that agent inside the actor's perimeter (404 otherwise: outside
// it the person does not exist).

export async function hrActor(ctx: AppContext, request: FastifyRequest, action: Action): Promise<HrContext> {
  const actor = await actorOf(ctx, request);
  assertAllowed(actor, action);
  return { ctx, actor, who: await auditActorOf(ctx, request) };
}

export async function hrTarget(ctx: AppContext, request: FastifyRequest, action: Action): Promise<{ h: HrContext; target: TargetAgent }> {
  const h = await hrActor(ctx, request, action);
  const { id } = request.params as { id: string };
  return { h, target: await authorizeOnAgent(ctx, h.actor, action, { agentId: id }) };
}
