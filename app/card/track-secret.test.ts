import { describe, expect, it } from 'vitest';
import { inspectCustom, TrackSecret } from './track-secret';

const data = '4111111111111111=3012101000000000';

describe('TrackSecret', () => {
  it('hands the data out once', () => {
    const secret = new TrackSecret(data);
    expect(secret.available).toBe(true);
    expect(secret.take()).toBe(data);
    expect(secret.available).toBe(false);
    expect(() => secret.take()).toThrow(/already taken/);
  });

  it('cannot be taken after wipe()', () => {
    const secret = new TrackSecret(data);
    secret.wipe();
    secret.wipe();
    expect(() => secret.take()).toThrow();
  });

  it('never prints, serializes or copies its data', () => {
    const secret = new TrackSecret(data);
    const shown = [
      JSON.stringify({ secret }),
      String(secret),
      // What Node's util.inspect calls (checked with inspect itself in the native tests).
      secret[inspectCustom](),
      JSON.stringify(Object.entries(secret)),
    ];
    for (const text of shown) expect(text).not.toContain('4111');
    expect(shown[0]).toBe('{"secret":"[track data withheld]"}');
  });
});
