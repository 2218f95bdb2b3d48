// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Product } from '@app/catalog/product';
import { fail, ok } from '@app/result';
import type { Result } from '@app/result';
import { useNotify } from '../common/notices';
import { deferred, FakeApi } from '../testing/fake-api.test-support';
import { CHIPS, COLA } from '../testing/fake-till.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { ProductList } from './ProductList';

type Page = Result<{ products: Product[]; hasMore: boolean }>;

function List() {
  return <ProductList currency="CNY" notify={useNotify()} />;
}

const rows = () => screen.queryAllByTestId('catalog-row').map((row) => row.textContent);

describe('ProductList', () => {
  it('shows the answer to the newest search even when an older one arrives after it', async () => {
    const user = userEvent.setup();
    const answers = new Map<string, ReturnType<typeof deferred<Page>>>();
    const api = new FakeApi()
      .answer('catalog.categories', () => ok([]))
      .answer('catalog.list', ({ query = '' }) => {
        const answer = deferred<Page>();
        answers.set(query, answer);
        return answer.promise;
      });
    /** Main answers the search for `query` now. */
    const settle = (query: string, products: Product[]) =>
      act(async () => {
        const answer = answers.get(query);
        answer?.resolve(ok({ products, hasMore: false }));
        await answer?.promise;
      });
    await renderWithApi(<List />, api);
    await expect.poll(() => answers.has('')).toBe(true);
    await settle('', [COLA, CHIPS]);
    expect(rows()).toHaveLength(2);

    await user.type(screen.getByTestId('catalog-search'), 'c');
    await expect.poll(() => answers.has('c')).toBe(true);
    await user.type(screen.getByTestId('catalog-search'), 'h');
    await expect.poll(() => answers.has('ch')).toBe(true);
    await settle('ch', [CHIPS]);
    await settle('c', [COLA, CHIPS]);
    expect(rows()).toEqual([expect.stringContaining('SNK0001')]);
  });

  it('says why the search failed and keeps the words typed', async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .answer('catalog.categories', () => ok([]))
      .answer('catalog.list', ({ query }) =>
        query ? fail('internal', 'search index busy') : ok({ products: [COLA], hasMore: false }),
      );
    await renderWithApi(<List />, api);
    await expect.poll(rows).toHaveLength(1);
    await user.type(screen.getByTestId('catalog-search'), 'cola');
    expect((await screen.findByTestId('notice-text')).textContent).toBe(
      'Something went wrong: search index busy',
    );
    expect(screen.getByTestId<HTMLInputElement>('catalog-search').value).toBe('cola');
  });
});
