import { systemClock } from '../clock.ts';
import { createScimToken, listScimTokens, revokeScimToken } from '../modules/scim/index.ts';
import { parseOptions } from './arguments.ts';
import type { CommandContext } from './command.ts';
import { withDatabase } from './cli-database.ts';
import { printJson, printJsonLines } from './output.ts';

// Whoever runs the CLI has the server's configuration in hand: the audit trail names the channel, not a person.
const cliActor = { agentId: null, label: 'ligne de commande (nomades scim-token)', ip: null };

export async function scimTokenCreate(args: string[], context: CommandContext): Promise<void> {
  const o = parseOptions('scim-token create', args, { required: ['name'] });
  const created = await withDatabase(context.config(), (db) => createScimToken(db, systemClock, { name: o.name, createdBy: null, actor: cliActor }));
  printJson({ token: created.token, name: created.name, id: created.id });
}

export async function scimTokenList(args: string[], context: CommandContext): Promise<void> {
  parseOptions('scim-token list', args, { required: [] });
  printJsonLines(await withDatabase(context.config(), (db) => listScimTokens(db)));
}

export async function scimTokenRevoke(args: string[], context: CommandContext): Promise<void> {
  const o = parseOptions('scim-token revoke', args, { required: ['id'] });
  printJson(await withDatabase(context.config(), (db) => revokeScimToken(db, systemClock, { id: o.id, revokedBy: null, actor: cliActor })));
}
