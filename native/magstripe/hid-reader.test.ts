import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FakeHidDevice } from '../sim/magstripe-sim';
import { findMagtekReaders } from './hid-device';
import { createHidMagstripeReader } from './hid-reader';
import type { MagstripeEvents, MagstripeReader } from './reader';

const now = () => ({ year: 2026, month: 6 });

type Seen = {
  [E in keyof MagstripeEvents]: { event: E; payload: MagstripeEvents[E] };
}[keyof MagstripeEvents];

function setUp(): { device: FakeHidDevice; reader: MagstripeReader; seen: Seen[] } {
  const device = new FakeHidDevice();
  const reader = createHidMagstripeReader(device, { description: 'MagTek HID test', now });
  const seen: Seen[] = [];
  reader.on('swipe', (payload) => seen.push({ event: 'swipe', payload }));
  reader.on('swipe-error', (payload) => seen.push({ event: 'swipe-error', payload }));
  reader.on('unplugged', (payload) => seen.push({ event: 'unplugged', payload }));
  return { device, reader, seen };
}

describe('MagTek HID reader', () => {
  it('emits the masked card for a good swipe with both tracks', () => {
    const { device, seen } = setUp();
    device.swipeFixture('goodSwipeBothTracks');
    expect(seen).toHaveLength(1);
    const [first] = seen;
    if (first?.event !== 'swipe') throw new Error('expected a swipe');
    expect(first.payload.card).toEqual({
      maskedPan: '411111******1111',
      brand: 'visa',
      kind: 'unknown',
      expiry: { year: 2030, month: 12 },
      serviceCode: '101',
    });
    expect(inspect(seen, { depth: 10 })).not.toContain('4111111111111111');
    expect(JSON.stringify(seen)).not.toContain('4111111111111111');
    expect(first.payload.track2.take()).toBe('4111111111111111=3012101000000000');
  });

  it('reads a card with only track 2', () => {
    const { device, seen } = setUp();
    device.swipeFixture('track2Only');
    expect(seen).toMatchObject([
      { event: 'swipe', payload: { card: { maskedPan: '622202*********0128', kind: 'debit' } } },
    ]);
  });

  it.each([
    ['badLrc', 'lrc_mismatch'],
    ['readNothing', 'track_unreadable'],
    ['shortReport', 'report_malformed'],
    ['lengthOverrun', 'report_malformed'],
  ] as const)('turns the %s fixture into swipe-error %s', (fixture, code) => {
    const { device, seen } = setUp();
    device.swipeFixture(fixture);
    expect(seen).toMatchObject([{ event: 'swipe-error', payload: { code } }]);
  });

  it('zeroes each report once decoded, good or bad', () => {
    const { device } = setUp();
    for (const fixture of ['goodSwipeBothTracks', 'badLrc', 'shortReport'] as const) {
      const sent = device.swipeFixture(fixture);
      expect(sent.every((b) => b === 0)).toBe(true);
    }
  });

  it('reports unplugged once on a node-hid error, closes the device, and ignores later data', () => {
    const { device, seen } = setUp();
    device.unplug();
    device.unplug();
    expect(device.swipeFixture('goodSwipeBothTracks').some((b) => b !== 0)).toBe(true);
    expect(seen).toEqual([
      { event: 'unplugged', payload: { reason: 'could not read from HID device' } },
    ]);
    expect(device.closed).toBe(true);
  });

  it('does not report unplugged after close()', async () => {
    const { device, reader, seen } = setUp();
    await reader.close();
    device.unplug();
    expect(seen).toEqual([]);
    expect(device.closed).toBe(true);
  });
});

describe('findMagtekReaders', () => {
  it('keeps MagTek devices on the vendor usage page, not keyboards or other vendors', () => {
    const found = findMagtekReaders([
      { vendorId: 0x0801, productId: 0x0002, path: '/dev/hidraw1', usagePage: 0xff00 },
      { vendorId: 0x0801, productId: 0x0001, path: '/dev/hidraw2', usagePage: 0x0001 },
      { vendorId: 0x0801, productId: 0x0011, path: '/dev/hidraw3' },
      { vendorId: 0x0acd, productId: 0x0500, path: '/dev/hidraw4', usagePage: 0xff00 },
    ]);
    expect(found.map((d) => d.path)).toEqual(['/dev/hidraw1', '/dev/hidraw3']);
  });
});
