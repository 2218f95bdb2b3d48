import { describe, expect, it } from 'vitest';
import { fromHex } from './apdu';
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
});
