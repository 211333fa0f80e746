import { sql } from 'kysely';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../http/errors.ts';
import { hashPassword } from '../modules/identity/index.ts';
import { DEMO_PASSWORD, type DemoLogin, demoPersonas, rememberDemoLogins } from './demo-logins.ts';
import { generateDemoOrganisation, type DemoOrganisation } from './demo-organisation.ts';
import { insertDemoOrganisation } from './demo-organisation.repo.ts';
import { departments } from './departments.catalogue.ts';
import { DEFAULT_AGENT_COUNT, MAX_AGENT_COUNT, minimumAgentCount } from './headcount.ts';
import { ensureReferenceData } from './reference-data.ts';

/** app_state key recording that the demo organisation was seeded (and with what). */
export const DEMO_ORGANISATION_KEY = 'demo_organisation';

export type SeedOptions = { agents: number; emailDomain: string };
export type SeedResult = { agentCount: number; departmentCount: number; demoLogins: DemoLogin[] };

/**
 * Seeds the demo organisation into an empty database, in one transaction (`npm run seed`, tests, benchmarks).
 * Refuses a database that already holds agents or departments: demo people must never mix with real ones.
 */
export async function seedDemoOrganisation(db: Db, options: SeedOptions): Promise<SeedResult> {
  const org = generate(options);
  const passwordHash = await demoPasswordHash();
  await db.transaction().execute(async (trx) => {
    await lockSeeding(trx);
    const existing = await organisationSize(trx);
    if (existing.agents > 0 || existing.departments > 0) {
      throw new AppError(
        'conflict',
        `La base contient déjà une organisation (${existing.agents} agent(s), ${existing.departments} direction(s)) : ` +
          `le jeu de démonstration ne s'installe que dans une base vide (autre DATA_DIR ou autre base PostgreSQL).`,
      );
    }
    await store(trx, org, options, passwordHash);
  });
  return summary(org);
}

/**
 * First start of a demo portal: seeds once, records it in app_state, and does nothing on later starts.
 * A database that already holds an organisation without that record is real data: it is left untouched.
 */
export async function ensureDemoOrganisation(
  db: Db,
  config: Pick<Config, 'org'>,
): Promise<{ created: boolean; agentCount: number; demoLogins: DemoLogin[] }> {
  const result = await db.transaction().execute(async (trx) => {
    await lockSeeding(trx);
    const marker = await trx.selectFrom('app_state').select('value').where('key', '=', DEMO_ORGANISATION_KEY).executeTakeFirst();
    const existing = await organisationSize(trx);
    if (marker || existing.agents > 0 || existing.departments > 0) {
      return { created: false, agentCount: existing.agents, demoLogins: marker ? await storedDemoLogins(trx) : [] };
    }
    const options = { agents: DEFAULT_AGENT_COUNT, emailDomain: config.org.emailDomain };
    const org = generate(options);
    await store(trx, org, options, await demoPasswordHash());
    return { created: true, ...summary(org) };
  });
  rememberDemoLogins(result.demoLogins);
  return { created: result.created, agentCount: result.agentCount, demoLogins: result.demoLogins };
}

function generate(options: SeedOptions): DemoOrganisation {
  const minimum = minimumAgentCount(departments);
  if (!Number.isInteger(options.agents) || options.agents < minimum || options.agents > MAX_AGENT_COUNT) {
    throw new AppError('validation_failed', `Le nombre d'agents doit être un entier entre ${minimum} et ${MAX_AGENT_COUNT}.`, {
      errors: [{ field: 'agents', message: `un entier entre ${minimum} et ${MAX_AGENT_COUNT}` }],
    });
  }
  return generateDemoOrganisation(options);
}

// ONE argon2id hash of the shared demo password, reused for every demo account: hashing 50,000 times
// would take ~40 minutes. Identical hashes are harmless here, the password is printed on the console anyway.
// Never do this for real accounts.
function demoPasswordHash(): Promise<string> {
  return hashPassword(DEMO_PASSWORD);
}

async function store(trx: Db, org: DemoOrganisation, options: SeedOptions, passwordHash: string): Promise<void> {
  await ensureReferenceData(trx);
  await insertDemoOrganisation(trx, org, passwordHash);
  const value = JSON.stringify({ agents: options.agents, emailDomain: options.emailDomain });
  await trx
    .insertInto('app_state')
    .values({ key: DEMO_ORGANISATION_KEY, value })
    .onConflict((c) => c.column('key').doUpdateSet({ value, updated_at: sql`now()` }))
    .execute();
}

// Two portals starting together on one PostgreSQL must not both seed: the second waits, then sees the first's work.
async function lockSeeding(trx: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`nomades:${DEMO_ORGANISATION_KEY}`}))`.execute(trx);
}

async function organisationSize(db: Db): Promise<{ agents: number; departments: number }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('agents').select(eb.fn.countAll<number>().as('n')).as('agents'),
      eb.selectFrom('departments').select(eb.fn.countAll<number>().as('n')).as('departments'),
    ])
    .executeTakeFirstOrThrow();
  return { agents: Number(row.agents), departments: Number(row.departments) };
}

// The logins as stored: their e-mail domain is the one of the first start, whatever the configuration says now.
async function storedDemoLogins(db: Db): Promise<DemoLogin[]> {
  const rows = await db
    .selectFrom('agents')
    .select(['badge_number', 'first_name', 'last_name', 'email'])
    .where('badge_number', 'in', demoPersonas.map((p) => p.badgeNumber))
    .execute();
  return demoPersonas.flatMap((persona) => {
    const row = rows.find((r) => r.badge_number === persona.badgeNumber);
    return row ? [{ label: persona.label, firstName: row.first_name, lastName: row.last_name, badgeNumber: row.badge_number, email: row.email }] : [];
  });
}

function summary(org: DemoOrganisation): SeedResult {
  return { agentCount: org.agents.length, departmentCount: org.departments.length, demoLogins: org.demoLogins };
}
