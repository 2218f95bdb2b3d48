import type { JsonValue } from './entry';

/**
 * RFC 8785 JSON Canonicalization Scheme: object keys sorted by UTF-16 code units, no
 * insignificant white space, strings escaped as ECMAScript JSON.stringify does, numbers in
 * ECMAScript shortest form (which §3.2.2.3 adopts). The ledger hashes exactly these bytes.
 *
 * The host canonicalizes every entry it receives and the till every entry it commits, so
 * speed matters: the value is copied with its keys in canonical order and handed to the
 * native JSON.stringify, whose strings and numbers are already JCS's. JavaScript objects put
 * array-index keys ("1", "10") first in numeric order whatever the insertion order, which
 * JCS does not, so an object with such a key takes the slower writer that orders keys itself.
 */
export function canonicalJson(value: JsonValue): string {
  const ordered = orderedCopy(value);
  return ordered === NEEDS_WRITER ? writeCanonical(value) : JSON.stringify(ordered);
}

const NEEDS_WRITER = Symbol('needs the canonical writer');
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;

/**
 * The value with every object's keys inserted in sorted order, or NEEDS_WRITER. A part that
 * is already in order is returned as it is (a parsed canonical body is, throughout), so
 * checking it costs no allocation.
 */
function orderedCopy(value: JsonValue): JsonValue | typeof NEEDS_WRITER {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`JSON cannot hold ${String(value)}`);
    return value;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: JsonValue[] | null = null;
    for (let i = 0; i < value.length; i += 1) {
      const item = orderedCopy(value[i] as JsonValue);
      if (item === NEEDS_WRITER) return NEEDS_WRITER;
      if (item !== value[i]) copy ??= value.slice();
      if (copy !== null) copy[i] = item;
    }
    return copy ?? value;
  }
  const keys = Object.keys(value);
  let inOrder = true;
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i] as string;
    if (ARRAY_INDEX.test(key)) return NEEDS_WRITER;
    // Default comparison is by UTF-16 code units, which is what JCS §3.2.3 requires.
    if (i > 0 && (keys[i - 1] as string) > key) inOrder = false;
  }
  if (!inOrder) keys.sort();
  const items: JsonValue[] = [];
  let changed = !inOrder;
  for (const key of keys) {
    const member = value[key];
    // An undefined member is left out, as JSON.stringify leaves it out.
    if (member === undefined) continue;
    const item = orderedCopy(member);
    if (item === NEEDS_WRITER) return NEEDS_WRITER;
    if (item !== member) changed = true;
    items.push(item);
  }
  if (!changed) return value;
  // No prototype: a member named "__proto__" (valid JSON) stays a member, not a prototype.
  const copy = Object.create(null) as { [key: string]: JsonValue };
  let at = 0;
  for (const key of keys) if (value[key] !== undefined) copy[key] = items[at++] as JsonValue;
  return copy;
}

/** The same output written piece by piece, for objects JavaScript would reorder. */
function writeCanonical(value: JsonValue): string {
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
      out += writeCanonical(value[i] as JsonValue);
    }
    return out + ']';
  }
  const keys = Object.keys(value).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = value[key];
    if (member === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += JSON.stringify(key) + ':' + writeCanonical(member);
  }
  return out + '}';
}
