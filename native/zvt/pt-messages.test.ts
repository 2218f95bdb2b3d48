import { describe, expect, it } from 'vitest';
import { fromHex } from './apdu';
import { encodeTlvBmp } from './bmp';
import { TlvTag } from './tlv';
import {
  encodeCompletion,
  encodePrintLine,
  encodePrintTextBlock,
  parseCompletion,
  parseIntermediateStatus,
  parsePrintLine,
  parsePrintTextBlock,
} from './pt-messages';
import { intermediateStatus, resultCode } from './texts';

describe('terminal messages', () => {
  it('reads an intermediate status with display texts (ecrterm tests/test_parsing.py)', () => {
    const data = fromHex(
      '0A 01 06 1A 24 18 07 16 42 69 74 74 65 20 4B 61 72 74 65 20 65 69 6E 73 74 65 63 6B 65 6E',
    );
    expect(parseIntermediateStatus(data)).toEqual({
      code: 0x0a,
      timeoutSeconds: 1,
      lines: ['Bitte Karte einstecken'],
    });
    expect(parseIntermediateStatus(fromHex('0E'))).toEqual({ code: 0x0e, lines: [] });
  });

  it('names intermediate statuses in English and Chinese', () => {
    expect(intermediateStatus(0x0a)).toMatchObject({ kind: 'insert-card' });
    expect(intermediateStatus(0x0b).text.zh).toBe('请取出卡片');
    expect(intermediateStatus(0x0e).kind).toBe('please-wait');
    expect(intermediateStatus(0x17).kind).toBe('please-wait');
    expect(intermediateStatus(0x4e).text.en).toBe('Please wait. Please remove the card');
    expect(intermediateStatus(0xd2).kind).toBe('other');
  });

  it('maps result codes to decline reasons', () => {
    expect(resultCode(0x6c).reason).toBe('cancelled-or-timed-out');
    expect(resultCode(0x64).reason).toBe('card-not-readable');
    expect(resultCode(0x68).reason).toBe('card-not-supported');
    expect(resultCode(0x05).text.en).toMatch(/do not honour/);
    expect(resultCode(51).reason).toBe('insufficient-funds');
    expect(resultCode(0x42)).toMatchObject({ reason: 'declined-by-bank' });
    expect(resultCode(0xf7).text).toEqual({ en: 'Terminal error F7', zh: '终端错误 F7' });
  });

  it('reads the status-enquiry completion with its software version (ecrterm tests)', () => {
    expect(parseCompletion(fromHex('F0 F0 F7 32 2E 31 34 2E 31 35 00'))).toEqual({
      softwareVersion: '2.14.15',
      terminalStatus: 0,
    });
    // ecrterm: "06 0F 11 19 00 29 52 00 12 33 49 09 78 06 05 27 03 14 01 FF"
    expect(parseCompletion(fromHex('19 00 29 52 00 12 33 49 09 78 06 05 27 03 14 01 FF'))).toEqual({
      statusByte: 0,
      terminalId: '52001233',
      currency: 978,
    });
    const again = encodeCompletion({
      softwareVersion: 'v1',
      terminalStatus: 3,
      terminalId: '00000001',
    });
    expect(parseCompletion(again.data)).toEqual({
      softwareVersion: 'v1',
      terminalStatus: 3,
      terminalId: '00000001',
    });
  });

  it('reads print lines and print text blocks with their receipt type', () => {
    expect(parsePrintLine(encodePrintLine('Kassenschnitt', 0x00).data)).toEqual({
      attribute: 0,
      text: 'Kassenschnitt',
    });
    const block = encodePrintTextBlock('customer', ['CUSTOMER COPY', 'EUR 10.00']);
    expect(parsePrintTextBlock(block.data).value).toEqual({
      kind: 'customer',
      lines: ['CUSTOMER COPY', 'EUR 10.00'],
    });
  });

  // "HÄNDLERBELEG" as a CP437 terminal sends it: Ä is 0x8E in CP437 (a control code in Latin-1).
  const merchantCopy = fromHex('48 8E 4E 44 4C 45 52 42 45 4C 45 47');

  it('reads terminal texts as CP437 by default, and as Latin-1 for a terminal set so', () => {
    const line = new Uint8Array([0x00, ...merchantCopy]);
    expect(parsePrintLine(line).text).toBe('HÄNDLERBELEG');
    expect(parsePrintLine(line, 'latin1').text).toBe('H\u008eNDLERBELEG');
    const latin1Terminal = new Uint8Array([0x00, 0x48, 0xc4, 0x4e]);
    expect(parsePrintLine(latin1Terminal, 'latin1').text).toBe('HÄN');
    const block = encodePrintTextBlock('merchant', ['HÄNDLERBELEG', 'Betrag: 1,00 €']);
    expect(parsePrintTextBlock(block.data).value.lines).toEqual(['HÄNDLERBELEG', 'Betrag: 1,00 ?']);
  });

  it('keeps a TLV container after a print line out of its text', () => {
    const tlv = encodeTlvBmp([{ tag: TlvTag.receiptType, value: Uint8Array.of(0x01) }]);
    const line = parsePrintLine(new Uint8Array([0x80, ...merchantCopy, ...tlv]));
    expect(line.attribute).toBe(0x80);
    expect(line.text).toBe('HÄNDLERBELEG');
    expect(line.tlv?.map((node) => node.tag)).toEqual([TlvTag.receiptType]);
  });

  it('keeps a stray 06 that starts no container as part of the text', () => {
    const line = parsePrintLine(new Uint8Array([0x00, 0x41, 0x06, 0x42]));
    expect(line).toEqual({ attribute: 0, text: 'A\u0006B' });
  });
});
