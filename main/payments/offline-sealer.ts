import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretStore } from '../sync/secret-store';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals an offline authorization request (track 2 included) for the time it waits for the
 * host: AES-256-GCM under a key kept in the OS-protected store (safeStorage, or the browser
 * host's 0600 file), never in the database. The row's authId is the associated data, so a
 * sealed request cannot be moved to another row. Layout: iv (12) ‖ tag (16) ‖ ciphertext.
 */
export class OfflineSealer {
  private key: Buffer | null = null;

  constructor(private readonly store: SecretStore) {}

  seal(authId: string, plaintext: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.secretKey(), iv);
    cipher.setAAD(Buffer.from(authId, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  /** The plaintext, or null when it does not open (another key, another row, damaged). */
  open(authId: string, sealed: Buffer): string | null {
    if (sealed.length < IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv(
        'aes-256-gcm',
        this.secretKey(),
        sealed.subarray(0, IV_BYTES),
      );
      decipher.setAAD(Buffer.from(authId, 'utf8'));
      decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const body = sealed.subarray(IV_BYTES + TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  private secretKey(): Buffer {
    if (this.key === null) {
      let key = this.store.get();
      if (key?.length !== KEY_BYTES) {
        key = randomBytes(KEY_BYTES);
        this.store.set(key);
      }
      this.key = key;
    }
    return this.key;
  }
}
