// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BackupCopy, BackupStatus } from '@app/api/contract';
import { fail, ok } from '@app/result';
import { useNotify } from '../common/notices';
import { FakeApi } from '../testing/fake-api.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { BackupScreen } from './BackupScreen';

const status: BackupStatus = {
  settings: { folder: '/media/usb/countertop', hour: 22, keepDays: 30 },
  running: null,
  last: null,
  lastSuccessAt: null,
  nextAt: null,
  terminalId: 'T-0001',
};
const copy: BackupCopy = {
  name: 'countertop-T-0001-20261207.sqlite',
  createdAt: '2026-12-07T22:00:00.000Z',
  terminalId: 'T-0001',
  merchantId: null,
  headSeq: 42,
  headHash: 'ab',
  bytes: 1024,
  verified: { ok: true, at: '2026-12-07T22:00:05.000Z', problems: [] },
  thisTerminal: true,
};

function Backup() {
  return <BackupScreen notify={useNotify()} />;
}

describe('BackupScreen', () => {
  it('backs up now, says so and lists the new copy', async () => {
    const user = userEvent.setup();
    let copies: BackupCopy[] = [];
    const api = new FakeApi()
      .answer('backup.status', () => ok(status))
      .answer('backup.list', () => ok(copies))
      .answer('backup.run', () => {
        copies = [copy];
        return ok({
          ...status,
          last: { at: copy.verified.at, trigger: 'manual', ok: true, name: copy.name, error: null },
        });
      });
    await renderWithApi(<Backup />, api);
    expect((await screen.findByTestId('backup-last')).textContent).toBe('Never');
    await user.click(screen.getByTestId('backup-now'));
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      `Backup written and verified: ${copy.name}`,
    );
    expect((await screen.findByTestId('backup-row')).getAttribute('data-name')).toBe(copy.name);
    expect(screen.getByTestId('backup-last').textContent).toContain('verified');
  });

  it('says why the backup failed', async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .answer('backup.status', () => ok(status))
      .answer('backup.list', () => ok([]))
      .answer('backup.run', () => fail('backup_running', 'busy'));
    await renderWithApi(<Backup />, api);
    await user.click(await screen.findByTestId('backup-now'));
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      'A backup is already running. Wait until it has finished.',
    );
    expect(screen.getByTestId('backup-now').hasAttribute('disabled')).toBe(false);
  });

  it('keeps a folder main refused in the field, with the reason', async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .answer('backup.status', () =>
        ok({ ...status, settings: { ...status.settings, folder: null } }),
      )
      .answer('backup.configure', ({ folder }) =>
        fail('backup_folder_missing', 'missing', { folder }),
      );
    await renderWithApi(<Backup />, api);
    await user.type(await screen.findByTestId('backup-folder'), '/media/stick');
    await user.click(screen.getByTestId('backup-save'));
    expect((await screen.findByTestId('notice-text')).textContent).toContain('/media/stick');
    expect(screen.getByTestId<HTMLInputElement>('backup-folder').value).toBe('/media/stick');
    expect(api.inputsOf('backup.configure')).toEqual([
      { folder: '/media/stick', hour: 22, keepDays: 30 },
    ]);
  });

  it('says the backup state could not be read', async () => {
    const api = new FakeApi().answer('backup.status', () => fail('internal', 'disk error'));
    await renderWithApi(<Backup />, api);
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      'Something went wrong: disk error',
    );
  });
});
