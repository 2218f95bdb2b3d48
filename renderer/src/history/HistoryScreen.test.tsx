// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fail, ok } from '@app/result';
import { useNotify } from '../common/notices';
import { FakeApi } from '../testing/fake-api.test-support';
import { soldSale } from '../testing/fake-sale.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { HistoryScreen } from './HistoryScreen';

const first = soldSale(41);
const second = soldSale(42);

function History() {
  return <HistoryScreen notify={useNotify()} />;
}

const historyApi = () =>
  new FakeApi()
    .answer('correction.pending', () => ok(null))
    .answer('sale.list', () => ok([second.summary, first.summary]))
    .answer('correction.get', ({ saleId }) =>
      saleId === first.view.sale.id ? ok(first.view) : ok(second.view),
    );

describe('HistoryScreen', () => {
  it('lists the sales and opens one clicked, with its lines and what is left', async () => {
    const user = userEvent.setup();
    const api = historyApi();
    await renderWithApi(<History />, api);
    const rows = await screen.findAllByTestId('history-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('¥10.00');
    await user.click(rows[1] as HTMLElement);
    const detail = await screen.findByTestId('sale-detail');
    expect(detail.getAttribute('data-sale-id')).toBe(first.view.sale.id);
    const lines = within(detail).getAllByTestId('detail-line');
    expect(lines.map((l) => l.textContent)).toEqual([
      expect.stringContaining('Cola 330ml'),
      expect.stringContaining('Potato chips'),
    ]);
    expect(within(detail).getByTestId('void-open').hasAttribute('disabled')).toBe(false);
  });

  it('finds a receipt by its number', async () => {
    const user = userEvent.setup();
    const api = historyApi().answer('correction.find', () => ok(second.view));
    await renderWithApi(<History />, api);
    await user.type(await screen.findByTestId('find-receipt'), '42');
    await user.click(screen.getByTestId('find-submit'));
    expect((await screen.findByTestId('sale-detail')).getAttribute('data-sale-id')).toBe(
      second.view.sale.id,
    );
    expect(api.inputsOf('correction.find')).toEqual([{ query: '42' }]);
    expect(screen.getByTestId<HTMLInputElement>('find-receipt').value).toBe('');
  });

  it('says no receipt has that number and keeps the number typed', async () => {
    const user = userEvent.setup();
    const api = historyApi().answer('correction.find', () => fail('sale_not_found', 'none'));
    await renderWithApi(<History />, api);
    await user.type(await screen.findByTestId('find-receipt'), '999');
    await user.click(screen.getByTestId('find-submit'));
    expect((await screen.findByTestId('find-error')).textContent).toBe('No sale with that number.');
    expect(screen.getByTestId<HTMLInputElement>('find-receipt').value).toBe('999');
    expect(screen.queryByTestId('sale-detail')).toBeNull();
  });

  it('says why the list could not be read', async () => {
    const api = historyApi().answer('sale.list', () => fail('internal', 'database is locked'));
    await renderWithApi(<History />, api);
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      'Something went wrong: database is locked',
    );
  });
});
