import { describe, expect, it } from 'vitest';
import { seededRandom } from '@app/util/seeded-random';
import {
  healthyStatus,
  isStatusByte,
  parseStatusAnswers,
  statusAnswers,
  statusRequest,
  summarizeStatus,
} from './printer-status';
import type { PrinterStatusReport } from './printer-status';
import { drawerKickCommand } from './cash-drawer';

describe('DLE EOT status', () => {
  it('requests with DLE EOT n', () => {
    expect([...statusRequest(4)]).toEqual([0x10, 0x04, 0x04]);
  });

  it('reads the bytes HARDWARE.md lists: cover open, stopped on paper end, near end, out', () => {
    // A healthy printer answers 0x12 to every query.
    expect(parseStatusAnswers([0x12, 0x12, 0x12, 0x12])).toEqual(healthyStatus);
    const report = parseStatusAnswers([0x1e, 0x12 | 0x04 | 0x20 | 0x40, 0x12, 0x12 | 0x60]);
    expect(report).toMatchObject({
      online: false,
      drawerPin3High: true,
      coverOpen: true,
      stoppedOnPaperEnd: true,
      errorOccurred: true,
      paperOut: true,
      paperNearEnd: false,
    });
    expect(parseStatusAnswers([0x12, 0x12, 0x12, 0x12 | 0x0c])?.paperNearEnd).toBe(true);
  });

  it('refuses a byte without the fixed bits rather than guessing', () => {
    expect(parseStatusAnswers([0x12, 0x12, 0x12, 0x00])).toBeNull();
    expect(parseStatusAnswers([0x12, 0x12, 0x12])).toBeNull();
    expect(isStatusByte(0x93)).toBe(false);
  });

  it('names the most urgent condition and reads the drawer by its wiring', () => {
    const with_ = (patch: Partial<PrinterStatusReport>) => ({ ...healthyStatus, ...patch });
    expect(summarizeStatus(healthyStatus)).toEqual({ condition: 'ready', drawerOpen: false });
    expect(summarizeStatus(with_({ paperOut: true, coverOpen: true })).condition).toBe('paper-out');
    expect(summarizeStatus(with_({ coverOpen: true, online: false })).condition).toBe('cover-open');
    expect(summarizeStatus(with_({ autocutterError: true })).condition).toBe('error');
    expect(summarizeStatus(with_({ online: false })).condition).toBe('offline');
    expect(summarizeStatus(with_({ paperNearEnd: true })).condition).toBe('paper-near-end');
    expect(summarizeStatus(with_({ drawerPin3High: true }), 'high').drawerOpen).toBe(true);
    expect(summarizeStatus(with_({ drawerPin3High: true }), 'low').drawerOpen).toBe(false);
  });

  it('round-trips every state through the bytes a simulator sends', () => {
    const keys = Object.keys(healthyStatus) as (keyof PrinterStatusReport)[];
    for (let mask = 0; mask < 1 << keys.length; mask += 1) {
      const report = Object.fromEntries(
        keys.map((key, i) => [key, ((mask >> i) & 1) === 1]),
      ) as unknown as PrinterStatusReport;
      expect(parseStatusAnswers(statusAnswers(report))).toEqual(report);
    }
  });

  it('never throws on 100,000 random answers, and accepts only fixed-bit bytes', () => {
    const seed = Number(process.env.FUZZ_SEED ?? 20261123);
    const random = seededRandom(seed);
    let accepted = 0;
    for (let run = 0; run < 100_000; run += 1) {
      const length = random() < 0.8 ? 4 : Math.floor(random() * 6);
      // Half the bytes are well-formed answers, so whole reports get through too.
      const byte = () => Math.floor(random() * 256) & (random() < 0.5 ? 0x6c : 0xff);
      const answers = Array.from({ length }, () => {
        const b = byte();
        return random() < 0.5 ? b | 0x12 : b;
      });
      const report = parseStatusAnswers(answers);
      if (report !== null) {
        accepted += 1;
        if (!answers.every(isStatusByte))
          throw new Error(`seed ${seed} run ${run}: ${answers.join(',')}`);
        expect(typeof summarizeStatus(report).condition).toBe('string');
      }
    }
    expect(accepted).toBeGreaterThan(500);
  });
});

describe('drawer kick', () => {
  it('pulses pin 2 or 5 in 2 ms units', () => {
    expect([...drawerKickCommand({ pin: 2, onMs: 100, offMs: 200 })]).toEqual([
      0x1b, 0x70, 0, 50, 100,
    ]);
    expect([...drawerKickCommand({ pin: 5, onMs: 50, offMs: 500 })]).toEqual([
      0x1b, 0x70, 1, 25, 250,
    ]);
  });

  it('refuses times the command cannot carry', () => {
    expect(() => drawerKickCommand({ pin: 2, onMs: 0, offMs: 100 })).toThrow(RangeError);
    expect(() => drawerKickCommand({ pin: 2, onMs: 600, offMs: 600 })).toThrow(RangeError);
    expect(() => drawerKickCommand({ pin: 2, onMs: 200, offMs: 100 })).toThrow(RangeError);
    expect(() => drawerKickCommand({ pin: 5, onMs: 1.5, offMs: 100 })).toThrow(RangeError);
  });
});
