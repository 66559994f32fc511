// The server's view of its keys file: read at start and again whenever the file changes (its
// inode, size or modification time), checked on every request so that `creditlab keys revoke`
// takes effect on the next request without a restart. A stat is a few microseconds.
import { statSync } from 'node:fs';
import { checkKey, readKeysFile, type KeyCheck, type KeysFile } from './apiKeys';

/** Checks presented keys against a keys file that may change while the server runs. */
export class KeyStore {
  private file: KeysFile;
  private stamp: string;

  /** Reads `path` now; throws KeysFileError when it cannot. */
  constructor(private readonly path: string) {
    this.stamp = this.stampNow();
    this.file = readKeysFile(path);
  }

  /** Who `key` is, by the file as it is now; throws KeysFileError when the changed file cannot be read (the caller refuses the request: failing open would let a revoked key back in). */
  check(key: string): KeyCheck {
    const stamp = this.stampNow();
    if (stamp !== this.stamp) {
      this.file = readKeysFile(this.path);
      this.stamp = stamp;
    }
    return checkKey(this.file, key);
  }

  private stampNow(): string {
    try {
      const s = statSync(this.path, { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}`;
    } catch {
      return 'absent';
    }
  }
}
