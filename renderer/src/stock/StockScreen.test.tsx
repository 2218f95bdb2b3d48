// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StockRow } from '@app/api/contract';
import { fail, ok } from '@app/result';
import { useNotify } from '../common/notices';
import { FakeApi } from '../testing/fake-api.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { StockScreen } from './StockScreen';

const cola: StockRow = {
  productId: 'p-cola',
  sku: 'DRK0001',
  nameEn: 'Cola 330ml',
  nameZh: '可乐 330毫升',
  unit: 'piece',
  onHand: 2,
  threshold: 5,
  low: true,
};

function Stock() {
  return <StockScreen notify={useNotify()} />;
}

/** Opens the count form on the one row and types a count and a reason. */
async function countCola(user: ReturnType<typeof userEvent.setup>) {
  const row = await screen.findByTestId('stock-row');
  expect(row.textContent).toContain('Cola 330ml');
  await user.click(within(row).getByTestId('stock-count'));
  await user.type(screen.getByTestId('stock-counted'), '24');
  await user.type(screen.getByTestId('stock-reason'), 'Delivery');
  await user.click(screen.getByTestId('stock-save'));
}

describe('StockScreen', () => {
  it('records a count and shows the new quantity on hand', async () => {
    const user = userEvent.setup();
    let onHand = cola.onHand;
    const api = new FakeApi()
      .answer('stock.list', () => ok([{ ...cola, onHand, low: onHand < cola.threshold }]))
      .answer('stock.adjust', ({ counted }) => {
        onHand = counted;
        return ok({ ...cola, onHand, low: false });
      });
    await renderWithApi(<Stock />, api);
    await countCola(user);
    expect((await screen.findByTestId('notice-text')).textContent).toBe('DRK0001: 24 on hand.');
    expect(api.inputsOf('stock.adjust')).toEqual([
      { productId: 'p-cola', counted: 24, reason: 'Delivery' },
    ]);
    await screen.findByText('24');
    expect(screen.queryByTestId('stock-counted')).toBeNull();
  });

  it('says why a count was refused and keeps what was typed', async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .answer('stock.list', () => ok([cola]))
      .answer('stock.adjust', () => fail('product_not_found', 'gone'));
    await renderWithApi(<Stock />, api);
    await countCola(user);
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      'That product is no longer in the catalog.',
    );
    expect(screen.getByTestId<HTMLInputElement>('stock-counted').value).toBe('24');
    expect(screen.getByTestId<HTMLInputElement>('stock-reason').value).toBe('Delivery');
  });

  it('says the list could not be read', async () => {
    const api = new FakeApi().answer('stock.list', () =>
      fail('permission_required', 'no', { permission: 'catalog.manage' }),
    );
    await renderWithApi(<Stock />, api);
    expect((await screen.findByTestId('notice-text')).textContent).toContain(
      'Your role may not do this (catalog.manage)',
    );
    expect(screen.queryByTestId('stock-table')).toBeNull();
  });
});
