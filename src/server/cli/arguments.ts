import { parseArgs } from 'node:util';
import { UsageError } from './usage.ts';

type StringOptions<Name extends string> = Record<Name, { type: 'string' }>;

/**
 * Parses a command's --options (strings only, no positional arguments) and checks the required ones.
 * Node's own parse errors are in English: they are turned into a French UsageError.
 */
export function parseOptions<Required extends string, Optional extends string = never>(
  command: string,
  args: string[],
  names: { required: readonly Required[]; optional?: readonly Optional[] },
): Record<Required, string> & Partial<Record<Optional, string>> {
  const all = [...names.required, ...(names.optional ?? [])];
  const options = Object.fromEntries(all.map((name) => [name, { type: 'string' }])) as StringOptions<Required | Optional>;
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args, options, strict: true, allowPositionals: false }).values as typeof values;
  } catch (error) {
    throw new UsageError(`${command} : ${translateParseError(error as NodeJS.ErrnoException)}`);
  }
  const missing = names.required.filter((name) => typeof values[name] !== 'string' || values[name] === '');
  if (missing.length > 0) {
    throw new UsageError(`${command} : option(s) obligatoire(s) manquante(s) : ${missing.map((m) => `--${m}`).join(', ')}`);
  }
  return values as Record<Required, string> & Partial<Record<Optional, string>>;
}

function translateParseError(error: NodeJS.ErrnoException): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `option inconnue ${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `l'option ${quoted.split(' ')[0] ?? ''} attend une valeur`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `argument inattendu ${quoted}`;
    default:
      return error.message;
  }
}
