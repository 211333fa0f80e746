import { AppError } from '../http/errors.ts';
import { verifyAuditChain } from '../modules/audit/index.ts';
import { parseOptions } from './arguments.ts';
import type { CommandContext } from './command.ts';
import { withDatabase } from './cli-database.ts';
import { printJson } from './output.ts';

// Recomputes the whole hash chain of the audit trail; exits 1 and names the first broken entry if any.
export async function auditVerify(args: string[], context: CommandContext): Promise<void> {
  parseOptions('audit verify', args, { required: [] });
  const result = await withDatabase(context.config(), (db) => verifyAuditChain(db));
  printJson(result);
  if (!result.ok) {
    throw new AppError('conflict', `Journal d'audit altéré à l'entrée ${result.brokenAtId} : ${result.problem}.`);
  }
}
