import { describe, expect, it } from 'vitest';
import { encodeApdu, hex } from './apdu';
import { CURRENCY_CNY, CURRENCY_EUR, decodeCommand, encodeCommand } from './ecr-commands';
import type { EcrCommand } from './ecr-commands';

const bytes = (command: EcrCommand) => hex(encodeApdu(encodeCommand(command)));

describe('ECR commands', () => {
  it('registers with password, config byte and plain BCD currency (as in ecrterm tests)', () => {
    // ecrterm tests/test_parsing.py: "06 00 63 00 00 00 FE 09 78 03 00 06 59 …"
    expect(
      bytes({ kind: 'registration', password: '000000', configByte: 0xfe, currency: CURRENCY_EUR }),
    ).toBe('06 00 06 00 00 00 FE 09 78');
    expect(
      bytes({ kind: 'registration', password: '123456', configByte: 0xbe, currency: CURRENCY_CNY }),
    ).toBe('06 00 06 12 34 56 BE 01 56');
  });

  it('authorizes an amount, naming the currency only when it is not EUR', () => {
    expect(bytes({ kind: 'authorization', amountMinor: 1000, currency: CURRENCY_EUR })).toBe(
      '06 01 07 04 00 00 00 00 10 00',
    );
    expect(bytes({ kind: 'authorization', amountMinor: 1234, currency: CURRENCY_CNY })).toBe(
      '06 01 0A 04 00 00 00 00 12 34 49 01 56',
    );
  });

  it('encodes reversal, refund, end-of-day, status enquiry, diagnosis, abort and log-off', () => {
    expect(bytes({ kind: 'reversal', password: '000000', receiptNo: 12 })).toBe(
      '06 30 06 00 00 00 87 00 12',
    );
    expect(
      bytes({ kind: 'refund', password: '000000', amountMinor: 500, currency: CURRENCY_EUR }),
    ).toBe('06 31 0A 00 00 00 04 00 00 00 00 05 00');
    expect(bytes({ kind: 'end-of-day', password: '000000' })).toBe('06 50 03 00 00 00');
    expect(bytes({ kind: 'status-enquiry', password: '000000' })).toBe('05 01 03 00 00 00');
    expect(bytes({ kind: 'diagnosis' })).toBe('06 70 00');
    expect(bytes({ kind: 'abort' })).toBe('06 B0 00');
    expect(bytes({ kind: 'log-off' })).toBe('06 02 00');
  });

  it('decodes what it encodes (the simulator reads the driver with this)', () => {
    const commands: EcrCommand[] = [
      { kind: 'registration', password: '000000', configByte: 0xbe, currency: CURRENCY_CNY },
      { kind: 'authorization', amountMinor: 999_999_999_999, currency: CURRENCY_CNY },
      { kind: 'authorization', amountMinor: 1, currency: CURRENCY_EUR },
      { kind: 'reversal', password: '000000', receiptNo: 9999 },
      { kind: 'refund', password: '000000', amountMinor: 42, currency: CURRENCY_EUR },
      { kind: 'end-of-day', password: '000000' },
      { kind: 'status-enquiry', password: '000000' },
      { kind: 'diagnosis' },
      { kind: 'abort' },
      { kind: 'log-off' },
    ];
    for (const command of commands) expect(decodeCommand(encodeCommand(command))).toEqual(command);
    expect(decodeCommand({ cls: 0x06, instr: 0x93, data: new Uint8Array() })).toEqual({
      kind: 'unknown',
    });
  });
});
