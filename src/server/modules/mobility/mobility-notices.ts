import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/connection.ts';
import { notifyAgent } from '../notifications/index.ts';
import * as repo from './applications.repo.ts';

// The agent's page of their applications, and HR's: where every mobility notification leads.
export const MY_MOBILITY_PAGE = '/mobilite';
export const HR_MOBILITY_PAGE = '/rh/mobilite';

/** "au poste « Animateur périscolaire » (DASCO)" or "de mobilité spontanée", to end a French sentence. */
export function applicationSubject(application: { offer_title: string | null }, departmentCode: string): string {
  return application.offer_title ? `au poste « ${application.offer_title} » (${departmentCode})` : 'de mobilité spontanée';
}

export function tell(trx: Db, ctx: AppContext, agentId: string, kind: string, title: string, body: string, link: string | undefined, at: Date): Promise<void> {
  return notifyAgent(trx, { agentId, kind: `mobility.${kind}`, title, body, ...(link ? { link } : {}) }, at, ctx.config.publicUrl);
}

/** The HR officers of the department that handles an application: a new one, or one taken back. */
export async function tellHr(trx: Db, ctx: AppContext, departmentId: string, kind: string, title: string, body: string, at: Date): Promise<void> {
  for (const { agent_id } of await repo.hrOfficersOf(trx, departmentId)) await tell(trx, ctx, agent_id, kind, title, body, HR_MOBILITY_PAGE, at);
}
