/**
 * Messages the terminal sends during a command (PA00P015 §2 and §3): intermediate status
 * 04 FF, status information 04 0F, print line 06 D1, print text block 06 D3, completion
 * 06 0F and abort 06 1E. Parsers for the driver, encoders for the simulator.
 */
import { apdu, concat } from './apdu';
import type { Apdu } from './apdu';
import {
  decodeBcd,
  decodeBcdNumber,
  decodeVarLength,
  encodeBcd,
  encodeBcdNumber,
  encodeVarLength,
} from './bcd';
import { Bmp, decodeBmps, encodeBmp, encodeTlvBmp, findBmp } from './bmp';
import type { BmpField, BmpProblem } from './bmp';
import { decodeText, encodeText } from './text-codec';
import type { ZvtCharset } from './text-codec';
import { TlvTag, decodeTlv, findTlv } from './tlv';
import type { TlvNode } from './tlv';

/** What a 04 0F tells about a transaction. Every field is optional: terminals differ. */
export interface StatusInformation {
  readonly resultCode?: number;
  readonly amountMinor?: number;
  readonly currency?: number;
  readonly trace?: string;
  /** HHMMSS and MMDD as the terminal's clock shows them. */
  readonly time?: string;
  readonly date?: string;
  /** YYMM. */
  readonly expiry?: string;
  readonly maskedPan?: string;
  readonly terminalId?: string;
  readonly vuNumber?: string;
  readonly receiptNo?: number;
  readonly turnoverNo?: number;
  readonly cardType?: number;
  readonly cardName?: string;
  readonly cardTypeId?: number;
  readonly paymentType?: number;
  readonly aid?: string;
  readonly additionalText?: string;
  /** End-of-day individual totals (BMP 60), hex: their layout varies by card network. */
  readonly totals?: string;
  readonly tlv?: readonly TlvNode[];
}

