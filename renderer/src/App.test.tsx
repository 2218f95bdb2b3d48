// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionView } from '@app/api/contract';
import { rolePermissions } from '@app/staff/permissions';
import { fail, ok } from '@app/result';
import type { Result } from '@app/result';
import { ApiProvider } from './api/api-context';
import { deferred } from './testing/fake-api.test-support';
import { COLA, fakeTill, testSettings } from './testing/fake-till.test-support';
import { ready } from './testing/render.test-support';
import { App } from './App';

const cashier: SessionView = {
  state: 'active',
  user: { id: 'u-li', name: 'Li Na', role: 'cashier' },
  permissions: [...rolePermissions.cashier],
  language: 'en',
};

/** The till behind the fake API, with the session's answer held until the test gives it. */
async function openApp() {
  await ready;
  const till = fakeTill();
  const session = deferred<Result<SessionView>>();
  till.api
    .answer('session.status', () => session.promise)
    .answer('settings.get', () => ok(testSettings))
    .answer('app.info', () =>
      ok({
        version: 'test',
        host: 'browser',
        terminalId: 'T-0001',
        batchNo: '000001',
        dataDir: '',
      }),
    )
    .answer('shift.current', () =>
      ok({
        open: { id: 's-1', operatorName: 'Li Na', openedAt: '2026-12-07T08:00:00.000Z', own: true },
        totals: null,
      }),
    )
    // The printer's and the upload's state are still on their way: not what this looks at.
    .answer('printer.status', () => new Promise(() => undefined))
    .answer('sync.status', () => new Promise(() => undefined));
  render(
    <ApiProvider api={till.api}>
      <App connection="open" />
    </ApiProvider>,
  );
  return { ...till, session };
}

describe('App', () => {
  it('shows a neutral loading bar until main says who is signed in, then the till', async () => {
    const { session } = await openApp();
    expect((await screen.findByTestId('topbar-loading')).textContent).toContain(
      'Connecting to the till…',
    );
    expect(screen.queryByTestId('session-lock')).toBeNull();
    session.resolve(ok(cashier));
    expect((await screen.findByTestId('session-user')).textContent).toBe('Li Na · Cashier');
    expect(await screen.findByTestId('scan-input')).toBeTruthy();
    expect(screen.queryByTestId('topbar-loading')).toBeNull();
  });

  it('says why the till could not be locked and leaves the sale as it was', async () => {
    const user = userEvent.setup();
    const { api, session } = await openApp();
    api.answer('session.lock', () => fail('internal', 'session store unavailable'));
    session.resolve(ok(cashier));
    const scanField = await screen.findByTestId('scan-input');
    await user.type(scanField, `${COLA.barcode}{Enter}`);
    await screen.findByTestId('cart-line');
    await user.click(screen.getByTestId('session-lock'));
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      'Something went wrong: session store unavailable',
    );
    expect(screen.getByTestId('session-user').textContent).toContain('Li Na');
    expect(screen.getAllByTestId('cart-line')).toHaveLength(1);
    expect(screen.queryByTestId('lock-screen')).toBeNull();
  });

  it('opens the recovery screen, and nothing else, when the ledger cannot be read', async () => {
    const { api, session } = await openApp();
    // What the recovery screen reads is not what this test looks at.
    api.answer('recovery.status', () => new Promise(() => undefined));
    session.resolve(fail('ledger_unreadable', 'not a database', { problem: 'not a database' }));
    expect(await screen.findByTestId('recovery-screen')).toBeTruthy();
    expect(screen.queryByTestId('topbar-loading')).toBeNull();
    expect(api.calls.map((c) => c.name)).not.toContain('settings.get');
  });
});
