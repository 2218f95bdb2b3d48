import { describe, expect, it } from 'vitest';
import { MAX_SWIPE_BYTES, SerialSwipeFramer } from './serial-framer';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('SerialSwipeFramer', () => {
  it('cuts swipes at CR, CR LF or LF, across chunk borders', () => {
    const framer = new SerialSwipeFramer();
    expect(framer.push(bytes(';4111=30'))).toEqual([]);
    expect(framer.pending).toBe(true);
    expect(framer.push(bytes('12101?\r\n;5?\n'))).toEqual([
      { kind: 'swipe', text: ';4111=3012101?' },
      { kind: 'swipe', text: ';5?' },
    ]);
    expect(framer.pending).toBe(false);
  });

  it('drops an overlong run and says so at its line end', () => {
    const framer = new SerialSwipeFramer();
    expect(framer.push(bytes('9'.repeat(MAX_SWIPE_BYTES + 5)))).toEqual([]);
    expect(framer.push(bytes('\r;1?\r'))).toEqual([
      { kind: 'overflow' },
      { kind: 'swipe', text: ';1?' },
    ]);
  });

  it('forgets a partial swipe on clear()', () => {
    const framer = new SerialSwipeFramer();
    framer.push(bytes('%B4111'));
    framer.clear();
    expect(framer.pending).toBe(false);
    expect(framer.push(bytes(';2?\r'))).toEqual([{ kind: 'swipe', text: ';2?' }]);
  });
});
