import { createHmac, randomBytes } from 'node:crypto';
import type { SecretStore } from '../sync/secret-store';

/**
 * A card's keyed hash (HMAC-SHA256 of the number under a key kept in the OS-protected
 * store): the block list and velocity rules recognise a card again, while a copy of the
 * database cannot be checked against guessed numbers (PCI DSS 3.5.1.1).
 */
export class CardKeyer {
  private key: Buffer | null = null;

  constructor(private readonly store: SecretStore) {}

  keyOf(pan: string): string {
    return createHmac('sha256', this.secretKey()).update(pan).digest('hex');
  }

  private secretKey(): Buffer {
    if (this.key === null) {
      let key = this.store.get();
      if (key === null) {
        key = randomBytes(32);
        this.store.set(key);
      }
      this.key = key;
    }
    return this.key;
  }
}
