import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Perimeter } from './perimeter.ts';
import { escapeLike } from '../../db/like-pattern.ts';

// Reads of the support console: accounts found, the account card, sessions, factors, connection history.

/** `a.*` columns inside the perimeter; `false` when the perimeter is empty. */
export function inPerimeter(p: Perimeter, alias = 'a'): RawBuilder<boolean> {
  if (p.all) return sql<boolean>`true`;
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const parts: RawBuilder<unknown>[] = [];
  if (p.departmentIds.length) parts.push(sql`${column('department_id')} in (${sql.join(p.departmentIds)})`);
  if (p.serviceIds.length) parts.push(sql`${column('service_id')} in (${sql.join(p.serviceIds)})`);
  if (p.unitIds.length) parts.push(sql`${column('unit_id')} in (${sql.join(p.unitIds)})`);
  if (p.agentIds.length) parts.push(sql`${column('id')} in (${sql.join(p.agentIds)})`);
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` or `)})` : sql<boolean>`false`;
}


export type AccountMatch = { badgeNumber: string } | { badgePrefix: string } | { emailPrefix: string } | { nameWords: string[] };

// Each word typed must start a word of the first or last name, accents and case ignored: "emilie er" finds
// Émilie Érard, "le gall" finds Le Gall and Le-Gall.
function matches(match: AccountMatch): RawBuilder<boolean> {
  if ('badgeNumber' in match) return sql<boolean>`a.badge_number = ${match.badgeNumber}`;
  if ('badgePrefix' in match) {
    // Badge numbers are exactly 7 digits: a range the unique index serves, whatever the collation.
    const rest = 7 - match.badgePrefix.length;
    return sql<boolean>`a.badge_number between ${match.badgePrefix + '0'.repeat(rest)} and ${match.badgePrefix + '9'.repeat(rest)}`;
  }
  if ('emailPrefix' in match) return sql<boolean>`a.email ilike ${`${escapeLike(match.emailPrefix)}%`}`;
  // agent_name_words() (migration 20261123150000) is what the trigram index holds: ' émilie érard-le gall'
  // becomes ' emilie erard le gall'.
  return sql<boolean>`(${sql.join(
    match.nameWords.map((w) => sql`agent_name_words(a.first_name, a.last_name) like ('% ' || lower(unaccent(${escapeLike(w)})) || '%')`),
    sql` and `,
  )})`;
}

export type SearchFilter = { perimeter: Perimeter; match?: AccountMatch; lockedAt?: Date; limit: number; offset: number };

function searchBase(db: Db, f: SearchFilter) {
  let query = db
    .selectFrom('agents as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .leftJoin('services as s', 's.id', 'a.service_id')
    .leftJoin('accounts as c', 'c.agent_id', 'a.id')
    .where(inPerimeter(f.perimeter));
  if (f.match) query = query.where(matches(f.match));
  if (f.lockedAt) query = query.where('c.locked_until', '>', f.lockedAt);
  return query;
}

export async function searchAccounts(db: Db, f: SearchFilter) {
  const rows = await searchBase(db, f)
    .select([
      'a.badge_number as badgeNumber',
      'a.first_name as firstName',
      'a.last_name as lastName',
      'a.email',
      'd.code as departmentCode',
      'd.name as departmentName',
      's.name as serviceName',
      'a.job_title as jobTitle',
      'a.status',
      'c.agent_id as accountAgentId',
      'c.locked_until as lockedUntil',
      'c.password_temporary as passwordTemporary',
    ])
    .orderBy(sql`lower(unaccent(a.last_name))`)
    .orderBy(sql`lower(unaccent(a.first_name))`)
    .orderBy('a.badge_number')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const count = await searchBase(db, f)
    .select(({ fn }) => fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.total) };
}

export function findAccountCard(db: Db, agentId: string) {
  return db
    .selectFrom('agents as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .innerJoin('job_profiles as j', 'j.id', 'a.job_profile_id')
    .leftJoin('services as s', 's.id', 'a.service_id')
    .leftJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('agents as m', 'm.id', 'a.manager_id')
    .leftJoin('accounts as c', 'c.agent_id', 'a.id')
    .select([
      'a.id as agentId',
      'a.badge_number as badgeNumber',
      'a.first_name as firstName',
      'a.last_name as lastName',
      'a.email',
      'a.job_title as jobTitle',
      'a.professional_phone as professionalPhone',
      'a.status',
      'a.start_date as startDate',
      'a.departure_date as departureDate',
      'd.code as departmentCode',
      'd.name as departmentName',
      'd.enhanced_auth_outside as enhancedAuthOutside',
      'd.enhanced_auth_inside as enhancedAuthInside',
      's.code as serviceCode',
      's.name as serviceName',
      'u.name as unitName',
      'j.name as jobProfileName',
      'm.badge_number as managerBadgeNumber',
      'm.first_name as managerFirstName',
      'm.last_name as managerLastName',
      'm.email as managerEmail',
      'c.agent_id as accountAgentId',
      'c.password_temporary as passwordTemporary',
      'c.password_change_required as passwordChangeRequired',
      'c.password_changed_at as passwordChangedAt',
      'c.failed_attempts as failedAttempts',
      'c.locked_until as lockedUntil',
      'c.enrolment_code_expires_at as enrolmentCodeExpiresAt',
    ])
    .where('a.id', '=', agentId)
    .executeTakeFirst();
}

export type AccountCardRow = NonNullable<Awaited<ReturnType<typeof findAccountCard>>>;

export async function rolesOf(db: Db, agentId: string): Promise<string[]> {
  const rows = await db.selectFrom('role_assignments').select('role').distinct().where('agent_id', '=', agentId).execute();
  return rows.map((r) => r.role);
}

// Kinds, labels and dates only: never a TOTP seed, a phone number or a public key.
export function listSecondFactors(db: Db, agentId: string) {
  return db
    .selectFrom('second_factors')
    .select(['id', 'kind', 'label', 'created_at', 'last_used_at'])
    .where('agent_id', '=', agentId)
    .where('confirmed_at', 'is not', null)
    .orderBy('created_at')
    .execute();
}

export async function countRecoveryCodesLeft(db: Db, agentId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select(({ fn }) => fn.countAll<number>().as('left'))
    .where('agent_id', '=', agentId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.left);
}

/** Sessions still alive (neither idle nor past their lifetime), partial ones included. */
export function listOpenSessions(db: Db, agentId: string, now: Date, idleMs: number) {
  return db
    .selectFrom('sessions')
    .select(['stage', 'device_label', 'ip', 'network_zone', 'created_at', 'last_seen_at'])
    .where('agent_id', '=', agentId)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', new Date(now.getTime() - idleMs))
    .orderBy('last_seen_at', 'desc')
    .execute();
}

