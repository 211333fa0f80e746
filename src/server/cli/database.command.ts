import { demoLoginsBanner } from '../seed/demo-logins.ts';
import { seedDemoOrganisation } from '../seed/demo-seed.ts';
import { seedDemoRecords } from '../seed/demo-records.ts';
import { DEFAULT_AGENT_COUNT } from '../seed/headcount.ts';
import { parseOptions } from './arguments.ts';
import type { CommandContext } from './command.ts';
import { withDatabase } from './cli-database.ts';
import { printJson, printMessage } from './output.ts';
import { UsageError } from './usage.ts';

export async function migrate(args: string[], context: CommandContext): Promise<void> {
  parseOptions('migrate', args, { required: [] });
  const applied = await withDatabase(context.config(), async (_db, applied) => applied);
  printJson({ applied });
}

export async function seed(args: string[], context: CommandContext): Promise<void> {
  const o = parseOptions('seed', args, { required: [], optional: ['agents'] });
  if (o.agents !== undefined && !/^\d+$/.test(o.agents)) throw new UsageError(`seed : --agents attend un nombre entier (reçu « ${o.agents} »)`);
  const agents = o.agents === undefined ? DEFAULT_AGENT_COUNT : Number(o.agents);
  const config = context.config();
  const started = performance.now();
  const result = await withDatabase(config, async (db) => {
    const seeded = await seedDemoOrganisation(db, { agents, emailDomain: config.org.emailDomain });
    await seedDemoRecords(db, config);
    return seeded;
  });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  printMessage(demoLoginsBanner(config.publicUrl, result.demoLogins));
  printJson({ agentCount: result.agentCount, departmentCount: result.departmentCount, emailDomain: config.org.emailDomain, seconds });
}
