import { randomUUID } from 'node:crypto';
import type { Cart, Discount } from '@app/cart/cart-types';
import type { CartView } from '@app/api/contract';
import {
  addMeasuredProduct,
  addProduct,
  emptyCart,
  isGrams,
  removeLine,
  setLineDiscount,
  setOrderDiscount,
  setQuantity,
} from '@app/cart/cart';
import { isValidGtin } from '@app/catalog/gtin';
import type { Product } from '@app/catalog/product';
import { decodeEmbeddedBarcode } from '@app/barcode/embedded';
import type { EmbeddedConfig } from '@app/barcode/embedded';
import { DomainError } from '@app/result';
import type { Result } from '@app/result';
import type { LedgerEntry } from '@app/ledger/entry';
import type { CatalogStore } from '../catalog/catalog-store';
import type { SettingsStore } from '../settings/settings-store';
import type { EventBus } from '../kernel/event-bus';
import { cartView } from '@app/cart/cart-view';

const CART_KEY = 'cart.current';

/**
 * The sale in progress. It lives in main, not the renderer, and is saved on every change
 * (without an fsync of its own: a crash of the process keeps it, a power cut may lose the
 * last edits), so a reloaded window or a restarted app finds the cashier's cart where it
 * was. The cart carries the id its sale will have; the sale's commit consumes it in the
 * same transaction (`consume`), so a sold cart can never come back.
 */
export class CartService {
  private stored: Cart;
  private lastLineId: string | null = null;
  /** The empty cart written by `consume` in a commit not yet published. */
  private consumed: { saleId: string; next: Cart } | null = null;
  /** Set while the cart's sale has an unknown outcome: no edit until it is resolved. */
  private outcomePending = false;

  constructor(
    private readonly catalog: CatalogStore,
    private readonly settings: SettingsStore,
    private readonly bus: EventBus,
    /** The shop's scale label layouts (prefixes 20–29), read at each scan. */
    private readonly scaleLabels: () => EmbeddedConfig = () => ({}),
  ) {
    const saved = settings.getValue(CART_KEY) as Cart | undefined;
    this.stored = withSaleId(saved ?? emptyCart(settings.get().currency));
  }

  /** An empty cart is in the shop's currency, also right after set-up or a change of it. */
  private get cart(): Cart {
    const { currency } = this.settings.get();
    if (this.stored.lines.length === 0 && this.stored.currency !== currency) {
      this.stored = { ...this.stored, currency };
    }
    return this.stored;
  }

  private set cart(cart: Cart) {
    this.stored = cart;
  }

  current(): Cart {
    return this.cart;
  }

  /** The id the sale of this cart will have. */
  saleId(): string {
    return withSaleId(this.cart).saleId;
  }

  view(): CartView {
    return {
      ...cartView(this.cart, this.settings.get(), this.lastLineId),
      saleId: this.saleId(),
      outcomePending: this.outcomePending,
    };
  }

  /**
   * In-transaction follower of `sale` entries: the sale of this cart's id consumes it; the
   * empty cart for the next customer is written in the sale's own transaction.
   */
  consume(entry: LedgerEntry): void {
    if (entry.id !== this.cart.saleId) return;
    const next = withSaleId(emptyCart(this.settings.get().currency));
    this.settings.setValue(CART_KEY, next);
    this.consumed = { saleId: entry.id, next };
  }

  /**
   * After the sale of this cart is published: the till shows the empty cart `consume` wrote.
   * A sale found committed without this process consuming it (at start-up, or after an
   * unknown outcome) empties the cart here instead.
   */
  committed(entry: LedgerEntry): void {
    if (entry.id !== this.cart.saleId) return;
    const consumed = this.consumed?.saleId === entry.id ? this.consumed.next : null;
    this.consumed = null;
    this.outcomePending = false;
    const next = consumed ?? withSaleId(emptyCart(this.settings.get().currency));
    if (!consumed) this.settings.setWorkValue(CART_KEY, next);
    this.replace(next, null);
  }

