/**
 * BMP fields ("bitmaps", PA00P015 §8 "List of bitmaps"): one byte naming the field, then a
 * fixed number of bytes, an LL-var or LLL-var payload, or (06) a BER-length TLV container.
 * Sizes follow the spec list as ecrterm (packets/bitmaps.py) and Wireshark (packet-zvt.c)
 * transcribe it. A field in the table is sized and kept even when nothing reads it; an
 * unknown one stops the decode, because without its size nothing after it can be trusted.
 */
import { concat } from './apdu';
import { decodeBcd, decodeVarLength, encodeVarLength } from './bcd';
import { decodeBerLength, encodeTlvContainer } from './tlv';
import type { TlvInput } from './tlv';
import { maskPanDigits } from './pan';

export type BmpFormat =
  | { readonly kind: 'fixed'; readonly length: number }
  | { readonly kind: 'll' }
  | { readonly kind: 'lll' }
  | { readonly kind: 'tlv' };

const fixed = (length: number): BmpFormat => ({ kind: 'fixed', length });
const LL: BmpFormat = { kind: 'll' };
const LLL: BmpFormat = { kind: 'lll' };

export const Bmp = {
  timeout: 0x01,
  maxStatusInfos: 0x02,
  serviceByte: 0x03,
  amount: 0x04,
  pumpNo: 0x05,
  tlv: 0x06,
  trace: 0x0b,
  time: 0x0c,
  date: 0x0d,
  expiry: 0x0e,
  cardSequenceNo: 0x17,
  paymentType: 0x19,
  pan: 0x22,
  track2: 0x23,
  track3: 0x24,
  resultCode: 0x27,
  terminalId: 0x29,
  vuNumber: 0x2a,
  track1: 0x2d,
  originalTrace: 0x37,
  cvv: 0x3a,
  aid: 0x3b,
  additionalText: 0x3c,
  password: 0x3d,
  currency: 0x49,
  totals: 0x60,
  receiptNo: 0x87,
  turnoverNo: 0x88,
  cardType: 0x8a,
  cardName: 0x8b,
  cardTypeId: 0x8c,
  geldkarte: 0x9a,
  resultCodeAs: 0xa0,
  aidParameter: 0xba,
} as const;

/** id → [name, format]. */
const TABLE = new Map<number, readonly [string, BmpFormat]>([
  [0x01, ['timeout', fixed(1)]],
  [0x02, ['max-status-infos', fixed(1)]],
  [0x03, ['service-byte', fixed(1)]],
  [0x04, ['amount', fixed(6)]],
  [0x05, ['pump-no', fixed(1)]],
  [0x06, ['tlv', { kind: 'tlv' }]],
  [0x0b, ['trace', fixed(3)]],
  [0x0c, ['time', fixed(3)]],
  [0x0d, ['date', fixed(2)]],
  [0x0e, ['expiry', fixed(2)]],
  [0x17, ['card-sequence-no', fixed(2)]],
  [0x19, ['payment-type', fixed(1)]],
  [0x22, ['pan', LL]],
  [0x23, ['track-2', LL]],
  [0x24, ['track-3', LLL]],
  [0x27, ['result-code', fixed(1)]],
  [0x29, ['terminal-id', fixed(4)]],
  [0x2a, ['vu-number', fixed(15)]],
  [0x2d, ['track-1', LL]],
  [0x2e, ['sync-chip-data', LLL]],
  [0x37, ['original-trace', fixed(3)]],
  [0x3a, ['cvv', fixed(2)]],
  [0x3b, ['aid', fixed(8)]],
  [0x3c, ['additional-text', LLL]],
  [0x3d, ['password', fixed(3)]],
  [0x49, ['currency', fixed(2)]],
  [0x4c, ['blocked-goods-groups', LL]],
  [0x60, ['totals', LLL]],
  [0x87, ['receipt-no', fixed(2)]],
  [0x88, ['turnover-no', fixed(3)]],
  [0x8a, ['card-type', fixed(1)]],
  [0x8b, ['card-name', LL]],
  [0x8c, ['card-type-id', fixed(1)]],
  [0x92, ['offline-chip-data', LLL]],
  [0x9a, ['geldkarte', LLL]],
  [0xa0, ['result-code-as', fixed(1)]],
  [0xa7, ['chip-ef-id', LL]],
  [0xaa, ['date-yymmdd', fixed(3)]],
  [0xaf, ['ef-info', LLL]],
  [0xba, ['aid-parameter', fixed(5)]],
  [0xd0, ['algorithm-key', fixed(1)]],
  [0xd1, ['card-offset', LL]],
  [0xd2, ['direction', fixed(1)]],
  [0xd3, ['key-position', fixed(1)]],
]);

