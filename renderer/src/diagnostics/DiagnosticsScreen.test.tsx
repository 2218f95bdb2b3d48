// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DatabaseHealthView, LogTailView } from '@app/api/contract';
import { fail, ok } from '@app/result';
import { useNotify } from '../common/notices';
import { FakeApi } from '../testing/fake-api.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { DiagnosticsScreen } from './DiagnosticsScreen';

const tail = (levels: readonly ('info' | 'warn' | 'error')[]): LogTailView => ({
  lines: levels.map((level, i) => ({
    at: '2026-12-07T09:00:00.000Z',
    level,
    message: `${level} line ${String(i)}`,
    fields: {},
  })),
  skipped: 0,
  capped: false,
  fileBytes: 2048,
});
const healthy: DatabaseHealthView = {
  integrity: { check: 'quick_check', ok: true, problems: [] },
  files: { databaseBytes: 4096, walBytes: 0 },
  pageSize: 4096,
  pageCount: 1,
  freelistCount: 0,
  entryCount: 12,
  chain: { ok: true, count: 12, headHash: 'a1b2c3d4e5f6a7b8c9d0' },
  errors: [],
  tookMs: 3,
};

function Diagnostics() {
  return <DiagnosticsScreen sync={null} onOpenSync={() => undefined} notify={useNotify()} />;
}

const diagnosticsApi = () =>
  new FakeApi()
    .answer('diagnostics.logTail', ({ minLevel }) =>
      ok(tail(minLevel === 'info' ? ['info', 'warn', 'error'] : ['warn', 'error'])),
    )
    // This computer's facts are still on their way: not what these tests look at.
    .answer('diagnostics.system', () => new Promise(() => undefined));

describe('DiagnosticsScreen', () => {
  it('filters the log by level and checks the database', async () => {
    const user = userEvent.setup();
    const api = diagnosticsApi().answer('diagnostics.database', () => ok(healthy));
    await renderWithApi(<Diagnostics />, api);
    expect((await screen.findByTestId('log-lines')).children).toHaveLength(3);
    await user.selectOptions(screen.getByTestId('log-level'), 'warn');
    await expect.poll(() => screen.getByTestId('log-lines').children.length).toBe(2);
    await user.click(screen.getByTestId('db-check'));
    const health = await screen.findByTestId('db-health');
    expect(health.getAttribute('data-ok')).toBe('true');
    expect(health.textContent).toContain('Verified: 12 entries, head a1b2c3d4e5f6a7b8…');
    expect(api.inputsOf('diagnostics.database')).toEqual([{ full: false }]);
  });

  it('says why the check could not run and keeps the log on screen', async () => {
    const user = userEvent.setup();
    const api = diagnosticsApi().answer('diagnostics.database', () =>
      fail('internal', 'database is locked'),
    );
    await renderWithApi(<Diagnostics />, api);
    await screen.findByTestId('log-lines');
    await user.click(screen.getByTestId('db-check'));
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      'Something went wrong: database is locked',
    );
    expect(screen.queryByTestId('db-health')).toBeNull();
    expect(screen.getByTestId('log-lines').children).toHaveLength(3);
  });
});
