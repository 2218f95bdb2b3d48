import type { JsonValue } from './entry';

/**
 * RFC 8785 JSON Canonicalization Scheme: object keys sorted by UTF-16 code units, no
 * insignificant white space, strings escaped as ECMAScript JSON.stringify does, numbers in
 * ECMAScript shortest form (which §3.2.2.3 adopts). The ledger hashes exactly these bytes.
 * Written as plain loops appending to one string: the host canonicalizes every entry it
 * receives, and this is most of an upload's cost.
 */
export function canonicalJson(value: JsonValue): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`JSON cannot hold ${String(value)}`);
      return JSON.stringify(value);
    default:
      break;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) out += ',';
      out += canonicalJson(value[i] as JsonValue);
    }
    return out + ']';
  }
  // Default sort compares UTF-16 code units, which is what JCS §3.2.3 requires.
  const keys = Object.keys(value).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = value[key];
    if (member === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += JSON.stringify(key) + ':' + canonicalJson(member);
  }
  return out + '}';
}
