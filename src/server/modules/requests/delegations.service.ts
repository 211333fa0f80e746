import type { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../http/errors.ts';
import { parisDate } from '../accounts/paris-calendar.ts';
import * as repo from './delegations.repo.ts';
import type { DelegationList, NewDelegationBody } from './requests.schema.ts';

// A delegation covers an absence (holidays, sick leave), not a permanent transfer of the team.
const MAX_DELEGATION_DAYS = 184;

export async function myDelegations(ctx: AppContext, agentId: string): Promise<z.infer<typeof DelegationList>> {
  const today = parisDate(ctx.clock.now());
  const [rows, team] = await Promise.all([
    repo.currentDelegations(ctx.db, agentId, today),
    ctx.db.selectFrom('agents').select('id').where('manager_id', '=', agentId).limit(1).executeTakeFirst(),
  ]);
  return {
    managesATeam: team !== undefined,
    items: rows.map((d) => ({
      id: d.id,
      direction: d.manager_id === agentId ? 'given' : 'received',
      manager: `${d.manager_first_name} ${d.manager_last_name}`,
      delegate: `${d.delegate_first_name} ${d.delegate_last_name}`,
      delegateBadgeNumber: d.delegate_badge_number,
      startsOn: d.starts_on,
      endsOn: d.ends_on,
    })),
  };
}

// A manager names who answers their team's requests while they are away.
export async function delegateApprovals(ctx: AppContext, managerId: string, body: z.infer<typeof NewDelegationBody>): Promise<string> {
  const today = parisDate(ctx.clock.now());
  const errors = [];
  if (body.startsOn < today) errors.push({ field: 'startsOn', message: 'la délégation ne peut pas commencer dans le passé' });
  if (body.endsOn < body.startsOn) errors.push({ field: 'endsOn', message: 'la fin doit suivre le début' });
  else if ((Date.parse(body.endsOn) - Date.parse(body.startsOn)) / 86_400_000 > MAX_DELEGATION_DAYS) {
    errors.push({ field: 'endsOn', message: 'six mois au plus : au-delà, c’est un changement d’encadrant, à faire par les RH' });
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'Dates de délégation invalides.', { errors });
  const team = await ctx.db.selectFrom('agents').select('id').where('manager_id', '=', managerId).limit(1).executeTakeFirst();
  if (!team) throw new AppError('forbidden', 'Seul un encadrant qui a une équipe peut déléguer ses validations.');
  const delegate = await ctx.db
    .selectFrom('agents')
    .select(['id', 'status'])
    .where('badge_number', '=', body.delegateBadgeNumber)
    .executeTakeFirst();
  if (!delegate || delegate.status !== 'active') {
    throw new AppError('validation_failed', 'Agent introuvable.', { errors: [{ field: 'delegateBadgeNumber', message: 'aucun agent en activité ne porte ce numéro de badge' }] });
  }
  if (delegate.id === managerId) {
    throw new AppError('validation_failed', 'Délégation impossible.', { errors: [{ field: 'delegateBadgeNumber', message: 'vous ne pouvez pas vous déléguer à vous-même' }] });
  }
  return repo.insertDelegation(ctx.db, { managerId, delegateId: delegate.id, startsOn: body.startsOn, endsOn: body.endsOn, at: ctx.clock.now() });
}

export async function endDelegation(ctx: AppContext, managerId: string, id: string): Promise<void> {
  if (!(await repo.endDelegation(ctx.db, id, managerId, ctx.clock.now()))) throw new AppError('not_found', 'Aucune délégation en cours à ce numéro.');
}
