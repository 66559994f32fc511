// The `creditlab` dispatcher: help, unknown commands and flags, and the exit statuses of the contract
// (2 a usage mistake, 1 bad input), with the real subcommands, in process.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, UsageError, type Command, type CommandIo } from './command';
import { COMMANDS } from './commands';
import { runCreditlab } from './main';

function bufferIo(): CommandIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => ((out += s), true) } as unknown as CommandIo['stdout'],
    stderr: { write: (s: string) => ((err += s), true) } as unknown as CommandIo['stderr'],
    out: () => out,
    err: () => err,
  };
}

async function creditlab(...argv: string[]) {
  const io = bufferIo();
  const code = await runCreditlab(argv, io, COMMANDS);
  return { code, stdout: io.out(), stderr: io.err() };
}

describe('creditlab', () => {
  it('--help lists the six subcommands, each with a summary, on stdout', async () => {
    const { code, stdout } = await creditlab('--help');
    expect(code).toBe(0);
    const listed = stdout
      .split('\n')
      .filter((line) => /^ {2}\S/.test(line))
      .map((line) => line.trim().split(/\s+/)[0]);
    expect(listed).toEqual(['evaluate', 'train', 'score', 'serve', 'export-onnx', 'keys']);
  });

  it('with no command prints the overview on stderr and exits 2; an unknown command exits 2 naming it', async () => {
    const none = await creditlab();
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toContain('usage: creditlab <command>');
    const unknown = await creditlab('predict', '--model', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "predict"');
  });

  it.each(COMMANDS.map((c) => c.name))('%s --help prints its own usage and exits 0 without running', async (name) => {
    const { code, stdout, stderr } = await creditlab(name, '--help');
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(`creditlab ${name}`);
    expect(await creditlab('help', name)).toMatchObject({ code: 0, stdout });
  });

  it.each([
    ['score', ['--model', 'm.json', '--csv', 'in.csv', '--out', 'o.csv', '--turbo'], /Unknown option '--turbo'/],
    ['score', ['--model', 'm.json', '--csv', 'in.csv'], /--out is required/],
    ['score', ['--model', 'm.json', '--csv', 'in.csv', '--out', 'o.csv', '--backend', 'gpu'], /--backend must be wasm or cpu/],
    ['evaluate', ['--csv', 'in.csv'], /--target is required/],
    ['train', ['--csv', 'in.csv', '--target', 'y'], /--out is required/],
    ['train', ['--csv', 'in.csv', '--target', 'y', '--out', 'm.json', '--save', 'n.json'], /train takes --out, not --save/],
  ])('%s %j is a usage mistake: exit 2', async (name, args, message) => {
    const { code, stderr } = await creditlab(name, ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.startsWith(`creditlab ${name}: `)).toBe(true);
  });

  it('a file that is not there, or a model file that is not one, is bad input: exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'creditlab-main-'));
    const notModel = join(dir, 'not.creditlab.json');
    const csv = join(dir, 'in.csv');
    writeFileSync(notModel, '{"hello": 1}');
    writeFileSync(csv, 'a,b\n1,2\n');
    const missing = await creditlab('score', '--model', notModel, '--csv', join(dir, 'absent.csv'), '--out', join(dir, 'o.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/file not found/);
    const damaged = await creditlab('score', '--model', notModel, '--csv', csv, '--out', join(dir, 'o.csv'), '--backend', 'cpu');
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain(notModel);
    const evaluate = await creditlab('evaluate', '--csv', join(dir, 'absent.csv'), '--target', 'y');
    expect(evaluate.code).toBe(1);
  });

  it('maps a command’s UsageError to 2, InputError to 1 and a bug to 1 with its stack', async () => {
    const throwing = (error: Error): Command => ({ name: 'boom', summary: '', help: '', run: async () => Promise.reject(error) });
    const run = async (error: Error) => {
      const io = bufferIo();
      return { code: await runCreditlab(['boom'], io, [throwing(error)]), err: io.err() };
    };
    expect(await run(new UsageError('bad flag'))).toEqual({ code: 2, err: 'creditlab boom: bad flag\n' });
    expect(await run(new InputError('bad file'))).toEqual({ code: 1, err: 'creditlab boom: bad file\n' });
    const bug = await run(new TypeError('x is undefined'));
    expect(bug.code).toBe(1);
    expect(bug.err).toMatch(/creditlab boom failed: TypeError: x is undefined\n\s+at /);
  });
});
