// Flags of a subcommand, read with node:util's parseArgs, with every mistake (an unknown flag, a
// missing value, a value that is not one of the allowed ones) turned into a UsageError (exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command';

/** The options of one subcommand, as parseArgs takes them. */
export type FlagOptions = NonNullable<ParseArgsConfig['options']>;

/** The flags and positionals of `argv`; throws UsageError (with `usage`) for an unknown flag or a flag without its value. */
export function parseFlags<O extends FlagOptions>(argv: readonly string[], options: O, usage: string, allowPositionals = false) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
}

/** `value` when it is one of `allowed`, else a UsageError naming the flag and the choices. */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)} (got "${value}")`);
}

/** The value of a required flag, else a UsageError naming it. */
export function required(flag: string, value: string | undefined, usage: string): string {
  if (value === undefined || value === '') throw new UsageError(`--${flag} is required\n${usage}`);
  return value;
}

/** True when `argv` asks for help (--help or -h anywhere before a lone `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}
