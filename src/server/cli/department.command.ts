import { createDepartment } from '../modules/organisation/index.ts';
import { parseOptions } from './arguments.ts';
import type { CommandContext } from './command.ts';
import { withDatabase } from './cli-database.ts';
import { printJson } from './output.ts';

export async function departmentCreate(args: string[], context: CommandContext): Promise<void> {
  const options = parseOptions('department create', args, { required: ['code', 'name'] });
  const department = await withDatabase(context.config(), (db) => createDepartment(db, { code: options.code, name: options.name }));
  printJson({ code: department.code, name: department.name });
}
