// `creditlab <command> [flags]`: finds the subcommand, prints help, and turns the command's end into
// an exit status (outcome.ts). The subcommands are in commands.ts.
import { readFileSync } from 'node:fs';
import { EXIT, type Command, type CommandIo } from './command';
import { runCommand } from './outcome';
import { wantsHelp } from './flags';

/** `creditlab --help`: every subcommand with its one-line summary. */
export function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: creditlab <command> [flags]',
    '',
    'Credit scoring from the command line, with the app’s own code: train and evaluate on a CSV, score a file, serve a model over HTTP, export it to ONNX.',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'creditlab <command> --help shows a command’s flags. Exit status: 0 done, 1 bad input, 2 a usage mistake.',
    '',
  ].join('\n');
}

/** Runs `creditlab` with `argv` (the arguments after the program name); resolves to the exit status. */
export async function runCreditlab(argv: readonly string[], io: CommandIo, commands: readonly Command[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const asked = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    if (asked) {
      io.stdout.write(`${asked.help}\n`);
      return EXIT.ok;
    }
    // No command at all is a usage mistake: the overview goes to stderr then.
    (name === undefined ? io.stderr : io.stdout).write(overview(commands));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version}\n`);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`creditlab: unknown command "${name}"\n${overview(commands)}`);
    return EXIT.usage;
  }
  if (wantsHelp(rest)) {
    io.stdout.write(`${command.help}\n`);
    return EXIT.ok;
  }
  return runCommand(command, rest, io);
}
