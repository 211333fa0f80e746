import { systemClock } from '../clock.ts';
import { AccountRole, createAccount, issueEnrolmentCode, issueTemporaryPassword, listAccounts } from '../modules/identity/index.ts';
import { createKeys } from '../security/keys.ts';
import { parseOptions } from './arguments.ts';
import type { CommandContext } from './command.ts';
import { withDatabase } from './cli-database.ts';
import { printJson, printJsonLines } from './output.ts';

export async function accountCreate(args: string[], context: CommandContext): Promise<void> {
  const o = parseOptions('account create', args, {
    required: ['badge', 'email', 'first', 'last', 'department'],
    optional: ['role', 'job-profile', 'manager', 'job-title'],
  });
  const account = await withDatabase(context.config(), (db) =>
    createAccount(db, {
      badgeNumber: o.badge,
      email: o.email,
      firstName: o.first,
      lastName: o.last,
      departmentCode: o.department,
      role: o.role as AccountRole | undefined, // checked by the service, which names the allowed roles
      jobProfileCode: o['job-profile'],
      managerBadgeNumber: o.manager,
      jobTitle: o['job-title'],
    }),
  );
  printJson(account);
}

export async function accountList(args: string[], context: CommandContext): Promise<void> {
  const o = parseOptions('account list', args, { required: [], optional: ['department'] });
  const accounts = await withDatabase(context.config(), (db) => listAccounts(db, { department: o.department }));
  printJsonLines(accounts);
}

export async function accountTemporaryPassword(args: string[], context: CommandContext): Promise<void> {
  const o = parseOptions('account temporary-password', args, { required: ['badge'] });
  printJson(await withDatabase(context.config(), (db) => issueTemporaryPassword(db, o.badge)));
}

export async function accountEnrolmentCode(args: string[], context: CommandContext): Promise<void> {
  const o = parseOptions('account enrolment-code', args, { required: ['badge'] });
  const config = context.config();
  // Same SECRET_KEY as the portal: the portal recognises the code by its MAC.
  const keys = createKeys(config.secretKey);
  printJson(await withDatabase(config, (db) => issueEnrolmentCode(db, keys, systemClock, o.badge)));
}
