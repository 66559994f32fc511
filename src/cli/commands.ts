// The subcommands of `creditlab`, in the order `creditlab --help` lists them.
import type { Command } from './command';
import { evaluateCommand, trainCommand } from './evaluate';
import { exportOnnxCommand } from './exportOnnx';
import { keysCommand } from './keys';
import { scoreCommand } from './score';
import { serveCommand } from './serve';

/** Every subcommand. */
export const COMMANDS: readonly Command[] = [evaluateCommand, trainCommand, scoreCommand, serveCommand, exportOnnxCommand, keysCommand];
