import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import type { JsonValue } from './entry';

/** A double from its IEEE-754 bits, as RFC 8785 Appendix B lists them. */
function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    // The RFC's input, in its order; the emoji (D83D DE00) sorts before U+FB33 by code unit.
    const input = JSON.parse(String.raw`{
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    }`) as JsonValue;
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control",' +
        '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign",' +
        '"\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('serializes the RFC 8785 §3.2.2 sample exactly', () => {
    const input = JSON.parse(String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`) as JsonValue;
    expect(canonicalJson(input)).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('writes numbers in ECMAScript shortest form (RFC 8785 §3.2.2.3)', () => {
    expect(canonicalJson([1e30, 4.5, 0.002, -0, Number('333333333.33333329'), 1e21, 1e-7])).toBe(
      '[1e+30,4.5,0.002,0,333333333.3333333,1e+21,1e-7]',
    );
  });

  it.each([
    // RFC 8785 Appendix B: IEEE-754 bits → canonical text
    ['0000000000000000', '0'],
    ['8000000000000000', '0'], // -0
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['ffefffffffffffff', '-1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['c340000000000000', '-9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['44b52d02c7e14af7', '1.0000000000000001e+23'],
    ['444b1ae4d6e2ef4e', '999999999999999700000'],
    ['444b1ae4d6e2ef4f', '999999999999999900000'],
    ['444b1ae4d6e2ef50', '1e+21'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['41b3de4355555553', '333333333.3333332'],
    ['41b3de4355555554', '333333333.33333325'],
    ['41b3de4355555555', '333333333.3333333'],
    ['41b3de4355555556', '333333333.3333334'],
    ['41b3de4355555557', '333333333.33333343'],
    ['becbf647612f3696', '-0.0000033333333333333333'],
    ['43143ff3c1cb0959', '1424953923781206.2'],
  ])('number %s is %s (Appendix B)', (bits, text) => {
    expect(canonicalJson(fromBits(bits))).toBe(text);
  });

  it.each(['7fffffffffffffff', '7ff0000000000000', 'fff0000000000000'])(
    'refuses NaN and ±Infinity (%s, Appendix B)',
    (bits) => {
      expect(() => canonicalJson(fromBits(bits))).toThrow(RangeError);
      expect(() => canonicalJson({ a: [fromBits(bits)] })).toThrow(RangeError);
    },
  );

  it('sorts integer-like keys as strings, not in JavaScript property order', () => {
    // JS enumerates "9" before "10"; JCS compares code units, so "10" < "9".
    expect(canonicalJson({ 9: 1, 10: 2, a: 3, B: 4 })).toBe('{"10":2,"9":1,"B":4,"a":3}');
  });

  it('orders integer-like keys right however deep they are (denominations in a shift close)', () => {
    expect(canonicalJson({ z: [{ counted: { 10000: 2, 500: 3, 50: 1 } }], a: 1 })).toBe(
      '{"a":1,"z":[{"counted":{"10000":2,"50":1,"500":3}}]}',
    );
  });

  it('keeps a member named __proto__ like any other (found by the property test)', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":2}') as JsonValue)).toBe(
      '{"__proto__":2,"b":1}',
    );
    expect(canonicalJson(JSON.parse('{"__proto__":{"z":1,"a":2},"b":1}') as JsonValue)).toBe(
      '{"__proto__":{"a":2,"z":1},"b":1}',
    );
  });

  it('has no white space, keeps array order and sorts nested objects', () => {
    expect(canonicalJson({ b: [3, 1, { d: true, c: null }], a: { z: [], y: {} } })).toBe(
      '{"a":{"y":{},"z":[]},"b":[3,1,{"c":null,"d":true}]}',
    );
  });

  it('escapes strings as JSON.stringify does (RFC 8785 §3.2.2.2)', () => {
    // Only " \ and controls are escaped, controls as lower-case \u00xx or their short form;
    // everything else, CJK and emoji included, is written as itself.
    expect(canonicalJson({ a: 'é\n"\u001f\\/\t\b\f', 名: '可乐 🥤' })).toBe(
      '{"a":"é\\n\\"\\u001f\\\\/\\t\\b\\f","名":"可乐 🥤"}',
    );
  });

  it('is the same text whatever order the keys were inserted in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.string(), fc.jsonValue()), {
          selector: ([key]) => key,
          maxLength: 10,
        }),
        (members) => {
          const forward = Object.fromEntries(members) as JsonValue;
          const backward = Object.fromEntries([...members].reverse()) as JsonValue;
          expect(canonicalJson(backward)).toBe(canonicalJson(forward));
        },
      ),
    );
  });

  it('is valid JSON for the same value, and canonical text is a fixed point', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value as JsonValue);
        const reparsed = JSON.parse(text) as JsonValue;
        expect(reparsed).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(reparsed)).toBe(text);
      }),
    );
  });
});
