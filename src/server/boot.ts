import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createLogger } from './http/logger.ts';
import { scheduledJobs, startScheduler } from './jobs/index.ts';
import { demoLoginsBanner } from './seed/demo-logins.ts';
import { ensureDemoOrganisation } from './seed/demo-seed.ts';
import { seedDemoRecords } from './seed/demo-records.ts';

export type RunningPortal = { app: FastifyInstance; url: string; shutdown(reason: string): Promise<void> };

// Opens the database, migrates it, seeds the demo organisation on first start, then listens.
export async function startPortal(config: Config): Promise<RunningPortal> {
  const log = createLogger(config.logLevel);
  const where = config.database.kind === 'postgres' ? 'PostgreSQL' : `base embarquée (${config.database.dataDir})`;
  const database = await openDatabase(config.database).catch((error: Error) => {
    log.fatal({ err: error }, `impossible d'ouvrir la ${where}: ${error.message}`);
    throw error;
  });
  try {
    const applied = await migrateToLatest(database.db);
    log.info({ applied }, `base de données à jour (${applied.length} migration(s) appliquée(s))`);
    if (config.demoData) {
      const demo = await ensureDemoOrganisation(database.db, config);
      if (demo.created) {
        await seedDemoRecords(database.db, config);
        log.info({ agents: demo.agentCount }, 'organisation de démonstration créée');
      }
    }
  } catch (error) {
    log.fatal({ err: error }, `base de données injoignable ou migration impossible (${where}): ${(error as Error).message}`);
    await database.close();
    throw error;
  }

  const app = await buildApp({ config, db: database.db, listen: database.listen, logger: log });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    log.fatal({ err: error }, `impossible d'écouter sur ${config.host}:${config.port}`);
    await app.close();
    await database.close();
    throw error;
  }
  const scheduler = startScheduler(app.ctx, scheduledJobs, log);
  const url = config.publicUrl;
  log.info(`Nomades (${config.org.name}) prêt sur ${url}`);
  if (config.demoData) printDemoLogins(url);

  let shuttingDown: Promise<void> | undefined;
  return {
    app,
    url,
    shutdown(reason) {
      shuttingDown ??= (async () => {
        log.info({ reason }, 'arrêt: plus de nouvelles requêtes, fin des requêtes en cours');
        app.ctx.lifecycle.shuttingDown = true;
        // Lets a job in progress finish while requests drain; both need the database, closed last.
        await Promise.all([scheduler.stop(), app.close()]);
        await database.close();
        log.info('arrêt terminé');
      })();
      return shuttingDown;
    },
  };
}

function printDemoLogins(url: string): void {
  // Printed on stdout, not in the JSON log, for the person who just ran `npm start`.
  process.stdout.write(demoLoginsBanner(url));
}
