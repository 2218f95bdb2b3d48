// @vitest-environment jsdom
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Product } from '@app/catalog/product';
import { fail, ok } from '@app/result';
import type { Result } from '@app/result';
import { deferred, FakeApi } from '../testing/fake-api.test-support';
import { COLA, CHIPS } from '../testing/fake-till.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { useQuery } from './useQuery';

function Search({ query }: { query: string }) {
  const found = useQuery('catalog.search', { query, limit: 8 }, ['catalog.changed']);
  return (
    <p data-testid="found" data-loading={String(found.loading)}>
      {found.data?.map((p) => p.nameEn).join(', ') ?? '…'}
    </p>
  );
}

describe('useQuery', () => {
  it('drops an older answer that arrives after a newer one', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<Result<Product[]>>>>();
    const api = new FakeApi().answer('catalog.search', ({ query }) => {
      const answer = deferred<Result<Product[]>>();
      answers.set(query, answer);
      return answer.promise;
    });
    const view = await renderWithApi(<Search query="cola" />, api);
    view.rerender(<Search query="chips" />);
    await act(async () => {
      answers.get('chips')?.resolve(ok([CHIPS]));
      await Promise.resolve();
    });
    expect(screen.getByTestId('found').textContent).toBe(CHIPS.nameEn);
    await act(async () => {
      answers.get('cola')?.resolve(ok([COLA]));
      await Promise.resolve();
    });
    expect(screen.getByTestId('found').textContent).toBe(CHIPS.nameEn);
    expect(screen.getByTestId('found').dataset.loading).toBe('false');
  });

  it('asks again on its events and once per input, however often the screen renders', async () => {
    let catalog = [COLA];
    const api = new FakeApi().answer('catalog.search', () => ok(catalog));
    const view = await renderWithApi(<Search query="o" />, api);
    expect((await screen.findByTestId('found')).textContent).toBe(COLA.nameEn);
    view.rerender(<Search query="o" />);
    expect(api.inputsOf('catalog.search')).toHaveLength(1);
    catalog = [COLA, CHIPS];
    await act(async () => {
      api.emit('catalog.changed', {});
      await Promise.resolve();
    });
    // The new answer arrives a few promise turns later; wait for it, not for a fixed count.
    await waitFor(() =>
      expect(screen.getByTestId('found').textContent).toBe(`${COLA.nameEn}, ${CHIPS.nameEn}`),
    );
    expect(api.inputsOf('catalog.search')).toHaveLength(2);
  });

  it('says a failed read in the notice area and keeps the last answer', async () => {
    let failing = false;
    const api = new FakeApi().answer('catalog.search', () =>
      failing ? fail('internal', 'disk full') : ok([COLA]),
    );
    await renderWithApi(<Search query="o" />, api);
    expect((await screen.findByTestId('found')).textContent).toBe(COLA.nameEn);
    failing = true;
    await act(async () => {
      api.emit('catalog.changed', {});
      await Promise.resolve();
    });
    expect((await screen.findByTestId('notice-text')).textContent).toContain('disk full');
    expect(screen.getByTestId('found').textContent).toBe(COLA.nameEn);
  });
});
