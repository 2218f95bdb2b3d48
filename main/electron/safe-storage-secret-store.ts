import { safeStorage } from 'electron';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { DomainError } from '@app/result';
import type { SecretStore } from '../sync/secret-store';

/**
 * The terminal secret kept with Electron's safeStorage (the OS keychain, DPAPI or
 * libsecret): on disk only as ciphertext the OS must decrypt. upstream-sync-v1
 * "Identities": never shown, logged or stored in plain text.
 */
export class SafeStorageSecretStore implements SecretStore {
  constructor(
    private readonly file: string,
    private readonly platform: NodeJS.Platform,
  ) {}

  get(): Buffer | null {
    if (!existsSync(this.file)) return null;
    return Buffer.from(safeStorage.decryptString(readFileSync(this.file)), 'base64');
  }

  set(secret: Buffer): void {
    this.requireProtection();
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, safeStorage.encryptString(secret.toString('base64')), { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.file);
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }

  /**
   * On Linux without a keyring (no GNOME Keyring or KWallet running) safeStorage falls back
   * to `basic_text`, a key written in Chromium's source: that would be plain text in all
   * but name, so the secret is refused instead.
   */
  private requireProtection(): void {
    const unprotected =
      !safeStorage.isEncryptionAvailable() ||
      (this.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
    if (unprotected) {
      throw new DomainError(
        'secret_store_unavailable',
        'No OS keyring protects secrets on this computer (safeStorage has only basic_text)',
      );
    }
  }
}
