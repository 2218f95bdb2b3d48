import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from './pin-hash';

const cost = { N: 1_024, r: 8, p: 1 };

describe('PIN hashing', () => {
  it('verifies the right PIN and refuses a wrong one', async () => {
    const stored = await hashPin('482916', cost);
    expect(await verifyPin('482916', stored)).toBe(true);
    expect(await verifyPin('482917', stored)).toBe(false);
    expect(await verifyPin('48291', stored)).toBe(false);
  });

  it('salts every hash, so the same PIN never stores the same text, and never the PIN', async () => {
    const a = await hashPin('1234', cost);
    const b = await hashPin('1234', cost);
    expect(a).not.toBe(b);
    expect(a).not.toContain('1234');
    expect(a.split('$').slice(0, 4)).toEqual(['scrypt', '1024', '8', '1']);
  });

  it('uses the default cost of N = 2^14 when none is given', async () => {
    expect((await hashPin('1234')).split('$')[1]).toBe('16384');
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    expect(await verifyPin('1234', 'plain:1234')).toBe(false);
  });
});
