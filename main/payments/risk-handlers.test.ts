import { afterEach, describe, expect, it } from 'vitest';
import { encodeTrack1, encodeTrack2 } from '@app/card/encode-track';
import { testCards } from '@app/card/test-cards';
import { defaultRiskSettings } from '@app/payments/risk-rules';
import type { Services } from '../services';
import { call, signInOwner, tempServices } from '../testing/temp-services';

let services: Services;
afterEach(() => services.close());

const { blockedCardKeys: _keys, ...defaultRules } = defaultRiskSettings;

describe("the owner's risk rules through the API", () => {
  it('saves the rules, blocks the card just swiped by its keyed hash, and clears the list', async () => {
    services = tempServices().services;
    await signInOwner(services);
    expect(await call(services, 'risk.get', {})).toEqual({
      rules: defaultRules,
      blockedCards: 0,
      events: [],
    });
    const rules = {
      ...defaultRules,
      blockedBinPrefixes: ['4000'],
      velocity: { maxUses: 3, withinMinutes: 10 },
    };
    expect((await call(services, 'risk.set', rules)).rules).toEqual(rules);
    const bad = await services.dispatch('risk.set', {
      ...rules,
      blockedBinPrefixes: ['40x'],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    expect(await services.dispatch('risk.blockSwipedCard', {})).toMatchObject({
      ok: false,
      error: { code: 'no_swipe' },
    });
    const visa = testCards.visa;
    await call(services, 'devices.wedgeSwipe', {
      text: encodeTrack1(visa, false) + encodeTrack2(visa, false),
    });
    const blocked = await call(services, 'risk.blockSwipedCard', {});
    expect(blocked.blockedCards).toBe(1);
    // The swipe is used up; the rules set before are kept.
    expect(blocked.rules).toEqual(rules);
    expect(await services.dispatch('risk.blockSwipedCard', {})).toMatchObject({ ok: false });
    expect((await call(services, 'risk.unblockCards', {})).blockedCards).toBe(0);
  });
});
