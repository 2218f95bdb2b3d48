import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    // The RFC's expected order, with the values it gives.
    const sorted: [string, string][] = [
      ['\r', 'Carriage Return'],
      ['1', 'One'],
      ['\u0080', 'Control'],
      ['\u00f6', 'Latin Small Letter O With Diaeresis'],
      ['\u20ac', 'Euro Sign'],
      ['\ud83d\ude00', 'Emoji: Grinning Face'],
      ['\ufb33', 'Hebrew Letter Dalet With Dagesh'],
    ];
    const shuffled = Object.fromEntries([
      sorted[4]!,
      sorted[0]!,
      sorted[6]!,
      sorted[1]!,
      sorted[5]!,
      sorted[2]!,
      sorted[3]!,
    ]);
    const expected = `{${sorted.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
    expect(canonicalJson(shuffled)).toBe(expected);
  });

  it('writes numbers in ECMAScript shortest form (RFC 8785 §3.2.2.3)', () => {
    expect(canonicalJson([1e30, 4.5, 0.002, -0, Number('333333333.33333329'), 1e21, 1e-7])).toBe(
      '[1e+30,4.5,0.002,0,333333333.3333333,1e+21,1e-7]',
    );
  });

  it('has no white space and escapes strings as JSON does (RFC 8785 §3.2.2.2)', () => {
    expect(canonicalJson({ b: [1, { d: true, c: null }], a: 'é\n"\u001f' })).toBe(
      '{"a":"é\\n\\"\\u001f","b":[1,{"c":null,"d":true}]}',
    );
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(RangeError);
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(RangeError);
  });
});
