import { safeStorage } from 'electron';
import type { SecretStore } from '../sync/secret-store';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * The terminal secret kept with Electron's safeStorage (the OS keychain, DPAPI or
 * libsecret): on disk only as ciphertext the OS must decrypt. upstream-sync-v1
 * "Identities": never shown, logged or stored in plain text.
 */
export class SafeStorageSecretStore implements SecretStore {
  constructor(private readonly file: string) {}

  get(): Buffer | null {
    if (!existsSync(this.file)) return null;
    return Buffer.from(safeStorage.decryptString(readFileSync(this.file)), 'base64');
  }

  set(secret: Buffer): void {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error('The OS offers no protected storage for the terminal secret');
    }
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, safeStorage.encryptString(secret.toString('base64')), { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.file);
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
