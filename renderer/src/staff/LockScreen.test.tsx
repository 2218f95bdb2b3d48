// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SessionView } from '@app/api/contract';
import { rolePermissions } from '@app/staff/permissions';
import { fail, ok } from '@app/result';
import { FakeApi } from '../testing/fake-api.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { LockScreen } from './LockScreen';

const signedOut: SessionView = { state: 'signedOut', user: null, permissions: [], language: null };
const liNa = { id: 'u-li', name: 'Li Na', role: 'cashier' } as const;

describe('LockScreen', () => {
  it('signs the chosen person in with their PIN', async () => {
    const user = userEvent.setup();
    const onSession = vi.fn();
    const active: SessionView = {
      state: 'active',
      user: liNa,
      permissions: [...rolePermissions.cashier],
      language: null,
    };
    const api = new FakeApi()
      .answer('session.users', () => ok([liNa]))
      .answer('session.login', () => ok(active));
    await renderWithApi(<LockScreen session={signedOut} onSession={onSession} />, api);
    await user.click(await screen.findByTestId('login-user-Li Na'));
    await user.type(screen.getByTestId('login-input'), '1357{Enter}');
    await expect.poll(() => onSession.mock.calls.length).toBe(1);
    expect(onSession).toHaveBeenCalledWith(active);
    expect(api.inputsOf('session.login')).toEqual([{ userId: 'u-li', pin: '1357' }]);
  });

  it('says the PIN was wrong and how many tries are left, and keeps the person chosen', async () => {
    const user = userEvent.setup();
    const onSession = vi.fn();
    const api = new FakeApi()
      .answer('session.users', () => ok([liNa]))
      .answer('session.login', () => fail('pin_wrong', 'wrong', { remaining: 2 }));
    await renderWithApi(<LockScreen session={signedOut} onSession={onSession} />, api);
    await user.click(await screen.findByTestId('login-user-Li Na'));
    await user.type(screen.getByTestId('login-input'), '1111{Enter}');
    expect((await screen.findByTestId('login-error')).textContent).toBe(
      'Wrong PIN. 2 tries left before this user is locked.',
    );
    expect(screen.getByTestId('login-user-Li Na').getAttribute('aria-selected')).toBe('true');
    expect(onSession).not.toHaveBeenCalled();
  });

  it('says the list of people could not be read', async () => {
    const api = new FakeApi().answer('session.users', () => fail('internal', 'database is locked'));
    await renderWithApi(<LockScreen session={signedOut} onSession={() => undefined} />, api);
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      'Something went wrong: database is locked',
    );
  });
});
