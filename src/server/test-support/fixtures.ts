import type { Db } from '../db/connection.ts';
import { hashPassword } from '../modules/identity/password-hash.ts';

export const KNOWN_PASSWORD = 'Quartz-Velo-Marmite-42';

let knownHash: Promise<string> | undefined;
const hashOfKnownPassword = () => (knownHash ??= hashPassword(KNOWN_PASSWORD));

let sequence = 0;

export type AgentFixture = { agentId: string; badgeNumber: string; email: string; firstName: string; lastName: string; departmentId: string };

// A department with one job profile, created once per code.
export async function ensureDepartment(
  db: Db,
  code: string,
  settings: { enhancedAuthOutside?: boolean; enhancedAuthInside?: boolean } = {},
): Promise<string> {
  const existing = await db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirst();
  if (existing) return existing.id;
  const department = await db
    .insertInto('departments')
    .values({
      code,
      name: `Direction ${code}`,
      enhanced_auth_outside: settings.enhancedAuthOutside ?? true,
      enhanced_auth_inside: settings.enhancedAuthInside ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return department.id;
}

async function ensureJobProfile(db: Db): Promise<string> {
  const existing = await db.selectFrom('job_profiles').select('id').where('code', '=', 'agent-administratif').executeTakeFirst();
  if (existing) return existing.id;
  return (
    await db
      .insertInto('job_profiles')
      .values({ code: 'agent-administratif', name: 'Agent administratif' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

// An active agent whose password is KNOWN_PASSWORD (not temporary unless asked).
export async function createAgent(
  db: Db,
  options: {
    department?: string;
    temporaryPassword?: boolean;
    passwordChangedAt?: Date;
    role?: string;
    firstName?: string;
    lastName?: string;
  } = {},
): Promise<AgentFixture> {
  sequence += 1;
  const departmentId = await ensureDepartment(db, options.department ?? 'DASCO');
  const jobProfileId = await ensureJobProfile(db);
  const badgeNumber = String(7_000_000 + sequence * 13 + Math.floor(Math.random() * 10)).padStart(7, '0');
  const firstName = options.firstName ?? 'Camille';
  const lastName = options.lastName ?? `Martin${sequence}`;
  const email = `${firstName}.${lastName}`.toLowerCase() + '@paris.example';
  const agent = await db
    .insertInto('agents')
    .values({
      badge_number: badgeNumber,
      email,
      first_name: firstName,
      last_name: lastName,
      department_id: departmentId,
      job_profile_id: jobProfileId,
      job_title: 'Agent administratif',
      start_date: '2020-01-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('accounts')
    .values({
      agent_id: agent.id,
      password_hash: await hashOfKnownPassword(),
      password_temporary: options.temporaryPassword ?? false,
      password_changed_at: options.passwordChangedAt ?? new Date(),
    })
    .execute();
  if (options.role) {
    await db.insertInto('role_assignments').values({ agent_id: agent.id, role: options.role, department_id: departmentId }).execute();
  }
  return { agentId: agent.id, badgeNumber, email, firstName, lastName, departmentId };
}
