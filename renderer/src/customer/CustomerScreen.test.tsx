// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '@app/result';
import { fakeTill, testSettings } from '../testing/fake-till.test-support';
import { soldSale } from '../testing/fake-sale.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { CustomerScreen } from './CustomerScreen';

describe('CustomerScreen', () => {
  it('shows the item just scanned and the total, then thanks with the change', async () => {
    const till = fakeTill();
    const { summary, view } = soldSale(7);
    const sale = view.sale;
    till.api
      .answer('settings.get', () => ok(testSettings))
      .answer('sale.get', () =>
        ok({
          ...sale,
          tenders: sale.tenders.map((tender) => ({
            ...tender,
            tenderedMinor: 2000,
            changeMinor: 1000,
          })),
        }),
      );
    await renderWithApi(<CustomerScreen />, till.api);
    expect((await screen.findByText('Test Shop')).textContent).toBe('Test Shop');
    await act(() => till.api.invoke('cart.scan', { code: '6901234567892' }));
    expect((await screen.findByTestId('customer-total')).textContent).toContain('3.50');
    act(() => till.api.emit('sale.committed', summary));
    expect((await screen.findByTestId('customer-change')).textContent).toContain('10.00');
  });

  it('says on its screen when the shop settings cannot be read', async () => {
    const till = fakeTill();
    till.api.answer('settings.get', () => fail('internal', 'database is locked'));
    await renderWithApi(<CustomerScreen />, till.api);
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      'Something went wrong: database is locked',
    );
    expect(screen.getByTestId('customer-screen').getAttribute('data-kind')).toBe('welcome');
  });
});
