/**
 * Commands the cash register (ECR) sends to the terminal (PT), PA00P015 §2. Encoded here for
 * the driver and decoded here for the simulator, so both sides share one definition.
 */
import { apdu, concat } from './apdu';
import type { Apdu } from './apdu';
import { decodeBcd, decodeBcdNumber, encodeBcd, encodeBcdNumber } from './bcd';
import { Bmp, decodeBmps, encodeBmp, findBmp } from './bmp';

/** ISO 4217 numeric codes; EUR is the terminal's default and is left out of 06 01. */
export const CURRENCY_EUR = 978;
export const CURRENCY_CNY = 156;

/**
 * Registration config byte (06 00): 02 ECR prints payment receipts, 04 ECR prints admin
 * receipts, 08 send intermediate status, 10 ECR controls payments, 20 ECR controls admin,
 * 80 receipts as print text blocks (kotlin-zvt-library ZvtConstants.kt REG_*).
 */
export const DEFAULT_CONFIG_BYTE = 0x02 | 0x04 | 0x08 | 0x10 | 0x20 | 0x80;

export type EcrCommand =
  | {
      readonly kind: 'registration';
      readonly password: string;
      readonly configByte: number;
      readonly currency: number;
    }
  | { readonly kind: 'authorization'; readonly amountMinor: number; readonly currency: number }
  | { readonly kind: 'reversal'; readonly password: string; readonly receiptNo: number }
  | {
      readonly kind: 'refund';
      readonly password: string;
      readonly amountMinor: number;
      readonly currency: number;
    }
  | { readonly kind: 'end-of-day'; readonly password: string }
  | { readonly kind: 'status-enquiry'; readonly password: string }
  /** 06 70: the terminal checks itself and its line to the payment host, and reports. */
  | { readonly kind: 'diagnosis' }
  | { readonly kind: 'abort' }
  | { readonly kind: 'log-off' };

const password = (digits: string) => encodeBcd(digits, 3);
const amount = (minor: number) => encodeBmp(Bmp.amount, encodeBcdNumber(minor, 6));
const currencyBmp = (code: number) =>
  code === CURRENCY_EUR ? new Uint8Array() : encodeBmp(Bmp.currency, encodeBcdNumber(code, 2));

export function encodeCommand(command: EcrCommand): Apdu {
  switch (command.kind) {
    case 'registration':
      // §2.1: password, config byte, then the currency as plain BCD (no BMP byte).
      return apdu(
        0x06,
        0x00,
        concat(
          password(command.password),
          Uint8Array.of(command.configByte),
          encodeBcdNumber(command.currency, 2),
        ),
      );
    case 'authorization':
      return apdu(0x06, 0x01, concat(amount(command.amountMinor), currencyBmp(command.currency)));
    case 'reversal':
      return apdu(
        0x06,
        0x30,
        concat(
          password(command.password),
          encodeBmp(Bmp.receiptNo, encodeBcdNumber(command.receiptNo, 2)),
        ),
      );
    case 'refund':
      return apdu(
        0x06,
        0x31,
        concat(
          password(command.password),
          amount(command.amountMinor),
          currencyBmp(command.currency),
        ),
      );
    case 'end-of-day':
      return apdu(0x06, 0x50, password(command.password));
    case 'status-enquiry':
      return apdu(0x05, 0x01, password(command.password));
    case 'diagnosis':
      // Without the optional TLV diagnosis type the terminal runs its standard (line) check.
      return apdu(0x06, 0x70);
    case 'abort':
      return apdu(0x06, 0xb0);
    case 'log-off':
      return apdu(0x06, 0x02);
  }
}

export type DecodedCommand = EcrCommand | { readonly kind: 'unknown' };

/** The simulator's side: what did the register ask for? */
export function decodeCommand(message: Apdu): DecodedCommand {
  const control = (message.cls << 8) | message.instr;
  const data = message.data;
  const pw = () => decodeBcd(data.slice(0, 3));
  const fieldsAfter = (start: number) => decodeBmps(data, start).fields;
  const bcdField = (start: number, id: number) => {
    const field = findBmp(fieldsAfter(start), id);
    return field ? decodeBcdNumber(field.value) : null;
  };
  switch (control) {
    case 0x0600:
      return {
        kind: 'registration',
        password: pw(),
        configByte: data[3] ?? 0,
        currency:
          data.length >= 6 ? (decodeBcdNumber(data.slice(4, 6)) ?? CURRENCY_EUR) : CURRENCY_EUR,
      };
    case 0x0601: {
      const amountMinor = bcdField(0, Bmp.amount);
      if (amountMinor === null) return { kind: 'unknown' };
      return {
        kind: 'authorization',
        amountMinor,
        currency: bcdField(0, Bmp.currency) ?? CURRENCY_EUR,
      };
    }
    case 0x0630: {
      const receiptNo = bcdField(3, Bmp.receiptNo);
      return receiptNo === null
        ? { kind: 'unknown' }
        : { kind: 'reversal', password: pw(), receiptNo };
    }
    case 0x0631: {
      const amountMinor = bcdField(3, Bmp.amount);
      if (amountMinor === null) return { kind: 'unknown' };
      return {
        kind: 'refund',
        password: pw(),
        amountMinor,
        currency: bcdField(3, Bmp.currency) ?? CURRENCY_EUR,
      };
    }
    case 0x0650:
      return { kind: 'end-of-day', password: pw() };
    case 0x0501:
      return { kind: 'status-enquiry', password: pw() };
    case 0x0670:
      return { kind: 'diagnosis' };
    case 0x06b0:
      return { kind: 'abort' };
    case 0x0602:
      return { kind: 'log-off' };
    default:
      return { kind: 'unknown' };
  }
}

/** 80 00 00: "received, go on" (PA00P015 §1 "positive acknowledgement"). */
export const ACK_APDU: Apdu = apdu(0x80, 0x00);
/** 84 xx 00: refused, xx a result code (83 = function not possible). */
export const nackApdu = (code: number): Apdu => apdu(0x84, code);