export interface Parsed<T> {
  readonly value: T;
  /** Fields after this point could not be read. */
  readonly problem?: BmpProblem | { readonly kind: 'bad-tlv'; readonly offset: number };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function statusFromFields(
  fields: readonly BmpField[],
  charset: ZvtCharset = 'cp437',
): Parsed<StatusInformation> {
  const info: Mutable<StatusInformation> = {};
  let problem: Parsed<StatusInformation>['problem'];
  for (const field of fields) {
    const v = field.value;
    switch (field.id) {
      case Bmp.resultCode:
        info.resultCode = v[0];
        break;
      case Bmp.amount:
        info.amountMinor = decodeBcdNumber(v) ?? undefined;
        break;
      case Bmp.currency:
        info.currency = decodeBcdNumber(v) ?? undefined;
        break;
      case Bmp.trace:
        info.trace = decodeBcd(v);
        break;
      case Bmp.time:
        info.time = decodeBcd(v);
        break;
      case Bmp.date:
        info.date = decodeBcd(v);
        break;
      case Bmp.expiry:
        info.expiry = decodeBcd(v);
        break;
      case Bmp.pan:
        info.maskedPan = field.maskedPan;
        break;
      case Bmp.terminalId:
        info.terminalId = decodeBcd(v);
        break;
      case Bmp.vuNumber:
        info.vuNumber = decodeText(v, charset).trim();
        break;
      case Bmp.receiptNo:
        info.receiptNo = decodeBcdNumber(v) ?? undefined;
        break;
      case Bmp.turnoverNo:
        info.turnoverNo = decodeBcdNumber(v) ?? undefined;
        break;
      case Bmp.cardType:
        info.cardType = v[0];
        break;
      case Bmp.cardName:
        info.cardName = decodeText(v, charset);
        break;
      case Bmp.cardTypeId:
        info.cardTypeId = v[0];
        break;
      case Bmp.paymentType:
        info.paymentType = v[0];
        break;
      case Bmp.aid:
        info.aid = decodeText(v, charset);
        break;
      case Bmp.additionalText:
        info.additionalText = decodeText(v, charset);
        break;
      case Bmp.totals:
        info.totals = decodeBcd(v);
        break;
      case Bmp.tlv: {
        const tlv = decodeTlv(v);
        if (tlv.ok) info.tlv = tlv.nodes;
        else problem = { kind: 'bad-tlv', offset: tlv.offset };
        break;
      }
    }
  }
  return problem ? { value: info, problem } : { value: info };
}

export function parseStatusInformation(
  data: Uint8Array,
  charset: ZvtCharset = 'cp437',
): Parsed<StatusInformation> {
  const decoded = decodeBmps(data);
  const parsed = statusFromFields(decoded.fields, charset);
  const problem = decoded.problem ?? parsed.problem;
  return problem ? { value: parsed.value, problem } : { value: parsed.value };
}

export interface IntermediateStatus {
  readonly code: number;
  /** Seconds the terminal will wait for the customer, when it says. */
  readonly timeoutSeconds?: number;
  /** Display lines from TLV 24 / 07, when the terminal sends its own texts. */
  readonly lines: readonly string[];
}

/** 04 FF: status byte, optional timeout byte, optional TLV (packet-zvt.c dissect_zvt_int_status). */
export function parseIntermediateStatus(
  data: Uint8Array,
  charset: ZvtCharset = 'cp437',
): IntermediateStatus {
  const code = data[0] ?? 0xff;
  const timeout = data[1];
  const tlv = data.length > 2 ? decodeBmps(data, 2).fields : [];
  const container = findBmp(tlv, Bmp.tlv);
  const nodes = container ? decodeTlv(container.value) : null;
  const lines = nodes?.ok
    ? findTlv(findTlv(nodes.nodes, TlvTag.displayTexts), TlvTag.textLines).map((n) =>
        decodeText(n.value, charset),
      )
    : [];
  return timeout === undefined ? { code, lines } : { code, timeoutSeconds: timeout, lines };
}

export interface PrintLine {
  readonly attribute: number;
  readonly text: string;
  /** The TLV container (BMP 06) some terminals append after the text. */
  readonly tlv?: readonly TlvNode[];
}

/**
 * 06 D1: one attribute byte, the text, and optionally a TLV container (BMP 06, PA00P015
 * "Print line"). 06 is a control character, never printable text, so the text ends at the
 * first 06 that starts a container running exactly to the end of the message.
 */
export function parsePrintLine(data: Uint8Array, charset: ZvtCharset = 'cp437'): PrintLine {
  const attribute = data[0] ?? 0;
  for (let at = data.indexOf(Bmp.tlv, 1); at !== -1; at = data.indexOf(Bmp.tlv, at + 1)) {
    const trailer = decodeBmps(data, at);
    const container = trailer.fields.length === 1 ? findBmp(trailer.fields, Bmp.tlv) : undefined;
    const tlv = container && !trailer.problem ? decodeTlv(container.value) : null;
    if (tlv?.ok) {
      return { attribute, text: decodeText(data.slice(1, at), charset), tlv: tlv.nodes };
    }
  }
  return { attribute, text: decodeText(data.slice(1), charset) };
}

export type ReceiptKind = 'merchant' | 'customer' | 'administration' | 'unknown';

/** TLV 1F07 receipt type: 01 merchant, 02 customer, 03 administration (packet-zvt.c). */
const RECEIPT_KINDS: Record<number, ReceiptKind> = {
  1: 'merchant',
  2: 'customer',
  3: 'administration',
};

export interface PrintTextBlock {
  readonly kind: ReceiptKind;
  readonly lines: readonly string[];
}

/** 06 D3: BMP 06 holding 25 print texts { 1F07 receipt type, 07 line, 07 line … }. */
export function parsePrintTextBlock(
  data: Uint8Array,
  charset: ZvtCharset = 'cp437',
): Parsed<PrintTextBlock> {
  const container = findBmp(decodeBmps(data).fields, Bmp.tlv);
  const tlv = container ? decodeTlv(container.value) : { ok: true as const, nodes: [] };
  if (!tlv.ok)
    return {
      value: { kind: 'unknown', lines: [] },
      problem: { kind: 'bad-tlv', offset: tlv.offset },
    };
  const type = findTlv(tlv.nodes, TlvTag.receiptType)[0]?.value[0];
  return {
    value: {
      kind: (type !== undefined ? RECEIPT_KINDS[type] : undefined) ?? 'unknown',
      lines: findTlv(tlv.nodes, TlvTag.textLines).map((n) => decodeText(n.value, charset)),
    },
  };
}

export interface Completion {
  /** Status enquiry only: software version (LLL-var) and terminal status byte. */
  readonly softwareVersion?: string;
  readonly terminalStatus?: number;
  readonly statusByte?: number;
  readonly terminalId?: string;
  readonly currency?: number;
}

/**
 * 06 0F: after a status enquiry it starts with an LLL-var software version and a status byte
 * (ecrterm tests/test_parsing.py: "06 0F 0B F0 F0 F7 '2.14.15' 00"); otherwise it is BMPs
 * (19 status byte, 29 terminal ID, 49 currency). A BMP id never starts with F, so the two
 * cannot be confused.
 */
export function parseCompletion(data: Uint8Array, charset: ZvtCharset = 'cp437'): Completion {
  let start = 0;
  const out: Mutable<Completion> = {};
  if ((data[0] ?? 0) >> 4 === 0x0f) {
    const length = decodeVarLength(data, 0, 3);
    if (length !== null) {
      out.softwareVersion = decodeText(data.slice(3, 3 + length), charset);
      out.terminalStatus = data[3 + length];
      start = 4 + length;
    }
  }
  const { fields } = decodeBmps(data, start);
  const status = findBmp(fields, Bmp.paymentType);
  const tid = findBmp(fields, Bmp.terminalId);
  const currency = findBmp(fields, Bmp.currency);
  if (status) out.statusByte = status.value[0];
  if (tid) out.terminalId = decodeBcd(tid.value);
  if (currency) out.currency = decodeBcdNumber(currency.value) ?? undefined;
  return out;
}

/** 06 1E: the result code, then optional BMPs. */
export const parseAbort = (data: Uint8Array): { resultCode: number } => ({
  resultCode: data[0] ?? 0xff,
});

// ---- The terminal's side (simulator) ----

export function encodeStatusInformation(info: StatusInformation & { readonly pan?: string }): Apdu {
  const parts: Uint8Array[] = [];
  const add = (id: number, value: Uint8Array | undefined) => {
    if (value) parts.push(encodeBmp(id, value));
  };
  const bcd = (digits: string | undefined, bytes: number) =>
    digits === undefined ? undefined : encodeBcd(digits, bytes);
  const num = (n: number | undefined, bytes: number) =>
    n === undefined ? undefined : encodeBcdNumber(n, bytes);
  const byte = (n: number | undefined) => (n === undefined ? undefined : Uint8Array.of(n));
  add(Bmp.resultCode, byte(info.resultCode));
  add(Bmp.amount, num(info.amountMinor, 6));
  add(Bmp.currency, num(info.currency, 2));
  add(Bmp.time, bcd(info.time, 3));
  add(Bmp.date, bcd(info.date, 2));
  if (info.pan !== undefined) parts.push(encodePanBmp(info.pan));
  add(Bmp.receiptNo, num(info.receiptNo, 2));
  add(Bmp.trace, bcd(info.trace, 3));
  add(Bmp.paymentType, byte(info.paymentType));
  add(Bmp.terminalId, bcd(info.terminalId, 4));
  add(Bmp.expiry, bcd(info.expiry, 2));
  add(Bmp.cardType, byte(info.cardType));
  add(Bmp.cardTypeId, byte(info.cardTypeId));
  if (info.cardName !== undefined) parts.push(encodeBmp(Bmp.cardName, encodeText(info.cardName)));
  if (info.vuNumber !== undefined)
    parts.push(encodeBmp(Bmp.vuNumber, encodeText(info.vuNumber.padEnd(15))));
  if (info.aid !== undefined) parts.push(encodeBmp(Bmp.aid, encodeText(info.aid.padEnd(8, '\0'))));
  add(Bmp.turnoverNo, num(info.turnoverNo, 3));
  if (info.additionalText !== undefined) {
    parts.push(encodeBmp(Bmp.additionalText, encodeText(info.additionalText)));
  }
  if (info.totals !== undefined)
    parts.push(encodeBmp(Bmp.totals, encodeBcd(info.totals, info.totals.length / 2)));
  return apdu(0x04, 0x0f, concat(...parts));
}

/** BMP 22: LL-var BCD, 'E' for a digit already masked, 'F' padding an odd length. */
export function encodePanBmp(pan: string): Uint8Array {
  const nibbles = (pan.length % 2 ? `${pan}F` : pan).replace(/\*/g, 'E');
  const bytes = Uint8Array.from(nibbles.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  return concat(Uint8Array.of(Bmp.pan), encodeVarLength(bytes.length, 2), bytes);
}

export const encodeIntermediateStatus = (code: number, timeoutSeconds = 0): Apdu =>
  apdu(0x04, 0xff, Uint8Array.of(code, timeoutSeconds));

export const encodePrintLine = (text: string, attribute = 0): Apdu =>
  apdu(0x06, 0xd1, concat(Uint8Array.of(attribute), encodeText(text)));

export function encodePrintTextBlock(
  kind: 'merchant' | 'customer',
  lines: readonly string[],
): Apdu {
  return apdu(
    0x06,
    0xd3,
    encodeTlvBmp([
      {
        tag: TlvTag.printTexts,
        children: [
          { tag: TlvTag.receiptType, value: Uint8Array.of(kind === 'merchant' ? 1 : 2) },
          ...lines.map((line) => ({ tag: TlvTag.textLines, value: encodeText(line) })),
        ],
      },
    ]),
  );
}

export function encodeCompletion(completion: Completion): Apdu {
  const parts: Uint8Array[] = [];
  if (completion.softwareVersion !== undefined) {
    const version = encodeText(completion.softwareVersion);
    parts.push(
      encodeVarLength(version.length, 3),
      version,
      Uint8Array.of(completion.terminalStatus ?? 0),
    );
  }
  if (completion.statusByte !== undefined)
    parts.push(encodeBmp(Bmp.paymentType, Uint8Array.of(completion.statusByte)));
  if (completion.terminalId !== undefined)
    parts.push(encodeBmp(Bmp.terminalId, encodeBcd(completion.terminalId, 4)));
  if (completion.currency !== undefined)
    parts.push(encodeBmp(Bmp.currency, encodeBcdNumber(completion.currency, 2)));
  return apdu(0x06, 0x0f, concat(...parts));
}

export const encodeAbort = (resultCode: number): Apdu =>
  apdu(0x06, 0x1e, Uint8Array.of(resultCode));
