import { describe, expect, it } from 'vitest';
import { maskPan, panOfTrack2 } from './test-cards';

describe('track 2 and masking', () => {
  it('reads the PAN of ISO 7813 track 2, with or without sentinels', () => {
    expect(panOfTrack2(';4111111111111111=28121010000000000000?')).toBe('4111111111111111');
    expect(panOfTrack2('6222021234567890128=2812')).toBe('6222021234567890128');
    expect(panOfTrack2('%B4111111111111111^DOE/J^2812')).toBeNull();
    expect(panOfTrack2(undefined)).toBeNull();
  });

  it('keeps at most the first 6 and last 4 digits ("Card data")', () => {
    expect(maskPan('6222021234567890128')).toBe('622202*********0128');
    expect(maskPan('4111111111111111')).toBe('411111******1111');
    expect(maskPan('1234567890')).toBe('**********');
  });
});
