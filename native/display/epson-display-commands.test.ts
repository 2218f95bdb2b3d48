import { describe, expect, it } from 'vitest';
import { epsonPoleCommands, moveCursor } from './epson-display-commands';

// Bytes from the Epson-mode command tables of DM-D-compatible displays:
// ESC @ = 1B 40, US MD1 = 1F 01, US C n = 1F 43 n, US X n = 1F 58 n, US $ x y = 1F 24 x y.
describe('Epson customer-display commands', () => {
  it('initializes: ESC @, overwrite mode, cursor hidden, and brightness when asked', () => {
    expect([...epsonPoleCommands.init()]).toEqual([0x1b, 0x40, 0x1f, 0x01, 0x1f, 0x43, 0x00]);
    expect([...epsonPoleCommands.init({ brightness: 2 })]).toEqual([
      0x1b, 0x40, 0x1f, 0x01, 0x1f, 0x43, 0x00, 0x1f, 0x58, 0x02,
    ]);
  });

  it('writes each line at an absolute position', () => {
    const bytes = epsonPoleCommands.screen(['Coca-Cola 330ml 3.50', 'TOTAL      RMB 12.84']);
    expect([...bytes.subarray(0, 4)]).toEqual([0x1f, 0x24, 0x01, 0x01]);
    expect(Buffer.from(bytes.subarray(4, 24)).toString('latin1')).toBe('Coca-Cola 330ml 3.50');
    expect([...bytes.subarray(24, 28)]).toEqual([0x1f, 0x24, 0x01, 0x02]);
    expect(Buffer.from(bytes.subarray(28)).toString('latin1')).toBe('TOTAL      RMB 12.84');
    expect(bytes.length).toBe(48);
  });

  it('clears with CLR (0C)', () => {
    expect([...epsonPoleCommands.clear()]).toEqual([0x0c]);
  });

  it('refuses lines that are not 20 ASCII characters, and cursor positions off the screen', () => {
    expect(() => epsonPoleCommands.screen(['short', ' '.repeat(20)])).toThrow(RangeError);
    expect(() => epsonPoleCommands.screen(['可'.padEnd(20), ' '.repeat(20)])).toThrow(RangeError);
    expect(() => moveCursor(21, 1)).toThrow(RangeError);
    expect(() => moveCursor(1, 3)).toThrow(RangeError);
    expect(moveCursor(20, 2)).toEqual([0x1f, 0x24, 20, 2]);
  });
});
