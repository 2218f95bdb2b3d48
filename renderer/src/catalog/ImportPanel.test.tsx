// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '@app/api/contract';
import { fail, ok } from '@app/result';
import { useNotify } from '../common/notices';
import { FakeApi } from '../testing/fake-api.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { ImportPanel } from './ImportPanel';

const preview: ImportPreview = {
  importId: 'imp-1',
  fileName: 'prices.csv',
  encoding: 'utf-8',
  rows: 2,
  added: 0,
  changed: 1,
  unchanged: 1,
  refusedCount: 0,
  newCategories: [],
  ignoredColumns: [],
  addSample: [],
  changeSample: [
    {
      line: 2,
      sku: 'DRK0001',
      nameEn: 'Cola 330ml',
      nameZh: '可乐 330毫升',
      priceMinor: 380,
      fields: ['priceMinor', 'taxClass'],
    },
  ],
  refused: [],
};

function Panel() {
  return <ImportPanel notify={useNotify()} />;
}

const csvFile = () => new File(['sku,price\nDRK0001,3.80\n'], 'prices.csv', { type: 'text/csv' });

describe('ImportPanel', () => {
  it("lists each changed product's changed fields in the dry run", async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .answer('catalog.importUpload', () => ok({ received: 24 }))
      .answer('catalog.importDryRun', () => ok(preview));
    await renderWithApi(<Panel />, api);
    await user.upload(screen.getByTestId('import-file'), csvFile());
    const row = await screen.findByTestId('import-changed-row');
    expect(within(row).getByText('DRK0001')).toBeTruthy();
    expect(row.textContent).toContain('Price, Tax');
    expect(screen.getByTestId('import-changed').textContent).toBe('1');
  });

  it('says why the dry run failed and shows no plan', async () => {
    const user = userEvent.setup();
    const api = new FakeApi()
      .answer('catalog.importUpload', () => ok({ received: 24 }))
      .answer('catalog.importDryRun', () =>
        fail('csv_header', 'missing name_en', { missing: 'name_en' }),
      );
    await renderWithApi(<Panel />, api);
    await user.upload(screen.getByTestId('import-file'), csvFile());
    expect((await screen.findByTestId('notice-text')).textContent).toContain('missing: name_en');
    expect(screen.queryByTestId('import-preview')).toBeNull();
  });
});
