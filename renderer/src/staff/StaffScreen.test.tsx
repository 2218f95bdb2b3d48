// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StaffUserView } from '@app/api/contract';
import { fail, ok } from '@app/result';
import { useNotify } from '../common/notices';
import { FakeApi } from '../testing/fake-api.test-support';
import { testSettings } from '../testing/fake-till.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { StaffScreen } from './StaffScreen';

const owner: StaffUserView = {
  id: 'u-owner',
  name: 'Wang Fang',
  role: 'owner',
  active: true,
  failedPins: 0,
  lockedUntil: null,
  createdAt: '2026-12-01T08:00:00.000Z',
};

function Staff() {
  return <StaffScreen settings={testSettings} notify={useNotify()} />;
}

const staffApi = (users: () => StaffUserView[]) =>
  new FakeApi()
    .answer('staff.list', () => ok(users()))
    .answer('staff.policy', () =>
      ok({
        discountLimitBp: 1000,
        idleLockMinutes: 5,
        cashToleranceMinor: 500,
        refundLimitMinor: 20_000,
      }),
    );

async function addCashier(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByTestId('staff-name'), 'Li Na');
  await user.selectOptions(screen.getByTestId('staff-role'), 'cashier');
  await user.type(screen.getByTestId('staff-pin'), '1357');
  await user.click(screen.getByTestId('staff-add'));
}

describe('StaffScreen', () => {
  it('adds a cashier, lists them and empties the form for the next', async () => {
    const user = userEvent.setup();
    let users = [owner];
    const api = staffApi(() => users).answer('staff.add', ({ name, role }) => {
      const added: StaffUserView = { ...owner, id: 'u-li', name, role };
      users = [owner, added];
      return ok(added);
    });
    await renderWithApi(<Staff />, api);
    await addCashier(user);
    expect(await screen.findByTestId('staff-row-Li Na')).toBeTruthy();
    expect(api.inputsOf('staff.add')).toEqual([{ name: 'Li Na', role: 'cashier', pin: '1357' }]);
    expect(screen.getByTestId<HTMLInputElement>('staff-name').value).toBe('');
  });

  it('says the name is taken and keeps what was typed', async () => {
    const user = userEvent.setup();
    const api = staffApi(() => [owner]).answer('staff.add', ({ name }) =>
      fail('name_taken', 'taken', { name }),
    );
    await renderWithApi(<Staff />, api);
    await addCashier(user);
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      'A user named Li Na already exists.',
    );
    expect(screen.getByTestId<HTMLInputElement>('staff-name').value).toBe('Li Na');
    expect(screen.getByTestId<HTMLInputElement>('staff-pin').value).toBe('1357');
    expect(screen.queryByTestId('staff-row-Li Na')).toBeNull();
  });
});
