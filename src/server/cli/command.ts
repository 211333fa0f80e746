import type { Config } from '../config.ts';

/** The configuration is read only once the arguments are known to be valid (a usage error needs none). */
export type CommandContext = { config(): Config };

export type Command = (args: string[], context: CommandContext) => Promise<void>;