export const bmpFormat = (id: number): BmpFormat | undefined => TABLE.get(id)?.[1];

/** Card data that must not leave the driver: dropped on decode, the PAN kept only masked. */
const WITHHELD = new Set<number>([0x23, 0x24, 0x2d, 0x2e, 0x3a, 0xa7]);

export interface BmpField {
  readonly id: number;
  readonly name: string;
  /** Payload without its LL/LLL prefix; empty for withheld card data. */
  readonly value: Uint8Array;
  /** BMP 22 only: the PAN with at most the first 6 and last 4 digits visible. */
  readonly maskedPan?: string;
}

export type BmpProblem =
  | { readonly kind: 'unknown-bmp'; readonly id: number; readonly offset: number }
  | { readonly kind: 'truncated'; readonly id: number; readonly offset: number };

export interface BmpDecode {
  readonly fields: readonly BmpField[];
  /** Why decoding stopped before the end, if it did. */
  readonly problem?: BmpProblem;
}

export function decodeBmps(bytes: Uint8Array, start = 0): BmpDecode {
  const fields: BmpField[] = [];
  let offset = start;
  while (offset < bytes.length) {
    const id = bytes[offset] ?? 0;
    const entry = TABLE.get(id);
    if (!entry) return { fields, problem: { kind: 'unknown-bmp', id, offset } };
    const [name, format] = entry;
    const sized = sizeOf(bytes, offset + 1, format);
    if (!sized || sized.start + sized.length > bytes.length) {
      return { fields, problem: { kind: 'truncated', id, offset } };
    }
    const value = bytes.slice(sized.start, sized.start + sized.length);
    offset = sized.start + sized.length;
    if (id === Bmp.pan) {
      fields.push({
        id,
        name,
        value: new Uint8Array(),
        maskedPan: maskPanDigits(panDigits(value)),
      });
    } else {
      fields.push({ id, name, value: WITHHELD.has(id) ? new Uint8Array() : value });
    }
  }
  return { fields };
}

function sizeOf(
  bytes: Uint8Array,
  at: number,
  format: BmpFormat,
): { start: number; length: number } | null {
  switch (format.kind) {
    case 'fixed':
      return { start: at, length: format.length };
    case 'll':
    case 'lll': {
      const digits = format.kind === 'll' ? 2 : 3;
      const length = decodeVarLength(bytes, at, digits);
      return length === null ? null : { start: at + digits, length };
    }
    case 'tlv': {
      const length = decodeBerLength(bytes, at);
      return length ? { start: at + length[1], length: length[0] } : null;
    }
  }
}

/** BCD PAN: 'E' nibbles are digits the terminal already masked, a trailing 'F' is padding. */
function panDigits(value: Uint8Array): string {
  return decodeBcd(value).replace(/F+$/, '').replace(/E/g, '*');
}

/** A fixed-format field, checked against the table so a wrong size is a bug found early. */
export function encodeBmp(id: number, value: Uint8Array): Uint8Array {
  const format = TABLE.get(id)?.[1];
  if (!format) throw new RangeError(`ZVT BMP ${id.toString(16)} is not in the table`);
  switch (format.kind) {
    case 'fixed':
      if (value.length !== format.length) {
        throw new RangeError(
          `ZVT BMP ${id.toString(16)}: ${value.length} bytes, not ${format.length}`,
        );
      }
      return concat(Uint8Array.of(id), value);
    case 'll':
      return concat(Uint8Array.of(id), encodeVarLength(value.length, 2), value);
    case 'lll':
      return concat(Uint8Array.of(id), encodeVarLength(value.length, 3), value);
    case 'tlv':
      throw new RangeError('ZVT BMP 06: use encodeTlvBmp');
  }
}

export const encodeTlvBmp = (nodes: readonly TlvInput[]): Uint8Array =>
  concat(Uint8Array.of(Bmp.tlv), encodeTlvContainer(nodes));

export const findBmp = (fields: readonly BmpField[], id: number): BmpField | undefined =>
  fields.find((field) => field.id === id);
