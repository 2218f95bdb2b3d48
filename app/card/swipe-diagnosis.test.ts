import { describe, expect, it } from 'vitest';
import { encodeTrack1, encodeTrack2 } from './encode-track';
import { checkSwipeText, diagnoseSwipe } from './swipe-diagnosis';
import { testCards } from './test-cards';

const now = { year: 2026, month: 11 };
const visa = testCards.visa;

describe('diagnoseSwipe', () => {
  it('rates two good tracks with LRC as good', () => {
    const d = diagnoseSwipe(
      { track1: encodeTrack1(visa, true), track2: encodeTrack2(visa, true) },
      now,
    );
    expect(d.quality).toBe('good');
    expect(d.tracks.map((t) => [t.state, t.lrc])).toEqual([
      ['ok', 'ok'],
      ['ok', 'ok'],
    ]);
    expect(d.tracks[1].length).toBe(encodeTrack2(visa, true).length);
  });

  it('rates track 2 alone, or track 1 marked unreadable, as partial', () => {
    expect(diagnoseSwipe({ track2: encodeTrack2(visa, false) }, now).quality).toBe('partial');
    const marked = diagnoseSwipe({ track1: '%E?', track2: encodeTrack2(visa, false) }, now);
    expect(marked.quality).toBe('partial');
    expect(marked.tracks[0].state).toBe('unreadable');
    expect(marked.tracks[1].lrc).toBe('absent');
  });

  it('names the failed check of each track: LRC, Luhn, expiry', () => {
    const good = encodeTrack2(visa, true);
    const badLrc = good.slice(0, -1) + (good.endsWith('0') ? '1' : '0');
    expect(diagnoseSwipe({ track2: badLrc }, now).tracks[1]).toMatchObject({
      state: 'failed',
      lrc: 'failed',
      code: 'lrc_mismatch',
    });
    const badLuhn = encodeTrack2({ ...visa, pan: '4111111111111112' }, false);
    expect(diagnoseSwipe({ track2: badLuhn }, now).tracks[1].code).toBe('luhn_failed');
    const expired = encodeTrack2({ ...visa, expiry: '2401' }, false);
    const d = diagnoseSwipe({ track1: encodeTrack1(visa, false), track2: expired }, now);
    expect(d.quality).toBe('bad');
    expect(d.tracks[1].code).toBe('card_expired');
    expect(d.tracks[0].state).toBe('ok');
  });

  it('a bad track 1 next to a good track 2 is bad: the swipe is refused', () => {
    const broken = encodeTrack1(visa, false).replace('^', '');
    const d = diagnoseSwipe({ track1: broken, track2: encodeTrack2(visa, false) }, now);
    expect(d.quality).toBe('bad');
    expect(d.tracks[0].state).toBe('failed');
  });

  it('reports framing failures of reader text and never echoes the card number', () => {
    const d = checkSwipeText('garbage', now);
    expect(d.diagnosis).toMatchObject({ quality: 'bad', framing: 'no_start_sentinel' });
    expect(d.read.ok).toBe(false);
    const text = encodeTrack1(visa, true) + encodeTrack2(visa, true) + '\r';
    const good = checkSwipeText(text, now);
    expect(good.diagnosis.quality).toBe('good');
    expect(good.read.ok && good.read.value.card.maskedPan).toBe('411111******1111');
    expect(JSON.stringify(good.diagnosis)).not.toContain(visa.pan);
  });
});
