// How a subcommand's end becomes an exit status and a message: the one place that maps UsageError
// to 2 and InputError to 1, for the dispatcher and for a command file run directly.
import { pathToFileURL } from 'node:url';
import { EXIT, InputError, UsageError, type Command, type CommandIo } from './command';

/** Runs `command` on `argv`: its own status, or 2 for a UsageError, 1 for an InputError (its message on stderr), 1 with the stack for anything else. */
export async function runCommand(command: Command, argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    return await command.run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`creditlab ${command.name}: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      io.stderr.write(`creditlab ${command.name}: ${error.message}\n`);
      return EXIT.badInput;
    }
    // A bug, not the user's mistake: the stack says where.
    io.stderr.write(`creditlab ${command.name} failed: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.badInput;
  }
}

/** When the file at `moduleUrl` is the script Node was started with (`tsx src/cli/evaluate.ts …`), runs `command` on the process's arguments and exits with its status. */
export function runIfScript(moduleUrl: string, command: Command): void {
  const script = process.argv[1];
  if (!script || pathToFileURL(script).href !== moduleUrl) return;
  void runCommand(command, process.argv.slice(2), process).then((code) => {
    process.exitCode = code;
  });
}
