// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CatalogSyncView } from '@app/api/contract';
import { ok } from '@app/result';
import { useNotify } from '../common/notices';
import { FakeApi } from '../testing/fake-api.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { CatalogScreen } from './CatalogScreen';

function Screen() {
  return <CatalogScreen currency="CNY" notify={useNotify()} />;
}

const tillWith = (sync: CatalogSyncView) =>
  new FakeApi()
    .answer('catalog.syncState', () => ok(sync))
    .answer('catalog.categories', () => ok([]))
    .answer('catalog.list', () => ok({ products: [], hasMore: false }));

describe('CatalogScreen', () => {
  it('shows the version the back office sent, and offers no import while it manages the catalog', async () => {
    const api = tillWith({
      managed: true,
      version: 7,
      syncedAt: '2026-12-08T00:00:00.000Z',
      lastError: { code: 'catalog_sync_failed', at: '2026-12-08T00:01:00.000Z' },
    });
    await renderWithApi(<Screen />, api);
    const banner = await screen.findByTestId('catalog-managed');
    expect(banner.textContent).toContain('Catalog version 7 from the back office');
    expect(banner.textContent).toContain('could not be reached');
    expect(screen.queryByTestId('catalog-tab-import')).toBeNull();
  });

  it('keeps its own catalog and the import when no back office manages it', async () => {
    const api = tillWith({ managed: false, version: null, syncedAt: null, lastError: null });
    await renderWithApi(<Screen />, api);
    expect(await screen.findByTestId('catalog-tab-import')).toBeTruthy();
    expect(screen.queryByTestId('catalog-managed')).toBeNull();
  });
});
