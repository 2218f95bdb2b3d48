// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ShiftView } from '@app/api/contract';
import { fail, ok } from '@app/result';
import { useNotify } from '../common/notices';
import { FakeApi } from '../testing/fake-api.test-support';
import { testSettings } from '../testing/fake-till.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { ShiftScreen } from './ShiftScreen';

const closed: ShiftView = { open: null, totals: null };
const opened: ShiftView = {
  open: { id: 's1', operatorName: 'Li Na', openedAt: '2026-12-07T08:00:00Z', own: true },
  totals: {
    saleCount: 0,
    salesMinor: 0,
    payInsMinor: 0,
    payOutsMinor: 0,
    dropsMinor: 0,
    noSaleCount: 0,
  },
};

function Shift({ onChange }: { onChange: (view: ShiftView) => void }) {
  return <ShiftScreen settings={testSettings} notify={useNotify()} onChange={onChange} />;
}

describe('ShiftScreen', () => {
  it('opens a shift with the float typed and Enter', async () => {
    const user = userEvent.setup();
    const changes: ShiftView[] = [];
    const api = new FakeApi()
      .answer('shift.current', () => ok(closed))
      .answer('shift.open', () => ok(opened));
    await renderWithApi(<Shift onChange={(v) => changes.push(v)} />, api);
    await user.type(await screen.findByTestId('shift-float'), '200{Enter}');
    expect(await screen.findByTestId('shift-totals')).toBeTruthy();
    expect(api.inputsOf('shift.open')).toEqual([{ floatMinor: 20_000 }]);
    expect(changes.at(-1)).toEqual(opened);
  });

  it('says what is wrong with the float and opens nothing', async () => {
    const user = userEvent.setup();
    const api = new FakeApi().answer('shift.current', () => ok(closed));
    await renderWithApi(<Shift onChange={() => undefined} />, api);
    await user.type(await screen.findByTestId('shift-float'), '2x{Enter}');
    expect((await screen.findByTestId('notice-text')).textContent).toContain('12.50');
    expect(api.inputsOf('shift.open')).toEqual([]);
  });

  it('says so when main refuses to open the shift', async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .answer('shift.current', () => ok(closed))
      .answer('shift.open', () => fail('shift_already_open', 'open', { name: 'Zhao Lei' }));
    await renderWithApi(<Shift onChange={() => undefined} />, api);
    await user.type(await screen.findByTestId('shift-float'), '0{Enter}');
    expect((await screen.findByTestId('notice-text')).textContent).toContain('Zhao Lei');
    expect(screen.queryByTestId('shift-totals')).toBeNull();
  });
});
