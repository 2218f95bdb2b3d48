// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '../testing/render.test-support';
import { COLA, CHIPS, fakeTill, testSettings } from '../testing/fake-till.test-support';
import { SellScreen } from './SellScreen';
import { useNotify } from '../common/notices';

function Sell() {
  return <SellScreen settings={testSettings} printer={null} notify={useNotify()} />;
}

async function showSell() {
  const till = fakeTill();
  await renderWithApi(<Sell />, till.api);
  const scanField = await screen.findByTestId('scan-input');
  return { ...till, scanField };
}

describe('SellScreen', () => {
  it('adds scanned items to the cart and totals them, the scan field keeping the focus', async () => {
    const user = userEvent.setup();
    const { scanField } = await showSell();
    await user.type(scanField, `${COLA.barcode}{Enter}`);
    await user.type(scanField, `${CHIPS.barcode}{Enter}`);
    expect(await screen.findAllByTestId('cart-line')).toHaveLength(2);
    expect(screen.getByTestId('total').textContent).toContain('10.00');
    await waitFor(() => expect(document.activeElement).toBe(scanField));
  });

  it('says an unknown barcode in the notice area and leaves the cart as it was', async () => {
    const user = userEvent.setup();
    const { scanField } = await showSell();
    await user.type(scanField, `${COLA.barcode}{Enter}`);
    await user.type(scanField, '6900000000000{Enter}');
    expect((await screen.findByTestId('notice-text')).textContent).toContain('6900000000000');
    expect(screen.getAllByTestId('cart-line')).toHaveLength(1);
    // The next good scan clears the error.
    await user.type(scanField, `${CHIPS.barcode}{Enter}`);
    await waitFor(() => expect(screen.queryByTestId('notice-text')).toBeNull());
  });

  it('edits the search text with Delete instead of removing a cart line', async () => {
    const user = userEvent.setup();
    const { scanField, api } = await showSell();
    await user.type(scanField, `${COLA.barcode}{Enter}`);
    await screen.findByTestId('cart-line');
    await user.type(scanField, 'cola');
    await user.keyboard('{Home}{Delete}');
    expect((scanField as HTMLInputElement).value).toBe('ola');
    expect(screen.getAllByTestId('cart-line')).toHaveLength(1);
    expect(api.inputsOf('cart.removeLine')).toEqual([]);
    // In the empty field Delete removes the selected line: the scan field's own shortcut.
    await user.clear(scanField);
    await user.keyboard('{Delete}');
    await waitFor(() => expect(screen.queryAllByTestId('cart-line')).toHaveLength(0));
  });

  it('keeps a refused quantity inside the dialog, with the focus, and keeps "." typed', async () => {
    const user = userEvent.setup();
    const { scanField, api } = await showSell();
    await user.type(scanField, `${COLA.barcode}{Enter}`);
    const line = await screen.findByTestId('cart-line');
    await user.click(within(line).getByRole('button', { name: '1' }));
    const dialog = await screen.findByTestId('amount-dialog');
    // Typed as a person types: the keypad tells a person's keys from a scanner's burst by time.
    for (const key of ['2', '.', '5', '{Enter}']) {
      await user.keyboard(key);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    expect((await within(dialog).findByTestId('dialog-error')).textContent).toMatch(/whole number/);
    expect(api.inputsOf('cart.setQuantity')).toEqual([{ lineId: 'line-1', quantity: 2.5 }]);
    expect(within(dialog).getByTestId('amount-display').textContent).toBe('2.5');
    expect(screen.queryByTestId('notice-text')).toBeNull();
    expect(dialog.contains(document.activeElement)).toBe(true);
    expect(document.activeElement).not.toBe(scanField);
  });

  it('asks in its own dialog before cancelling the sale', async () => {
    const user = userEvent.setup();
    const { scanField, api } = await showSell();
    await user.type(scanField, `${COLA.barcode}{Enter}`);
    await screen.findByTestId('cart-line');
    await user.click(screen.getByTestId('cart-clear'));
    const dialog = await screen.findByTestId('clear-dialog');
    expect(document.activeElement).toBe(within(dialog).getByTestId('confirm-yes'));
    await user.click(within(dialog).getByTestId('confirm-no'));
    expect(screen.getAllByTestId('cart-line')).toHaveLength(1);
    await user.click(screen.getByTestId('cart-clear'));
    await user.click(await screen.findByTestId('confirm-yes'));
    await waitFor(() => expect(screen.queryAllByTestId('cart-line')).toHaveLength(0));
    expect(api.inputsOf('cart.clear')).toHaveLength(1);
  });

  it('follows cart.changed from main (a scan on the serial scanner)', async () => {
    const { api } = await showSell();
    api.answer('cart.get', () => {
      throw new Error('not asked again');
    });
    await act(async () => {
      await api.invoke('cart.scan', { code: COLA.barcode });
    });
    expect(await screen.findAllByTestId('cart-line')).toHaveLength(1);
  });
});
