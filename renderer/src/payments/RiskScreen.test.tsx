// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RiskView } from '@app/api/contract';
import { defaultOfflineSettings } from '@app/payments/offline-rules';
import { NO_LIMITS } from '@app/payments/risk-rules';
import { fail, ok } from '@app/result';
import { useNotify } from '../common/notices';
import { FakeApi } from '../testing/fake-api.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { RiskScreen } from './RiskScreen';

const view: RiskView = {
  rules: {
    limits: { card: NO_LIMITS, qr: NO_LIMITS, other: NO_LIMITS },
    blockedBinPrefixes: [],
    velocity: null,
    refundWithinDays: null,
  },
  blockedCards: 2,
  events: [],
};

function Risk() {
  return <RiskScreen currency="CNY" notify={useNotify()} />;
}

const riskApi = () =>
  new FakeApi()
    .answer('risk.get', () => ok(view))
    .answer('offline.get', () =>
      ok({
        settings: defaultOfflineSettings,
        pending: { count: 0, totalMinor: 0, oldestAt: null },
        worklist: [],
      }),
    );

describe('RiskScreen', () => {
  it("saves a card limit typed as money and says it's saved", async () => {
    const user = userEvent.setup();
    const api = riskApi().answer('risk.set', (rules) => ok({ ...view, rules }));
    await renderWithApi(<Risk />, api);
    expect((await screen.findByTestId('risk-blocked-cards')).textContent).toBe('Blocked cards: 2');
    await user.type(screen.getByTestId('risk-card-perTransactionMinor'), '500');
    await user.type(screen.getByTestId('risk-bins'), '622202, 4111');
    await user.click(screen.getByTestId('risk-save'));
    expect((await screen.findByTestId('notice-text')).textContent).toBe('Risk rules saved.');
    const [sent] = api.inputsOf('risk.set');
    expect(sent?.limits.card.perTransactionMinor).toBe(50_000);
    expect(sent?.blockedBinPrefixes).toEqual(['622202', '4111']);
    expect(screen.getByTestId<HTMLInputElement>('risk-card-perTransactionMinor').value).toBe(
      '500.00',
    );
  });

  it('refuses a value it cannot read without asking main, and keeps the fields', async () => {
    const user = userEvent.setup();
    const api = riskApi();
    await renderWithApi(<Risk />, api);
    await user.type(await screen.findByTestId('risk-bins'), '62x');
    await user.click(screen.getByTestId('risk-save'));
    expect((await screen.findByTestId('notice-text')).textContent).toContain(
      'Check the highlighted values',
    );
    expect(api.inputsOf('risk.set')).toEqual([]);
    expect(screen.getByTestId<HTMLInputElement>('risk-bins').value).toBe('62x');
  });

  it('says why main refused the rules and keeps what was typed', async () => {
    const user = userEvent.setup();
    const api = riskApi().answer('risk.set', () =>
      fail('permission_required', 'no', { permission: 'settings.change' }),
    );
    await renderWithApi(<Risk />, api);
    await user.type(await screen.findByTestId('risk-card-dailyMinor'), '2000');
    await user.click(screen.getByTestId('risk-save'));
    expect((await screen.findByTestId('notice-text')).textContent).toContain(
      'Your role may not do this (settings.change)',
    );
    expect(screen.getByTestId<HTMLInputElement>('risk-card-dailyMinor').value).toBe('2000');
  });
});
