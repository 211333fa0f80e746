import { ConfigError, loadConfig } from '../config.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { AppError } from '../http/errors.ts';
import { accountCreate, accountEnrolmentCode, accountList, accountTemporaryPassword } from './account.command.ts';
import { auditVerify } from './audit.command.ts';
import type { Command } from './command.ts';
import { migrate, seed } from './database.command.ts';
import { departmentCreate } from './department.command.ts';
import { scimTokenCreate, scimTokenList, scimTokenRevoke } from './scim.command.ts';
import { printMessage } from './output.ts';
import { UsageError, usage } from './usage.ts';

// The administration CLI: `npm run cli -- <command>`, `npx nomades <command>` (bin/nomades.mjs).
// Exit codes: 0 done, 1 refused or failed (service error, database locked or unreachable), 2 bad usage.

const commands: Record<string, Command> = {
  'department create': departmentCreate,
  'account create': accountCreate,
  'account list': accountList,
  'account temporary-password': accountTemporaryPassword,
  'account enrolment-code': accountEnrolmentCode,
  'audit verify': auditVerify,
  'scim-token create': scimTokenCreate,
  'scim-token list': scimTokenList,
  'scim-token revoke': scimTokenRevoke,
  migrate,
  seed,
  help: async () => {
    process.stdout.write(usage);
  },
};

// The CLI speaks in its own options, not in the service's field names.
const optionOfField: Record<string, string> = {
  badgeNumber: '--badge',
  email: '--email',
  firstName: '--first',
  lastName: '--last',
  departmentCode: '--department',
  department: '--department',
  role: '--role',
  jobProfileCode: '--job-profile',
  managerBadgeNumber: '--manager',
  jobTitle: '--job-title',
  code: '--code',
  name: '--name',
  agents: '--agents',
};

async function runCli(argv: string[]): Promise<number> {
  try {
    const [name, args] = resolve(argv);
    const command = commands[name] as Command;
    await command(args, { config: () => loadConfig() });
    return 0;
  } catch (error) {
    return report(error);
  }
}

function resolve(argv: string[]): [string, string[]] {
  const [first, second] = argv;
  if (first === undefined) throw new UsageError('Aucune commande indiquée.');
  if (first === '--help' || first === '-h') return ['help', []];
  if (second !== undefined && Object.hasOwn(commands, `${first} ${second}`)) return [`${first} ${second}`, argv.slice(2)];
  if (Object.hasOwn(commands, first) && !first.includes(' ')) return [first, argv.slice(1)];
  const known = Object.keys(commands).filter((name) => name.startsWith(`${first} `));
  if (known.length > 0) throw new UsageError(`Sous-commande inconnue « ${argv.slice(0, 2).join(' ')} » (possibles : ${known.join(', ')}).`);
  throw new UsageError(`Commande inconnue « ${first} ».`);
}

function report(error: unknown): number {
  if (error instanceof UsageError) {
    printMessage(`Erreur : ${error.message}\n\n${usage}`);
    return 2;
  }
  if (error instanceof ConfigError) {
    printMessage(error.message);
    return 2;
  }
  if (error instanceof AppError) {
    const fields = (error.errors ?? []).map((e) => `\n  - ${optionOfField[e.field ?? ''] ?? e.field ?? ''} : ${e.message}`);
    printMessage(`Erreur : ${error.message}${fields.join('')}`);
    return 1;
  }
  if (error instanceof DataDirLockedError) {
    printMessage(error.message);
    return 1;
  }
  printMessage(`Erreur : ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}

// process.exit rather than waiting for the event loop: PGlite leaves a timer that would hold the terminal
// for seconds after the database is closed. Output to a pipe is asynchronous: let it drain before exiting.
// `nomades account list | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const exitCode = await runCli(process.argv.slice(2));
await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
process.exit(exitCode);
