import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../http/errors.ts';
import { applicationAccess, ruleOf } from './application-access.ts';
import { findApplicationBySlug, recordApplicationAccess } from './applications.repo.ts';
import type { CatalogueAgent } from './catalogue.service.ts';

export type OpenAnswer = { outcome: 'allowed'; launchUrl: string } | { outcome: 'step_up' };

/**
 * A tile pressed in the catalogue: the rule is checked again here and every answer logged, so that a link
 * copied from someone else's catalogue (or an app hidden since) does not open through the portal.
 */
export async function openFromCatalogue(db: Db, clock: Clock, agent: CatalogueAgent, slug: string): Promise<OpenAnswer> {
  const row = await findApplicationBySlug(db, slug);
  if (!row) throw new AppError('not_found', 'Aucune application à cette adresse.');
  const answer = applicationAccess(ruleOf(row), agent.visitor);
  await recordApplicationAccess(db, {
    applicationId: row.id,
    agentId: agent.agentId,
    at: clock.now(),
    channel: 'catalogue',
    outcome: answer.outcome,
    networkZone: agent.visitor.zone,
    detail: answer.outcome === 'allowed' ? null : answer.reason,
  });
  if (answer.outcome === 'denied') throw new AppError('forbidden', `Vous ne pouvez pas ouvrir « ${row.name} » : ${answer.reason}.`);
  if (answer.outcome === 'step_up') return { outcome: 'step_up' };
  return { outcome: 'allowed', launchUrl: row.launch_url };
}
