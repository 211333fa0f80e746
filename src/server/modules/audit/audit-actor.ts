import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import type { AuditActor } from './audit.service.ts';

// "Nathalie Girard (1000003)", from the signed-in session: who did it, in words a security officer reads.
export async function auditActorOf(ctx: AppContext, request: FastifyRequest): Promise<AuditActor> {
  const agentId = request.session?.agentId;
  if (!agentId) throw new AppError('unauthenticated');
  const agent = await ctx.db
    .selectFrom('agents')
    .select(['first_name', 'last_name', 'badge_number'])
    .where('id', '=', agentId)
    .executeTakeFirstOrThrow();
  return { agentId, label: `${agent.first_name} ${agent.last_name} (${agent.badge_number})`, ip: request.ip };
}
