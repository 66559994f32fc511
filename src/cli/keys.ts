// `creditlab keys add NAME --keys FILE` / `keys revoke NAME --keys FILE` / `keys list --keys FILE`:
// the API keys `creditlab serve --keys FILE` accepts. A new key is printed once, as the last line
// of the output; the file keeps only its SHA-256. A running server sees a change on its next request.
import { addKey, KeysFileError, readKeysFile, revokeKey, writeKeysFile } from '../server/apiKeys';
import { EXIT, InputError, UsageError, type Command, type CommandIo } from './command';
import { parseFlags, required, wantsHelp } from './flags';

const USAGE = 'usage: creditlab keys add NAME --keys FILE | keys revoke NAME --keys FILE | keys list --keys FILE';

const HELP = `${USAGE}

Manages the API keys of \`creditlab serve --keys FILE\`.
  add NAME      makes a key for NAME (letters, digits, . _ -; at most 64) and prints it once, as the
                last line; FILE is created if absent and keeps only the key's SHA-256
  revoke NAME   revokes NAME's key: the server answers it 403 from its next request on
  list          the names, when each key was made and whether it is revoked
  --keys FILE   the keys file (required)
`;

const NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** The `creditlab keys` subcommand. */
export const keysCommand: Command = {
  name: 'keys',
  summary: 'add, revoke or list the API keys of creditlab serve',
  help: HELP,
  async run(argv: readonly string[], io: CommandIo): Promise<number> {
    if (wantsHelp(argv)) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const { values, positionals } = parseFlags(argv, { keys: { type: 'string' } }, USAGE, true);
    const path = required('keys', values.keys, USAGE);
    const [action, name, ...rest] = positionals;
    if (rest.length > 0) throw new UsageError(`unexpected ${rest.join(' ')}\n${USAGE}`);
    try {
      if (action === 'list') {
        if (name !== undefined) throw new UsageError(`keys list takes no name\n${USAGE}`);
        for (const key of readKeysFile(path).keys) io.stdout.write(`${key.name}\tcreated ${key.createdAt}\t${key.revokedAt ? `revoked ${key.revokedAt}` : 'active'}\n`);
        return EXIT.ok;
      }
      if (action !== 'add' && action !== 'revoke') throw new UsageError(`expected add, revoke or list${action ? ` (got "${action}")` : ''}\n${USAGE}`);
      if (name === undefined || !NAME.test(name)) throw new UsageError(`keys ${action} needs a NAME of letters, digits, '.', '_' or '-' (at most 64)\n${USAGE}`);
      if (action === 'revoke') {
        writeKeysFile(path, revokeKey(readKeysFile(path), name));
        io.stdout.write(`revoked the key "${name}" in ${path}\n`);
        return EXIT.ok;
      }
      const { file, key } = addKey(readKeysFile(path, true), name);
      writeKeysFile(path, file);
      io.stdout.write(`added the key "${name}" to ${path}; it is shown only now (send it as Authorization: Bearer KEY):\n${key}\n`);
      return EXIT.ok;
    } catch (error) {
      if (error instanceof KeysFileError) throw new InputError(error.message);
      throw error;
    }
  },
};
