// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditRecordView } from '@app/api/contract';
import { fail, ok } from '@app/result';
import { testSettings } from '../testing/fake-till.test-support';
import { FakeApi } from '../testing/fake-api.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { AuditScreen } from './AuditScreen';

const PAGE = 100;

/** Records newest first, ids counting down from `from`. */
const records = (from: number, n: number): AuditRecordView[] =>
  Array.from({ length: n }, (_, i) => ({
    id: from - i,
    at: '2026-12-07T09:00:00.000Z',
    user: { id: 'u-1', name: 'Li Na', role: 'cashier' },
    action: i % 2 === 0 ? 'login' : 'lock',
    outcome: 'ok',
    object: null,
    origin: 'till',
    detail: {},
  }));

describe('AuditScreen', () => {
  it('shows who did what in words and loads older records on request', async () => {
    const user = userEvent.setup();
    const api = new FakeApi().answer('audit.list', ({ beforeId }) =>
      ok(beforeId === undefined ? records(150, PAGE) : records(beforeId - 1, 50)),
    );
    await renderWithApi(<AuditScreen settings={testSettings} />, api);
    const rows = await screen.findAllByTestId('audit-row');
    expect(rows).toHaveLength(PAGE);
    expect(rows[0]?.textContent).toContain('Li Na (Cashier)');
    expect(rows[0]?.textContent).toContain('Signed in');
    expect(rows[1]?.textContent).toContain('Locked');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findAllByTestId('audit-row')).toHaveLength(PAGE + 50);
    expect(api.inputsOf('audit.list')).toEqual([{ limit: PAGE }, { limit: PAGE, beforeId: 51 }]);
  });

  it('says why older records could not be read and keeps the ones shown', async () => {
    const user = userEvent.setup();
    const api = new FakeApi().answer('audit.list', ({ beforeId }) =>
      beforeId === undefined ? ok(records(150, PAGE)) : fail('internal', 'database is busy'),
    );
    await renderWithApi(<AuditScreen settings={testSettings} />, api);
    await screen.findAllByTestId('audit-row');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      'Something went wrong: database is busy',
    );
    expect(screen.getAllByTestId('audit-row')).toHaveLength(PAGE);
  });
});
