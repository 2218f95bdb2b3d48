import type { CartView, Settings } from '@app/api/contract';
import { addProduct, emptyCart, removeLine, setQuantity } from '@app/cart/cart';
import type { Cart } from '@app/cart/cart-types';
import { cartView } from '@app/cart/cart-view';
import { newProduct } from '@app/catalog/product';
import type { Product } from '@app/catalog/product';
import { fail, ok } from '@app/result';
import type { Result } from '@app/result';
import { defaultTaxClasses } from '@app/tax/tax-class';
import { FakeApi } from './fake-api.test-support';

export const testSettings: Settings = {
  locale: 'en',
  shopName: 'Test Shop',
  currency: 'CNY',
  taxMode: 'inclusive',
  taxRounding: 'per-line',
  cashRoundingStep: 0,
  paperWidth: 80,
  receiptHeader: '',
  receiptFooter: '',
  shopAddress: '',
  taxClasses: defaultTaxClasses('en'),
};

export const COLA = newProduct({
  id: 'p-cola',
  sku: 'DRK0001',
  barcode: '6901234567892',
  nameEn: 'Cola 330ml',
  nameZh: '可乐 330毫升',
  priceMinor: 350,
  taxClass: 'standard',
});
export const CHIPS = newProduct({
  id: 'p-chips',
  sku: 'SNK0001',
  barcode: '6901234567908',
  nameEn: 'Potato chips original flavour 40g',
  nameZh: '薯片原味 40克',
  priceMinor: 650,
  taxClass: 'standard',
});

/**
 * A till behind the fake API: the real pure cart (app/cart) and totals, the few commands the
 * Sell screen sends, and cart.changed after each change, as main does.
 */
export function fakeTill(products: Product[] = [COLA, CHIPS]): {
  api: FakeApi;
  view: () => CartView;
} {
  let cart: Cart = emptyCart('CNY');
  let lastLineId: string | null = null;
  let nextLine = 1;
  // The till's own view of a cart (main builds it with the same function).
  const view = (): CartView => cartView(cart, testSettings, lastLineId);
  const api = new FakeApi();
  const changed = (next: Result<Cart>): Result<CartView> => {
    if (!next.ok) return next;
    cart = next.value;
    const shown = view();
    api.emit('cart.changed', shown);
    return ok(shown);
  };
  const add = (product: Product) => {
    lastLineId = `line-${String(nextLine++)}`;
    return changed(ok(addProduct(cart, product, lastLineId)));
  };
  api
    .answer('cart.get', () => ok(view()))
    .answer('cart.scan', ({ code }) => {
      const product = products.find((p) => p.barcode === code);
      return product
        ? add(product)
        : fail('unknown_barcode', `No product ${code}`, { barcode: code });
    })
    .answer('cart.addProduct', ({ productId }) => {
      const product = products.find((p) => p.id === productId);
      return product ? add(product) : fail('product_not_found', 'No such product');
    })
    .answer('cart.setQuantity', ({ lineId, quantity }) =>
      changed(setQuantity(cart, lineId, quantity)),
    )
    .answer('cart.removeLine', ({ lineId }) => changed(removeLine(cart, lineId)))
    .answer('cart.clear', () => changed(ok(emptyCart('CNY'))))
    .answer('members.current', () =>
      ok({
        customer: null,
        pointsRedeemed: 0,
        redeemedValueMinor: 0,
        rule: { earnMinorPerPoint: 100, redeemPoints: 100, redeemValueMinor: 100 },
      }),
    )
    .answer('hold.list', () => ok([]))
    .answer('correction.pending', () => ok(null))
    .answer('catalog.categories', () => ok([]))
    .answer('catalog.grid', () => ok({ products, hasMore: false }))
    .answer('catalog.search', ({ query }) =>
      ok(products.filter((p) => p.nameEn.toLowerCase().includes(query.toLowerCase()))),
    );
  return { api, view };
}
