import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { clientOf } from '../../http/client.ts';
import { actorOf } from '../access/index.ts';
import { auditActorOf } from '../audit/index.ts';
import { currentSession } from '../identity/session.guard.ts';
import type { ActingCaller } from './support-actions.service.ts';
import type { SupportCaller } from './support-caller.ts';

export const tags = ['assistance informatique'];

// The caller of a console route, read once from the request (the services know nothing of HTTP).
export async function callerOf(ctx: AppContext, request: FastifyRequest): Promise<SupportCaller> {
  return { actor: await actorOf(ctx, request), session: currentSession(request), client: clientOf(ctx, request) };
}

export async function actingCallerOf(ctx: AppContext, request: FastifyRequest): Promise<ActingCaller> {
  return { ...(await callerOf(ctx, request)), audit: await auditActorOf(ctx, request) };
}
