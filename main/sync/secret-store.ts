import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/**
 * Where the terminal secret lives (upstream-sync-v1 "Identities": never shown, logged or
 * stored in plain text outside an OS-protected store). Electron uses safeStorage
 * (main/electron/safe-storage-secret-store.ts); the browser host uses FileSecretStore.
 */
export interface SecretStore {
  get(): Buffer | null;
  set(secret: Buffer): void;
  clear(): void;
}

const OWNER_ONLY = 0o600;

/**
 * The secret in a file only the app's user may read (mode 0600), written to a temporary
 * file first so a crash never leaves half a secret.
 */
export class FileSecretStore implements SecretStore {
  constructor(private readonly file: string) {}

  get(): Buffer | null {
    if (!existsSync(this.file)) return null;
    // A copy or a restore may have widened the mode: narrow it before reading.
    if ((statSync(this.file).mode & 0o077) !== 0) chmodSync(this.file, OWNER_ONLY);
    const text = readFileSync(this.file, 'utf8').trim();
    return text.length > 0 ? Buffer.from(text, 'base64') : null;
  }

  set(secret: Buffer): void {
    const temporary = `${this.file}.tmp`;
    rmSync(temporary, { force: true });
    const fd = openSync(temporary, 'wx', OWNER_ONLY);
    try {
      writeSync(fd, secret.toString('base64'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.file);
    syncDirectory(dirname(this.file));
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}

function syncDirectory(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
