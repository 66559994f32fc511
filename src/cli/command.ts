// The contract every `creditlab` subcommand keeps: a subcommand is `run(argv, io)` resolving to its
// exit status; a mistake in how it was called is a UsageError (status 2), a file or input it cannot
// use is an InputError (status 1). Messages are one or two plain English lines; the dispatcher
// prefixes them with `creditlab <command>:` and prints them on stderr.
import { readFileSync } from 'node:fs';
import { decodeModelFile } from '../bundle/file';
import { problemMessage } from '../bundle/problemMessage';
import type { ModelBundle } from '../core/bundle/types';

/** Exit statuses: success, bad input (a file, a column, a model that cannot be used), a usage mistake. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

/** A mistake in how the command was called: an unknown flag, a missing required one (exit status 2). */
export class UsageError extends Error {}

/** Input the command cannot use: a missing or damaged file, missing columns, a wrong passphrase (exit status 1). */
export class InputError extends Error {}

/** Where a command writes: its output and its messages (tests pass buffers; the dispatcher the process's streams). */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
}

/** One subcommand: its name, a one-line summary for `creditlab --help`, its own --help text, and what it does. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

/**
 * The passphrase in `path` (its first line, without the line ending). Read from a file, never the
 * command line, where it would show in the process list and the shell's history.
 */
export function readPassphraseFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`cannot read the passphrase file ${path}`);
  }
  const passphrase = text.split(/\r?\n/)[0];
  if (!passphrase) throw new InputError(`the passphrase file ${path} is empty`);
  return passphrase;
}

/** Reads and checks a model file as the app's import does (schema, digest, decryption); InputError if it cannot be used. */
export async function readModelFile(path: string, passphraseFile?: string): Promise<ModelBundle> {
  const passphrase = passphraseFile === undefined ? undefined : readPassphraseFile(passphraseFile);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    throw new InputError(`cannot read the model file ${path}`);
  }
  const decoded = await decodeModelFile(bytes, { passphrase });
  if (!decoded.ok) throw new InputError(`${path}: ${problemMessage(decoded.problem)}`);
  return decoded.data;
}