  /**
   * The commit of this cart's sale ended in an unknown outcome: the cart stays locked to
   * that sale id until the sale is found committed or committed again.
   */
  lockForOutcome(): void {
    this.outcomePending = true;
    this.consumed = null;
    this.bus.emit('cart.changed', this.view());
  }

  /** The sale was not on disk after all: the cart is the cashier's again. */
  unlock(): void {
    this.outcomePending = false;
  }

  isOutcomePending(): boolean {
    return this.outcomePending;
  }

  scan(rawCode: string): CartView {
    const code = rawCode.trim();
    // A card swipe that reached the scan field (a reader slowed down mid-burst): refused
    // without echoing it, so no part of a card number reaches the screen or the log.
    if (looksLikeTrackData(code)) {
      throw new DomainError('card_data_in_scan', 'A card swipe arrived as a scan');
    }
    if (!/^\d{8,14}$/.test(code) || !isValidGtin(code)) {
      throw new DomainError('invalid_barcode', `Not a valid barcode: ${code}`, { barcode: code });
    }
    const embedded = this.scanEmbedded(code);
    if (embedded) return embedded;
    const product = this.catalog.byBarcode(code);
    if (!product)
      throw new DomainError('unknown_barcode', `No product has barcode ${code}`, { barcode: code });
    return this.addSellable(product, 1);
  }

  /**
   * A scale's label (restricted-circulation EAN-13, prefix 20–29 with a layout in the shop's
   * settings): the item by its scale item code (PLU), with the price or weight in the code.
   * Null when the code is not such a label; a code the shop registered as a plain barcode
   * still finds its product.
   */
  private scanEmbedded(code: string): CartView | null {
    // Only a restricted-circulation EAN-13 (prefix 2x) can be a scale's label: the shop's
    // layouts are read for those alone, not at every scan of a packaged product.
    const layouts = /^2\d{12}$/.test(code) ? this.scaleLabels() : {};
    const decoded = decodeEmbeddedBarcode(code, layouts);
    if (!decoded.ok) {
      if (decoded.error.code === 'price_check_mismatch') {
        throw new DomainError('invalid_barcode', `price check digit wrong in ${code}`, {
          barcode: code,
        });
      }
      return null;
    }
    const label = decoded.value;
    const product = this.catalog.byPlu(label.itemCode);
    if (!product) {
      if (this.catalog.byBarcode(code)) return null;
      throw new DomainError('unknown_item_code', `No product has item code ${label.itemCode}`, {
        plu: label.itemCode,
        barcode: code,
      });
    }
    assertSellable(product);
    if (label.measure === 'weight') {
      if (product.unit !== 'kg') {
        throw new DomainError('weight_for_piece_item', `${product.sku} is sold by the piece`, {
          barcode: code,
          name: nameOf(product),
        });
      }
      if (!isGrams(label.grams)) {
        throw new DomainError('invalid_weight', `label ${code} weighs ${label.grams} g`);
      }
      return this.addMeasured(product, { grams: label.grams }, code);
    }
    return this.addMeasured(product, { labelPriceMinor: label.priceMinor }, code);
  }

