import type { Db } from '../../db/connection.ts';
import type { Session } from '../identity/session.service.ts';
import type { Visitor } from './application-access.ts';

// Authentication methods (RFC 8176) that are a second factor: a code from an app or by text, a passkey.
const SECOND_FACTORS = new Set(['otp', 'sms', 'hwk']);

export function hasSecondFactor(amr: readonly string[]): boolean {
  return amr.some((method) => SECOND_FACTORS.has(method));
}

/** The signed-in agent as an application's rule sees them: where they belong and how they signed in. */
export async function visitorOf(db: Db, session: Pick<Session, 'agentId' | 'zone' | 'amr'>): Promise<Visitor | undefined> {
  const agent = await db
    .selectFrom('agents')
    .select(['department_id', 'job_profile_id', 'status'])
    .where('id', '=', session.agentId)
    .executeTakeFirst();
  if (!agent || agent.status !== 'active') return undefined;
  const roles = await db.selectFrom('role_assignments').select('role').where('agent_id', '=', session.agentId).execute();
  return {
    departmentId: agent.department_id,
    jobProfileId: agent.job_profile_id,
    roles: roles.map((r) => r.role),
    zone: session.zone,
    secondFactor: hasSecondFactor(session.amr),
  };
}
