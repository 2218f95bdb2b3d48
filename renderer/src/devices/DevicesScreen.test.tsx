// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DeviceStatus, DevicesView } from '@app/api/contract';
import { fail, ok } from '@app/result';
import { useNotify } from '../common/notices';
import { FakeApi } from '../testing/fake-api.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { DevicesScreen } from './DevicesScreen';

const scanner: DeviceStatus = {
  role: 'barcodeScanner',
  connection: null,
  state: 'not_configured',
  description: '',
  since: '2026-12-07T09:00:00.000Z',
  lastError: null,
  lastEvent: null,
  nextRetryAt: null,
  screen: null,
  latencyMs: null,
};
const view = (device: DeviceStatus): DevicesView => ({
  devices: [device],
  discovered: [],
  discoveryError: null,
});

function Devices() {
  return <DevicesScreen notify={useNotify()} />;
}

/** Sets the scanner up on a serial port, as a technician types it. */
async function configureSerialScanner(user: ReturnType<typeof userEvent.setup>) {
  const panel = await screen.findByTestId('device-barcodeScanner');
  await user.selectOptions(within(panel).getByTestId('device-barcodeScanner-kind'), 'serial');
  await user.type(within(panel).getByTestId('device-barcodeScanner-path'), '/dev/ttyUSB0');
  await user.click(within(panel).getByTestId('device-save-barcodeScanner'));
}

describe('DevicesScreen', () => {
  it('connects a serial scanner and shows it connected', async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .answer('devices.list', () => ok(view(scanner)))
      .answer('devices.configure', ({ connection }) =>
        ok(
          view({
            ...scanner,
            connection,
            state: 'connected',
            description: 'Serial /dev/ttyUSB0 9600',
          }),
        ),
      );
    await renderWithApi(<Devices />, api);
    await configureSerialScanner(user);
    const state = await screen.findByTestId('device-state-barcodeScanner');
    await expect.poll(() => state.getAttribute('data-state')).toBe('connected');
    expect(state.textContent).toContain('Serial /dev/ttyUSB0 9600');
    expect(api.inputsOf('devices.configure')).toEqual([
      {
        role: 'barcodeScanner',
        connection: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, suffix: 'cr' },
      },
    ]);
  });

  it('says why the port could not be opened and keeps the path typed', async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .answer('devices.list', () => ok(view(scanner)))
      .answer('devices.configure', () =>
        fail('serial_open_failed', 'EACCES', { path: '/dev/ttyUSB0', reason: 'Permission denied' }),
      );
    await renderWithApi(<Devices />, api);
    await configureSerialScanner(user);
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      '/dev/ttyUSB0 could not be opened: Permission denied',
    );
    expect(screen.getByTestId<HTMLInputElement>('device-barcodeScanner-path').value).toBe(
      '/dev/ttyUSB0',
    );
    expect(screen.getByTestId('device-state-barcodeScanner').getAttribute('data-state')).toBe(
      'not_configured',
    );
  });

  it('refuses a form it cannot read without asking main', async () => {
    const user = userEvent.setup();
    const api = new FakeApi().answer('devices.list', () => ok(view(scanner)));
    await renderWithApi(<Devices />, api);
    const panel = await screen.findByTestId('device-barcodeScanner');
    await user.selectOptions(within(panel).getByTestId('device-barcodeScanner-kind'), 'serial');
    await user.click(within(panel).getByTestId('device-save-barcodeScanner'));
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      'Check the fields: a path, a baud rate, hex IDs, or an address and port.',
    );
    expect(api.inputsOf('devices.configure')).toEqual([]);
  });
});
