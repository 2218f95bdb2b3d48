import { describe, expect, it } from 'vitest';
import { parseSwipeText } from '@app/card/swipe';
import { magtekFixtures } from '../magstripe/fixtures/magtek-reports';
import { createHidMagstripeReader } from '../magstripe/hid-reader';
import { FakeHidDevice, magtekReports, swipeText } from './magstripe-sim';

const now = { year: 2026, month: 6 };

describe('magstripe simulator', () => {
  it('types both tracks and CR, as serial readers do', () => {
    expect(swipeText('visa')).toBe(
      '%B4111111111111111^TEST/VISA^3012101000000000?;4111111111111111=3012101000000000?\r',
    );
    expect(swipeText('unionpayDebit', { track1: false })).toBe(
      ';6222020000000000000=310622000000?\r',
    );
    expect(parseSwipeText(swipeText('visaDeclined', { lrc: true }), now).ok).toBe(true);
  });

  it('generates the same HID reports as the hand-made fixtures', () => {
    const [visa] = magtekReports(['visa']);
    expect([...(visa ?? [])]).toEqual(magtekFixtures.goodSwipeBothTracks);
    const [upi] = magtekReports(['unionpayDebit2'], { track1: false });
    expect([...(upi ?? [])]).toEqual(magtekFixtures.track2Only);
  });

  it('drives the HID reader through the fake node-hid device', () => {
    const device = new FakeHidDevice();
    const reader = createHidMagstripeReader(device, { description: 'fake', now: () => now });
    const masked: string[] = [];
    reader.on('swipe', ({ card, track2 }) => {
      masked.push(card.maskedPan);
      track2.wipe();
    });
    device.swipeCard('unionpayDebit');
    device.swipeCard('visa', { track1: false });
    expect(masked).toEqual(['622202*********0000', '411111******1111']);
  });
});
