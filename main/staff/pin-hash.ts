import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt parameters: N = 2^14, r = 8, p = 1 (16 MiB, about 50 ms here), a 16-byte random salt
 * per user and PIN, a 32-byte key. A PIN has at most 10^8 values, so the slow hash and the
 * 5-try lockout together are what protect it; N is stored with the hash so it can be raised
 * later without breaking stored PINs. Tests pass a smaller N.
 */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}
export const defaultScryptCost: ScryptCost = { N: 16_384, r: 8, p: 1 };
const KEY_BYTES = 32;

function derive(pin: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Asynchronous: the derivation runs on libuv's pool, off the event loop sales use.
    scrypt(pin, salt, KEY_BYTES, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$salt$key` (base64 salt and key); never the PIN. */
export async function hashPin(pin: string, cost: ScryptCost = defaultScryptCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join(
    '$',
  );
}

/** Constant-time comparison of the derived key; false for a malformed stored hash. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(pin, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