  addProductById(productId: string, quantity = 1, grams?: number): CartView {
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > 9999) {
      throw new DomainError('invalid_quantity', `Invalid quantity ${quantity}`, { quantity });
    }
    const product = this.catalog.byId(productId);
    if (!product) throw new DomainError('product_not_found', `No product ${productId}`);
    return this.addSellable(product, quantity, grams);
  }

  private addSellable(product: Product, quantity: number, grams?: number): CartView {
    assertSellable(product);
    if (product.unit === 'kg') {
      if (grams === undefined) {
        throw new DomainError('weight_required', `${product.sku} is sold by weight`, {
          name: nameOf(product),
          productId: product.id,
        });
      }
      if (!isGrams(grams)) throw new DomainError('invalid_weight', `Invalid weight ${grams} g`);
      return this.addMeasured(product, { grams });
    }
    const next = addProduct(this.cart, product, randomUUID(), quantity);
    // A repeat scan adds to the product's undiscounted line; show that line as the last one.
    const touched = next.lines.find(
      (l) => l.productId === product.id && l.discount === null && l.measure === undefined,
    );
    return this.commit(next, touched?.lineId ?? next.lines.at(-1)?.lineId ?? null);
  }

  private addMeasured(
    product: Product,
    measured: { grams: number } | { labelPriceMinor: number },
    barcode?: string,
  ): CartView {
    const lineId = randomUUID();
    return this.commit(addMeasuredProduct(this.cart, product, lineId, measured, barcode), lineId);
  }

  setQuantity(lineId: string, quantity: number): CartView {
    return this.apply(setQuantity(this.cart, lineId, quantity), lineId);
  }

  removeLine(lineId: string): CartView {
    return this.apply(removeLine(this.cart, lineId), null);
  }

  setLineDiscount(lineId: string, discount: Discount | null): CartView {
    return this.apply(setLineDiscount(this.cart, lineId, discount), lineId);
  }

  setOrderDiscount(discount: Discount | null): CartView {
    return this.apply(setOrderDiscount(this.cart, discount), this.lastLineId);
  }

  /** Empties the cart (a cancelled sale); the next sale gets an id of its own. */
  clear(): CartView {
    return this.commit(withSaleId(emptyCart(this.settings.get().currency)), null);
  }

  /** Replaces the cart (a recalled held sale, a member attached or a redemption). */
  load(cart: Cart): CartView {
    return this.commit(withSaleId(cart), cart.lines.at(-1)?.lineId ?? null);
  }

  private apply(result: Result<Cart>, lastLineId: string | null): CartView {
    if (!result.ok)
      throw new DomainError(result.error.code, result.error.message, result.error.params);
    return this.commit(result.value, lastLineId);
  }

  private commit(next: Cart, lastLineId: string | null): CartView {
    if (this.outcomePending) {
      throw new DomainError('sale_outcome_pending', `sale ${this.saleId()} is being checked`);
    }
    const cart = withoutStaleRedemption(this.cart, {
      ...next,
      saleId: next.saleId ?? this.saleId(),
    });
    this.settings.setWorkValue(CART_KEY, cart);
    return this.replace(cart, lastLineId);
  }

  private replace(cart: Cart, lastLineId: string | null): CartView {
    this.cart = cart;
    this.lastLineId = lastLineId;
    const view = this.view();
    this.bus.emit('cart.changed', view);
    return view;
  }
}

/** A cart saved before carts carried their sale's id gets one. */
const withSaleId = (cart: Cart): Cart & { saleId: string } =>
  cart.saleId === undefined ? { ...cart, saleId: randomUUID() } : { ...cart, saleId: cart.saleId };

/**
 * Points redeemed became the order discount for the lines as they were: when the lines or
 * the order discount change afterwards, the redemption is taken back (the points stay with
 * the customer) rather than be worth more or less than it was given for.
 */
function withoutStaleRedemption(before: Cart, next: Cart): Cart {
  const member = next.member;
  if (!member || member.pointsRedeemed === 0) return next;
  if (before.member?.pointsRedeemed !== member.pointsRedeemed) return next;
  const sameDiscount = JSON.stringify(before.orderDiscount) === JSON.stringify(next.orderDiscount);
  if (before.lines === next.lines && sameDiscount) return next;
  // A discount the cashier set replaces the redemption; changed lines void it.
  return {
    ...next,
    orderDiscount: sameDiscount ? null : next.orderDiscount,
    member: { ...member, pointsRedeemed: 0 },
  };
}

/** Track sentinels or separators, or a digit run as long as a card number's. */
const looksLikeTrackData = (code: string): boolean => /[%;=^?]|\d{15}/.test(code);

const nameOf = (product: Product): string => `${product.nameEn} (${product.nameZh})`;

/** A deactivated product stays in the catalog for history but is not sold. */
function assertSellable(product: Product): void {
  if (!product.active) {
    throw new DomainError('product_inactive', `${product.sku} is inactive`, {
      name: nameOf(product),
    });
  }
}
