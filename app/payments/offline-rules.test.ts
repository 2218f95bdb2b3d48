import { describe, expect, it } from 'vitest';
import { checkOffline, defaultOfflineSettings } from './offline-rules';
import type { OfflinePending, OfflineSettings } from './offline-rules';

const on: OfflineSettings = {
  enabled: true,
  perSaleCapMinor: 20_000,
  totalCapMinor: 50_000,
  countCap: 3,
};
const now = new Date('2025-03-01T12:00:00Z');
const none: OfflinePending = { count: 0, totalMinor: 0, oldestAt: null };
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

describe('bounded offline card acceptance (issue #6 "Offline")', () => {
  it('is off by default: nothing is approved offline', () => {
    expect(checkOffline(defaultOfflineSettings, 100, none, now)).toMatchObject({
      allowed: false,
      rule: 'disabled',
    });
  });

  it('approves within all three caps', () => {
    expect(checkOffline(on, 20_000, none, now)).toEqual({ allowed: true });
    expect(checkOffline(on, 10_000, { count: 2, totalMinor: 40_000, oldestAt: now }, now)).toEqual({
      allowed: true,
    });
  });

  it('refuses a payment over the per-sale cap', () => {
    expect(checkOffline(on, 20_001, none, now)).toEqual({
      allowed: false,
      rule: 'per_sale_cap',
      params: { limitMinor: 20_000 },
    });
  });

  it('refuses once the count cap of waiting approvals is reached', () => {
    const pending = { count: 3, totalMinor: 3_000, oldestAt: now };
    expect(checkOffline(on, 100, pending, now)).toEqual({
      allowed: false,
      rule: 'count_cap',
      params: { max: 3 },
    });
  });

  it('refuses what would take the waiting total over the total cap, saying what is left', () => {
    const pending = { count: 2, totalMinor: 45_000, oldestAt: now };
    expect(checkOffline(on, 5_001, pending, now)).toEqual({
      allowed: false,
      rule: 'total_cap',
      params: { limitMinor: 50_000, leftMinor: 5_000 },
    });
    expect(checkOffline(on, 5_000, pending, now)).toEqual({ allowed: true });
  });

  it('stops accepting while a waiting approval is 23 h old (it could not make its 24 h)', () => {
    const at = (h: number) => ({ count: 1, totalMinor: 100, oldestAt: hoursAgo(h) });
    expect(checkOffline(on, 100, at(22.9), now)).toEqual({ allowed: true });
    expect(checkOffline(on, 100, at(23), now)).toMatchObject({ allowed: false, rule: 'too_old' });
  });
});
