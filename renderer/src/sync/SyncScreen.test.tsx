// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '@app/api/contract';
import { rolePermissions } from '@app/staff/permissions';
import { ok } from '@app/result';
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
