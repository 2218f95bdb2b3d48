import type { CustomerView, MemberCartView, PointsRuleView } from '@app/api/contract';
import { pointsRuleSchema } from '@app/api/selling-schemas';
import type { Cart } from '@app/cart/cart-types';
import { lineDiscountOf, lineGross } from '@app/cart/cart';
import type { OperatorRef } from '@app/ledger/staff-detail';
import { defaultPointsRule, maskPhone, pointsEarned, redemptionValue } from '@app/members/points';
import type { PointsRule } from '@app/members/points';
import { DomainError } from '@app/result';
import type { SaleMember } from '@app/sale/sale';
import type { CartService } from '../cart/cart-service';
import type { SettingsStore } from '../settings/settings-store';
import type { Customer, CustomerStore } from './customer-store';
import type { PointsBook } from './points-book';

const RULE_KEY = 'members.pointsRule';

export interface MemberServiceDeps {
  customers: CustomerStore;
  points: PointsBook;
  cart: CartService;
  settings: SettingsStore;
  newId: () => string;
  now: () => Date;
  /** Whether a code is a product's barcode: a member card must not shadow a product. */
  isProductCode: (code: string) => boolean;
}

/** Only the owner sees a member's whole phone number; everyone else 138****1234. */
const seesPhone = (operator: OperatorRef | null): boolean => operator?.role === 'owner';

/**
 * Customers on a sale and their points (会员积分): find or add a member, attach them to the
 * cart (a scanned member card does it too), redeem points as the order discount. Points move
 * only through sale (and later refund) entries: see PointsBook.
 */
export class MemberService {
  constructor(private readonly deps: MemberServiceDeps) {}

  rule(): PointsRule {
    const saved = pointsRuleSchema.safeParse(this.deps.settings.getValue(RULE_KEY));
    return saved.success ? saved.data : defaultPointsRule;
  }

  setRule(rule: PointsRuleView): PointsRule {
    this.deps.settings.setValue(RULE_KEY, rule);
    return rule;
  }

  find(query: string, operator: OperatorRef | null): CustomerView[] {
    return this.deps.customers.find(query.trim()).map((c) => this.view(c, operator));
  }

  /** The quick "new member" form: the new member is attached to the current sale. */
  add(
    input: { name: string; phone: string; cardBarcode?: string | undefined },
    operator: OperatorRef | null,
  ): MemberCartView {
    const card = input.cardBarcode?.trim();
    if (card && this.deps.isProductCode(card)) {
      throw new DomainError('member_card_is_product', `${card} is a product barcode`, { card });
    }
    const customer = this.deps.customers.add({
      id: this.deps.newId(),
      name: input.name.trim(),
      phone: input.phone.trim(),
      cardBarcode: card || null,
      createdAt: this.deps.now().toISOString(),
    });
    return this.attach(customer.id, operator);
  }

  /** A scanned code that is a member card: attaches its member. Null when it is not one. */
  attachByCard(code: string): boolean {
    const customer = this.deps.customers.byCard(code.trim());
    if (!customer) return false;
    this.attach(customer.id, null);
    return true;
  }

  attach(customerId: string | null, operator: OperatorRef | null): MemberCartView {
    const { cart } = this.deps;
    const current = cart.current();
    const redeemed = current.member?.pointsRedeemed ?? 0;
    // A redemption belongs to its member: changing the member takes it back.
    const base: Cart = {
      ...current,
      orderDiscount: redeemed > 0 ? null : current.orderDiscount,
    };
    if (customerId === null) {
      const { member: _dropped, ...rest } = base;
      cart.load(rest);
      return this.current(operator);
    }
    if (!this.deps.customers.byId(customerId)) {
      throw new DomainError('customer_not_found', `No customer ${customerId}`);
    }
    cart.load({ ...base, member: { customerId, pointsRedeemed: 0 } });
    return this.current(operator);
  }

  current(operator: OperatorRef | null): MemberCartView {
    const cart = this.deps.cart.current();
    const rule = this.rule();
    const customer = cart.member ? this.deps.customers.byId(cart.member.customerId) : null;
    const redeemed = customer ? (cart.member?.pointsRedeemed ?? 0) : 0;
    return {
      customer: customer ? this.view(customer, operator) : null,
      pointsRedeemed: redeemed,
      redeemedValueMinor: redeemed > 0 ? (redemptionValue(redeemed, rule) ?? 0) : 0,
      rule,
    };
  }

  /** Points off the sale as its order discount; 0 takes a redemption back. */
  redeem(points: number, operator: OperatorRef | null): MemberCartView {
    const { cart } = this.deps;
    const current = cart.current();
    const member = current.member;
    if (!member) throw new DomainError('member_required', 'No member on this sale');
    if (points === 0) {
      cart.load({
        ...current,
        orderDiscount: member.pointsRedeemed > 0 ? null : current.orderDiscount,
        member: { ...member, pointsRedeemed: 0 },
      });
      return this.current(operator);
    }
    if (member.pointsRedeemed === 0 && current.orderDiscount !== null) {
      throw new DomainError('order_discount_in_use', 'The sale already has an order discount');
    }
    const rule = this.rule();
    const value = redemptionValue(points, rule);
    if (value === null) {
      throw new DomainError('points_not_whole', `${points} is not whole blocks`, {
        block: rule.redeemPoints,
      });
    }
    const balance = this.deps.points.balance(member.customerId);
    if (points > balance) {
      throw new DomainError('points_insufficient', `balance ${balance}`, { balance });
    }
    const base = current.lines.reduce((sum, l) => sum + lineGross(l) - lineDiscountOf(l), 0);
    if (value > base) {
      throw new DomainError('redemption_too_large', `worth ${value}, sale ${base}`, {
        maxPoints: Math.floor(base / rule.redeemValueMinor) * rule.redeemPoints,
      });
    }
    cart.load({
      ...current,
      orderDiscount: { kind: 'amount', minor: value },
      member: { ...member, pointsRedeemed: points },
    });
    return this.current(operator);
  }

  /**
   * What the sale records about its member: points earned on its total (after every discount,
   * the redemption included) and redeemed, and the balance after it. Refuses a redemption the
   * balance no longer covers (points spent on another till or sale since).
   */
  memberOf(cart: Cart, totalMinor: number): SaleMember | undefined {
    if (!cart.member) return undefined;
    const customer = this.deps.customers.byId(cart.member.customerId);
    if (!customer) throw new DomainError('customer_not_found', 'The member no longer exists');
    const balance = this.deps.points.balance(customer.id);
    const redeemed = cart.member.pointsRedeemed;
    if (redeemed > balance) {
      throw new DomainError('points_insufficient', `balance ${balance}`, { balance });
    }
    const earned = pointsEarned(totalMinor, this.rule());
    return {
      customerId: customer.id,
      name: customer.name,
      phoneMasked: maskPhone(customer.phone),
      pointsEarned: earned,
      pointsRedeemed: redeemed,
      balanceAfter: balance - redeemed + earned,
    };
  }

  private view(customer: Customer, operator: OperatorRef | null): CustomerView {
    const full = seesPhone(operator);
    return {
      id: customer.id,
      name: customer.name,
      phone: full ? customer.phone : maskPhone(customer.phone),
      phoneMasked: !full,
      cardBarcode: customer.cardBarcode,
      points: this.deps.points.balance(customer.id),
    };
  }
}
