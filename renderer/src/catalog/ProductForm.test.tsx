// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { newProduct } from '@app/catalog/product';
import { fail, ok } from '@app/result';
import { useNotify } from '../common/notices';
import { FakeApi } from '../testing/fake-api.test-support';
import { testSettings } from '../testing/fake-till.test-support';
import { renderWithApi } from '../testing/render.test-support';
import { ProductForm } from './ProductForm';

function NewProduct({ onClose }: { onClose: () => void }) {
  return (
    <ProductForm
      product={null}
      categories={[]}
      currency="CNY"
      notify={useNotify()}
      onClose={onClose}
    />
  );
}

const typed = {
  sku: 'TEA0001',
  barcode: '6901234567915',
  nameEn: 'Green tea 500ml',
  nameZh: '绿茶 500毫升',
  price: '4.50',
} as const;

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  for (const [field, value] of Object.entries(typed)) {
    await user.type(screen.getByTestId(`product-${field}`), value);
  }
  await user.click(screen.getByTestId('product-save'));
}

const value = (field: string) => screen.getByTestId<HTMLInputElement>(`product-${field}`).value;

const catalogApi = () => new FakeApi().answer('settings.get', () => ok(testSettings));

describe('ProductForm', () => {
  it('adds a product with its price in minor units and closes', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    const api = catalogApi().answer('catalog.save', ({ product }) =>
      ok(
        newProduct({
          id: 'p-tea',
          sku: product.sku,
          barcode: product.barcode,
          nameEn: product.nameEn,
          nameZh: product.nameZh,
          priceMinor: product.priceMinor ?? 0,
          taxClass: product.taxClass,
        }),
      ),
    );
    await renderWithApi(<NewProduct onClose={onClose} />, api);
    await fillIn(user);
    expect((await screen.findByTestId('notice-text')).textContent).toBe('Saved TEA0001');
    const [sent] = api.inputsOf('catalog.save');
    expect(sent?.product).toMatchObject({
      id: null,
      sku: 'TEA0001',
      priceMinor: 450,
      taxClass: testSettings.taxClasses[0]?.id,
    });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('says whose barcode it is and keeps the form filled in', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    const api = catalogApi().answer('catalog.save', ({ product }) =>
      fail('duplicate_barcode', 'taken', { barcode: product.barcode, sku: 'DRK0001' }),
    );
    await renderWithApi(<NewProduct onClose={onClose} />, api);
    await fillIn(user);
    expect((await screen.findByTestId('product-error')).textContent).toBe(
      'Barcode 6901234567915 already belongs to DRK0001.',
    );
    for (const [field, text] of Object.entries(typed)) expect(value(field)).toBe(text);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('refuses a price it cannot read before asking main', async () => {
    const user = userEvent.setup();
    const api = catalogApi();
    await renderWithApi(<NewProduct onClose={() => undefined} />, api);
    await user.type(screen.getByTestId('product-price'), '4,5.0');
    await user.click(screen.getByTestId('product-save'));
    expect((await screen.findByTestId('product-error')).textContent).toContain('4,5.0');
    expect(api.inputsOf('catalog.save')).toEqual([]);
    expect(value('price')).toBe('4,5.0');
  });
});
