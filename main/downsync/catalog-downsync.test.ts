import { afterEach, describe, expect, it } from 'vitest';
import { newProduct } from '@app/catalog/product';
import { DomainError } from '@app/result';
import type { TestHost } from '@backoffice/host/test-host';
import { pgClusterForFile } from '@backoffice/catalog/downsync.test-support';
import { purgeTombstones, TOMBSTONE_RETENTION_MS } from '@backoffice/catalog/catalog-changes';
import { MERCHANT } from '@backoffice/host/test-support';
import { CatalogService } from '../catalog/catalog-service';
import {
  backOfficeProduct,
  catalogOf,
  downsyncTill,
  publish,
  startAnswerProxy,
  startDownsyncHost,
} from './downsync-test-support';
import type { DownsyncTill } from './downsync-test-support';

const postgres = pgClusterForFile();

const disposers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0).reverse()) await dispose();
});

async function hostOnPostgres(): Promise<TestHost> {
  const host = await startDownsyncHost(postgres.database('tills'));
  disposers.push(() => host.close());
  return host;
}

async function till(
  host: TestHost,
  terminalId: string,
  options: { hostUrl?: string; pageSize?: number } = {},
): Promise<DownsyncTill> {
  const bound = await downsyncTill(host, terminalId, options);
  disposers.push(() => bound.temp.dispose());
  return bound;
}

describe('catalog down-sync from the back office on PostgreSQL', () => {
  it('reaches three tills in order, one of them offline until later, each on the same catalog', async () => {
    const host = await hostOnPostgres();
    const tills = [
      await till(host, 'CTTILL0A'),
      await till(host, 'CTTILL0B'),
      await till(host, 'CTTILL0C'),
    ];
    const [a, b, c] = tills as [DownsyncTill, DownsyncTill, DownsyncTill];
    // Before the owner publishes anything the tills keep their own catalogs, editable.
    a.catalog.upsertMany([
      newProduct({
        id: 'own-1',
        sku: 'OWN1',
        barcode: '',
        nameEn: 'Own',
        nameZh: '自有',
        priceMinor: 50,
        taxClass: 'standard',
      }),
    ]);
    expect(await a.downsync.syncNow()).toMatchObject({ managed: false });

    expect(
      await publish(
        host,
        [1, 2, 3].map((n) => backOfficeProduct(n)),
      ),
    ).toBe(1);
    for (const each of tills)
      expect(await each.downsync.syncNow()).toMatchObject({ managed: true, version: 1 });
    // The back office's catalog replaces the till's own.
    expect(a.catalog.byId('own-1')).toBeNull();

    c.online = false;
    expect(await publish(host, [backOfficeProduct(2, 999)], ['p1'])).toBe(2);
    expect(await publish(host, [backOfficeProduct(4)])).toBe(3);
    for (const each of [a, b])
      expect(await each.downsync.syncNow()).toMatchObject({ version: 3, lastError: null });

    // Offline: the till keeps selling on version 1 and says why it is not newer.
    const offline = await c.downsync.syncNow();
    expect(offline).toMatchObject({ version: 1, lastError: { code: 'catalog_sync_failed' } });
    expect(c.catalog.byBarcode(backOfficeProduct(1).barcode)?.priceMinor).toBe(101);
    expect(c.catalog.byBarcode(backOfficeProduct(2).barcode)?.priceMinor).toBe(102);

    c.online = true;
    expect(await c.downsync.syncNow()).toMatchObject({ version: 3, lastError: null });
    expect(c.catalog.byBarcode(backOfficeProduct(1).barcode)).toBeNull();
    expect(c.catalog.byBarcode(backOfficeProduct(2).barcode)?.priceMinor).toBe(999);
    expect(c.catalog.search('Product 4', 5).map((p) => p.id)).toEqual(['p4']);
    expect(Object.keys(catalogOf(a)).sort()).toEqual(['p2', 'p3', 'p4']);
    expect(catalogOf(b)).toEqual(catalogOf(a));
    expect(catalogOf(c)).toEqual(catalogOf(a));
  }, 60_000);

  it("refuses the till's own catalog edits while the back office manages it", async () => {
    const host = await hostOnPostgres();
    const a = await till(host, 'CTTILL0A');
    const service = new CatalogService({
      catalog: a.catalog,
      settings: a.settings,
      changed: () => undefined,
      assertEditable: () => a.downsync.assertEditable(),
    });
    await publish(host, [backOfficeProduct(1)]);
    await a.downsync.syncNow();
    const edit = (): unknown => service.setActive('p1', false);
    expect(edit).toThrow(DomainError);
    expect(edit).toThrow(expect.objectContaining({ code: 'catalog_managed' }));
    expect(a.catalog.byId('p1')?.active).toBe(true);
    expect(service.setFavourite('p1', true).favourite).toBe(true);
    // A page applied later keeps the till's favourite.
    await publish(host, [backOfficeProduct(1, 555)]);
    await a.downsync.syncNow();
    expect(a.catalog.byId('p1')).toMatchObject({ priceMinor: 555, favourite: true });
  }, 60_000);

  it('refuses an answer altered on the way or replayed, and applies nothing of it', async () => {
    const host = await hostOnPostgres();
    const proxy = await startAnswerProxy(host.url);
    disposers.push(() => proxy.close());
    const a = await till(host, 'CTTILL0A', { hostUrl: proxy.url });
    await publish(host, [backOfficeProduct(1)]);
    expect(await a.downsync.syncNow()).toMatchObject({ version: 1 });
    const before = catalogOf(a);

    await publish(host, [backOfficeProduct(1, 777)]);
    proxy.setMode('alter');
    expect(await a.downsync.syncNow()).toMatchObject({
      version: 1,
      lastError: { code: 'answer_signature_invalid' },
    });
    expect(catalogOf(a)).toEqual(before);

    // The answer that brought version 1, sent again for the next request.
    proxy.setMode('replay');
    expect(await a.downsync.syncNow()).toMatchObject({
      version: 1,
      lastError: { code: 'answer_signature_invalid' },
    });
    expect(catalogOf(a)).toEqual(before);

    proxy.setMode('pass');
    expect(await a.downsync.syncNow()).toMatchObject({ version: 2, lastError: null });
    expect(a.catalog.byId('p1')?.priceMinor).toBe(777);
  }, 60_000);

  it('reloads a till away longer than the tombstones are kept, page by page, dropping what went', async () => {
    const host = await hostOnPostgres();
    const a = await till(host, 'CTTILL0A', { pageSize: 2 });
    await publish(
      host,
      [1, 2, 3, 4, 5].map((n) => backOfficeProduct(n)),
    );
    expect(await a.downsync.syncNow()).toMatchObject({ version: 1 });

    a.online = false;
    await publish(host, [backOfficeProduct(6)], ['p2', 'p4']);
    const later = Date.now() + TOMBSTONE_RETENTION_MS + 1;
    expect(await purgeTombstones(host.db, MERCHANT.merchantId, later)).toBe(2);

    a.online = true;
    expect(await a.downsync.syncNow()).toMatchObject({ version: 2, snapshotting: false });
    expect(Object.keys(catalogOf(a)).sort()).toEqual(['p1', 'p3', 'p5', 'p6']);
  }, 60_000);
});
