// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Dashboard } from '@app/api/contract';
import { fail, ok } from '@app/result';
import { handFigures } from '@app/reports/test-day-figures';
import { useNotify } from '../common/notices';
import { FakeApi } from '../testing/fake-api.test-support';
import { testSettings } from '../testing/fake-till.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { ReportsScreen } from './ReportsScreen';

const dayOf = (from: string, to = from): Dashboard => ({
  timeZone: 'Asia/Shanghai',
  cutoffHour: 4,
  range: { from, to, figures: handFigures },
  yesterday: null,
  lastWeek: null,
});

function Reports() {
  return <ReportsScreen notify={useNotify()} />;
}

const reportsApi = () =>
  new FakeApi()
    .answer('reports.zList', () => ok([]))
    .answer('settings.get', () => ok(testSettings))
    // The owner's report settings are still on their way: not what these tests look at.
    .answer('reports.settings', () => new Promise(() => undefined));

/** Types a range into the date fields (jsdom's date inputs take a whole value) and shows it. */
async function showRange(user: ReturnType<typeof userEvent.setup>, from: string, to: string) {
  fireEvent.change(await screen.findByTestId('reports-from'), { target: { value: from } });
  fireEvent.change(screen.getByTestId('reports-to'), { target: { value: to } });
  await user.click(screen.getByTestId('reports-show'));
}

describe('ReportsScreen', () => {
  it("shows today's net and then the range the owner asks for", async () => {
    const user = userEvent.setup();
    const api = reportsApi().answer('reports.dashboard', (input) =>
      ok('from' in input && input.from ? dayOf(input.from, input.to) : dayOf('2026-11-22')),
    );
    await renderWithApi(<Reports />, api);
    expect((await screen.findByTestId('reports-range')).textContent).toBe(
      'Business day 2026-11-22',
    );
    expect(screen.getByTestId('kpi-net').textContent).toContain('¥30.95');
    await showRange(user, '2026-11-01', '2026-11-22');
    await expect
      .poll(() => screen.getByTestId('reports-range').textContent)
      .toBe('2026-11-01 to 2026-11-22');
    expect(api.inputsOf('reports.dashboard')).toEqual([
      {},
      { from: '2026-11-01', to: '2026-11-22' },
    ]);
  });

  it('says why a range was refused and keeps the dates typed and the figures shown', async () => {
    const user = userEvent.setup();
    const api = reportsApi().answer('reports.dashboard', (input) =>
      'from' in input && input.from
        ? fail('invalid_input', 'from after to')
        : ok(dayOf('2026-11-22')),
    );
    await renderWithApi(<Reports />, api);
    await showRange(user, '2026-11-30', '2026-11-01');
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      'That input was not understood.',
    );
    expect(screen.getByTestId<HTMLInputElement>('reports-from').value).toBe('2026-11-30');
    expect(screen.getByTestId<HTMLInputElement>('reports-to').value).toBe('2026-11-01');
    expect(screen.getByTestId('kpi-net').textContent).toContain('¥30.95');
  });
});
