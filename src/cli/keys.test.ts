// `creditlab keys`: the key is printed once as the last line, the file holds only its SHA-256
// (checked with node:crypto here), revocation marks it, and mistakes get the contract's errors.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkKey, readKeysFile } from '../server/apiKeys';
import { InputError, UsageError } from './command';
import { keysCommand } from './keys';

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _e, cb) {
      text += chunk.toString();
      cb();
    },
  });
  return { io: { stdout: stream, stderr: new Writable({ write: (_c, _e, cb) => cb() }) }, text: () => text };
}

describe('creditlab keys', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'creditlab-keys-')), 'keys.json');

  it('adds a key, printed once as the last line and stored only as its SHA-256', async () => {
    const out = capture();
    expect(await keysCommand.run(['add', 'partner-a', '--keys', path], out.io)).toBe(0);
    const key = out.text().trimEnd().split('\n').at(-1)!;
    expect(key).toMatch(/^clk_[A-Za-z0-9_-]{43}$/);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(4));
    expect(readKeysFile(path).keys).toEqual([expect.objectContaining({ name: 'partner-a', sha256: createHash('sha256').update(key).digest('hex'), revokedAt: null })]);
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(checkKey(readKeysFile(path), key)).toEqual({ known: true, name: 'partner-a', revoked: false });
    expect(checkKey(readKeysFile(path), `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`)).toEqual({ known: false });

    const second = capture();
    expect(await keysCommand.run(['add', 'partner-b', '--keys', path], second.io)).toBe(0);
    const other = second.text().trimEnd().split('\n').at(-1)!;
    expect(other).not.toBe(key);
    expect(await keysCommand.run(['revoke', 'partner-a', '--keys', path], capture().io)).toBe(0);
    const file = readKeysFile(path);
    expect(checkKey(file, key)).toEqual({ known: true, name: 'partner-a', revoked: true });
    expect(checkKey(file, other)).toEqual({ known: true, name: 'partner-b', revoked: false });
    const listed = capture();
    expect(await keysCommand.run(['list', '--keys', path], listed.io)).toBe(0);
    expect(listed.text()).toMatch(/partner-a\tcreated .*\trevoked /);
    expect(listed.text()).toMatch(/partner-b\tcreated .*\tactive/);
  });

  it('refuses a taken or unknown name (bad input) and a malformed call (usage)', async () => {
    await expect(keysCommand.run(['add', 'partner-b', '--keys', path], capture().io)).rejects.toBeInstanceOf(InputError);
    await expect(keysCommand.run(['revoke', 'nobody', '--keys', path], capture().io)).rejects.toBeInstanceOf(InputError);
    await expect(keysCommand.run(['revoke', 'x', '--keys', join(path, 'absent')], capture().io)).rejects.toBeInstanceOf(InputError);
    await expect(keysCommand.run(['add', 'x'], capture().io)).rejects.toBeInstanceOf(UsageError);
    await expect(keysCommand.run(['add', 'has space', '--keys', path], capture().io)).rejects.toBeInstanceOf(UsageError);
    await expect(keysCommand.run(['rotate', 'x', '--keys', path], capture().io)).rejects.toBeInstanceOf(UsageError);
    await expect(keysCommand.run(['add', '--keys', path, '--bogus'], capture().io)).rejects.toBeInstanceOf(UsageError);
  });
});
