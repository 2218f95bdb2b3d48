/**
 * The TLV container of BMP 06 (PA00P015 §9 "TLV-container"): BER-style tags (a first byte
 * with low five bits 1F continues while the next byte has bit 8 set), lengths of one byte
 * below 0x80, else 81 xx or 82 xx xx (big-endian), as Wireshark packet-zvt.c reads them.
 * Bit 6 of the first tag byte marks a constructed object whose value is itself TLV.
 */
import { concat } from './apdu';

export interface TlvNode {
  readonly tag: number;
  readonly value: Uint8Array;
  /** Present for constructed tags, decoded from value. */
  readonly children?: readonly TlvNode[];
}

export type TlvInput =
  | { readonly tag: number; readonly value: Uint8Array }
  | { readonly tag: number; readonly children: readonly TlvInput[] };

/** Tags Countertop reads or writes (PA00P015 §9 tag list). */
export const TlvTag = {
  textLines: 0x07,
  displayTexts: 0x24,
  printTexts: 0x25,
  receiptType: 0x1f07,
  cardholderAuth: 0x1f10,
  onlineFlag: 0x1f11,
  cardType: 0x1f12,
} as const;

export function encodeTag(tag: number): Uint8Array {
  if (tag <= 0xff) return Uint8Array.of(tag);
  if (tag <= 0xffff) return Uint8Array.of(tag >> 8, tag & 0xff);
  return Uint8Array.of(tag >> 16, (tag >> 8) & 0xff, tag & 0xff);
}

export function encodeBerLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  if (length <= 0xff) return Uint8Array.of(0x81, length);
  if (length <= 0xffff) return Uint8Array.of(0x82, length >> 8, length & 0xff);
  throw new RangeError(`ZVT TLV: length ${length}`);
}

/** [length, bytes used] or null when the bytes end early or use a form ZVT does not. */
export function decodeBerLength(bytes: Uint8Array, offset: number): [number, number] | null {
  const first = bytes[offset];
  if (first === undefined) return null;
  if (first < 0x80) return [first, 1];
  const a = bytes[offset + 1];
  if (first === 0x81 && a !== undefined) return [a, 2];
  const b = bytes[offset + 2];
  if (first === 0x82 && a !== undefined && b !== undefined) return [(a << 8) | b, 3];
  return null;
}

const isConstructed = (firstTagByte: number): boolean => (firstTagByte & 0x20) !== 0;

export function encodeTlv(nodes: readonly TlvInput[]): Uint8Array {
  return concat(
    ...nodes.map((node) => {
      const value = 'children' in node ? encodeTlv(node.children) : node.value;
      return concat(encodeTag(node.tag), encodeBerLength(value.length), value);
    }),
  );
}

/** The BMP 06 payload: total length, then the objects. */
export const encodeTlvContainer = (nodes: readonly TlvInput[]): Uint8Array => {
  const body = encodeTlv(nodes);
  return concat(encodeBerLength(body.length), body);
};

export type TlvDecode =
  | { readonly ok: true; readonly nodes: readonly TlvNode[] }
  | { readonly ok: false; readonly offset: number };

/**
 * Deepest nesting decoded. The tags ZVT defines nest two or three levels; a terminal (or a
 * line fault) sending thousands would otherwise exhaust the stack.
 */
export const MAX_TLV_DEPTH = 8;

export function decodeTlv(bytes: Uint8Array, depth = 0): TlvDecode {
  const nodes: TlvNode[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const start = offset;
    const first = bytes[offset++] ?? 0;
    let tag = first;
    if ((first & 0x1f) === 0x1f) {
      let next: number | undefined;
      do {
        next = bytes[offset++];
        if (next === undefined || offset - start > 3) return { ok: false, offset: start };
        tag = (tag << 8) | next;
      } while (next & 0x80);
    }
    const length = decodeBerLength(bytes, offset);
    if (!length || offset + length[1] + length[0] > bytes.length)
      return { ok: false, offset: start };
    offset += length[1];
    const value = bytes.slice(offset, offset + length[0]);
    offset += length[0];
    if (isConstructed(first)) {
      if (depth >= MAX_TLV_DEPTH) return { ok: false, offset: start };
      const inner = decodeTlv(value, depth + 1);
      if (!inner.ok) return { ok: false, offset: offset - length[0] + inner.offset };
      nodes.push({ tag, value, children: inner.nodes });
    } else {
      nodes.push({ tag, value });
    }
  }
  return { ok: true, nodes };
}

/** Depth-first search, e.g. every 07 text line under 24 display texts. */
export function findTlv(nodes: readonly TlvNode[], tag: number): TlvNode[] {
  const found: TlvNode[] = [];
  for (const node of nodes) {
    if (node.tag === tag) found.push(node);
    if (node.children) found.push(...findTlv(node.children, tag));
  }
  return found;
}
