// @vitest-environment jsdom
import { useState } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '@app/api/contract';
import { rolePermissions } from '@app/staff/permissions';
import { fail, ok } from '@app/result';
import { useNotify } from '../common/notices';
import { FakeApi } from '../testing/fake-api.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { SyncScreen } from './SyncScreen';

const status: SyncStatus = {
  binding: null,
  state: 'not_bound',
  headSeq: 3,
  ackedSeq: 0,
  unsynced: 3,
  oldestUnsyncedAt: null,
  syncedAt: null,
  unreachableSince: null,
  lastError: null,
  alarm: null,
  nextAttemptAt: null,
  uploading: false,
  backlog: null,
  openBatch: null,
  batchNo: '000001',
  pendingSettlements: 0,
};

function Sync({ role }: { role: 'technician' | 'owner' }) {
  return (
    <SyncScreen
      status={status}
      onStatus={() => undefined}
      permissions={rolePermissions[role]}
      notify={useNotify()}
    />
  );
}

describe('SyncScreen', () => {
  it('shows a technician the queue and asks main nothing the role may not read', async () => {
    const api = new FakeApi();
    await renderWithApi(<Sync role="technician" />, api);
    expect(await screen.findByTestId('sync-screen')).toBeTruthy();
    expect(screen.queryByTestId('settlements')).toBeNull();
    expect(api.calls).toEqual([]);
  });

  it("shows the owner the day's settlements", async () => {
    const api = new FakeApi().answer('sync.settlements', () => ok([]));
    await renderWithApi(<Sync role="owner" />, api);
    expect(await screen.findByTestId('settlements')).toBeTruthy();
    expect(api.inputsOf('sync.settlements')).toEqual([{}]);
  });
});

/** The technician's screen, holding the status main answers as App does. */
function Technician() {
  const [shown, setShown] = useState(status);
  return (
    <SyncScreen
      status={shown}
      onStatus={setShown}
      permissions={rolePermissions.technician}
      notify={useNotify()}
    />
  );
}

const binding = {
  hostUrl: 'http://127.0.0.1:8787',
  merchantId: '898310000000001',
  terminalId: 'CT000001',
  merchantName: 'Corner Shop',
  settlementAccount: '6222 **** 0001',
  boundAt: '2026-12-07T09:00:00.000Z',
};

/** Types the merchant, terminal and code the host operator gave, and binds. */
async function bind(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByTestId('bind-merchant'), binding.merchantId);
  await user.type(screen.getByTestId('bind-terminal'), 'ct000001');
  await user.type(screen.getByTestId('bind-code'), '123456');
  await user.click(screen.getByTestId('bind-submit'));
}

describe('SyncScreen binding', () => {
  it('binds the till with the code from the host and shows the merchant', async () => {
    const user = userEvent.setup();
    const api = new FakeApi().answer('sync.bind', () =>
      ok({ ...status, binding, state: 'pending' }),
    );
    await renderWithApi(<Technician />, api);
    await bind(user);
    expect((await screen.findByTestId('sync-merchant')).textContent).toBe('Corner Shop');
    expect(screen.getByTestId('notice-text').textContent).toContain('Corner Shop');
    expect(api.inputsOf('sync.bind')).toEqual([
      {
        hostUrl: binding.hostUrl,
        merchantId: binding.merchantId,
        terminalId: 'CT000001',
        bindingCode: '123456',
      },
    ]);
  });

  it('says the host refused the code, keeps the merchant and terminal, and clears the spent code', async () => {
    const user = userEvent.setup();
    const api = new FakeApi().answer('sync.bind', () => fail('binding_code_invalid', 'refused'));
    await renderWithApi(<Technician />, api);
    await bind(user);
    expect((await screen.findByTestId('notice-text')).textContent).toContain(
      'The host refused that binding code',
    );
    const value = (id: string) => screen.getByTestId<HTMLInputElement>(id).value;
    expect(value('bind-merchant')).toBe(binding.merchantId);
    expect(value('bind-terminal')).toBe('CT000001');
    expect(value('bind-host')).toBe(binding.hostUrl);
    await expect.poll(() => value('bind-code')).toBe('');
  });
});
