// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PrintJob, PrinterStatus } from '@app/api/contract';
import { fail, ok } from '@app/result';
import { useNotify } from '../common/notices';
import { FakeApi } from '../testing/fake-api.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { PrinterScreen } from './PrinterScreen';

const status: PrinterStatus = {
  config: { kind: 'simulated' },
  drawer: { pulseMs: 100, openWhen: 'high' },
  description: 'Simulated printer',
  state: 'error',
  lastError: 'paper out',
  queued: 1,
  condition: 'paper-out',
  drawerOpen: false,
  statusError: null,
  checkedAt: null,
  backup: null,
};
const held: PrintJob = {
  id: 'job-1',
  saleId: null,
  kind: 'receipt',
  createdAt: '2026-12-07T09:30:00.000Z',
  status: 'failed',
  attempts: 2,
  lastError: 'paper out',
};

function Printer() {
  return <PrinterScreen status={status} notify={useNotify()} />;
}

const printerApi = (jobs: () => PrintJob[]) =>
  new FakeApi()
    .answer('printer.jobs', () => ok(jobs()))
    .answer('printer.pages', () => ok([]))
    .answer('printer.logo', () => ok({ logo: null }));

describe('PrinterScreen', () => {
  it('retries a held receipt and shows the queue empty once it printed', async () => {
    const user = userEvent.setup();
    let jobs = [held];
    const api = printerApi(() => jobs).answer('printer.retry', () => {
      const printed: PrintJob = { ...held, status: 'printed', attempts: 3, lastError: null };
      jobs = [printed];
      return ok(printed);
    });
    await renderWithApi(<Printer />, api);
    expect(screen.getByTestId('printer-state').textContent).toContain('Simulated printer');
    const queue = screen.getByTestId('print-queue');
    await user.click(await within(queue).findByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Nothing waiting to print')).toBeTruthy();
    expect(within(queue).getByText('Printed')).toBeTruthy();
    expect(api.inputsOf('printer.retry')).toEqual([{ jobId: 'job-1' }]);
  });

  it('says why the retry failed and keeps the receipt in the queue', async () => {
    const user = userEvent.setup();
    const api = printerApi(() => [held]).answer('printer.retry', () =>
      fail('printer_offline', 'offline'),
    );
    await renderWithApi(<Printer />, api);
    const queue = screen.getByTestId('print-queue');
    await user.click(await within(queue).findByRole('button', { name: 'Retry' }));
    expect((await screen.findByTestId('notice-text')).textContent).toBe('The printer is offline.');
    expect(within(queue).getByText('Failed')).toBeTruthy();
    expect(within(queue).getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
