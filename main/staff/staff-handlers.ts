import type { CartView, ShiftView } from '@app/api/contract';
import type { StaffCommandName } from '@app/api/staff-contract';
import type { Discount } from '@app/cart/cart-types';
import type { OperatorRef } from '@app/ledger/staff-detail';
import { isOverDiscountLimit } from '@app/staff/policy';
import { DomainError } from '@app/result';
import type { Handlers } from '../kernel/handlers';
import type { CartService } from '../cart/cart-service';
import type { AuditLog } from './audit-log';
import type { SaleOverrides } from './sale-overrides';
import type { ActionContext, SessionService } from './session';
import type { ShiftService } from './shift-service';
import type { StaffService } from './staff-service';

export interface StaffHandlerDeps {
  session: SessionService;
  staff: StaffService;
  shifts: ShiftService;
  audit: AuditLog;
  cart: CartService;
  overrides: SaleOverrides;
}

type StaffCommand = StaffCommandName;

const who = (context: ActionContext): OperatorRef => {
  if (!context.operator) throw new DomainError('login_required', 'Nobody is signed in');
  return context.operator;
};

/** The staff, session, audit and shift commands. */
export function createStaffHandlers(d: StaffHandlerDeps): Pick<Handlers, StaffCommand> {
  const shiftView = (operator: OperatorRef): ShiftView => {
    const open = d.shifts.current();
    const own = open?.operator.id === operator.id;
    return {
      open: open
        ? { id: open.id, operatorName: open.operator.name, openedAt: open.openedAt, own }
        : null,
      totals: own ? (d.shifts.totals(operator)?.totals ?? null) : null,
    };
  };
  return {
    'session.status': () => d.session.view(),
    'session.users': () =>
      d.staff
        .list()
        .filter((u) => u.active)
        .map(({ id, name, role }) => ({ id, name, role })),
    'session.login': ({ userId, pin }) => d.session.login(userId, pin),
    'session.lock': () => d.session.lock('manual'),
    'session.logout': () => d.session.logout(),
    'session.setLanguage': ({ language }) => d.session.setLanguage(language),
    'session.override': async ({ approverId, pin, permission }) => {
      await d.session.grantOverride(approverId, pin, permission);
      return {};
    },
    'setup.complete': async ({ ownerName, pin, ...settings }) => {
      const owner = await d.staff.setup({ ownerName, pin, settings });
      await d.session.login(owner.id, pin);
      // The owner set the shop up in this language: it is theirs on screen too.
      return d.session.setLanguage(settings.locale);
    },
    'staff.list': () => d.staff.list(),
    'staff.add': ({ name, role, pin }, c) => d.staff.add(c.operator, name, role, pin),
    'staff.update': ({ userId, role, active }, c) =>
      d.staff.update(c.operator, userId, {
        ...(role === undefined ? {} : { role }),
        ...(active === undefined ? {} : { active }),
      }),
    'staff.resetPin': ({ userId, pin }, c) => d.staff.resetPin(c.operator, userId, pin),
    'staff.unlock': ({ userId }, c) => d.staff.unlock(c.operator, userId),
    'staff.policy': () => d.staff.policy(),
    'staff.setPolicy': (patch, c) => d.staff.setPolicy(c.operator, patch),
    'audit.list': ({ limit, beforeId }) => d.audit.list(limit, beforeId),
    'shift.current': (_, c) => shiftView(who(c)),
    'shift.open': ({ floatMinor }, c) => {
      d.shifts.open(who(c), floatMinor);
      return shiftView(who(c));
    },
    'shift.payIn': ({ amountMinor, reason }, c) => {
      d.shifts.payIn(who(c), amountMinor, reason, c.override);
      return shiftView(who(c));
    },
    'shift.payOut': ({ amountMinor, reason }, c) => {
      d.shifts.payOut(who(c), amountMinor, reason, c.override);
      return shiftView(who(c));
    },
    'shift.drop': ({ amountMinor, reason }, c) => {
      d.shifts.drop(who(c), amountMinor, reason, c.override);
      return shiftView(who(c));
    },
    'shift.close': ({ denominations, counted }, c) => {
      const operator = who(c);
      return d.shifts.close(operator, denominations, counted, () => {
        if (operator.role === 'owner') return operator;
        return d.session.takeOverride('shift.approveDifference', 'shift.close')?.by ?? null;
      });
    },
  };
}

/**
 * Existing commands the staff rules change: a discount beyond the owner's limit needs
 * `discount.overLimit` (or an override, recorded with the sale); a drawer opened with no sale
 * is a no_sale entry; settings changes are audited with what changed.
 */
export function withStaffRules(
  base: Omit<Handlers, StaffCommandName>,
  d: StaffHandlerDeps,
): Handlers {
  const checkDiscount = (discount: Discount | null, baseMinor: number, object: string): void => {
    if (discount === null) return;
    if (!isOverDiscountLimit(discount, baseMinor, d.staff.policy())) return;
    const context = d.session.authorize('discount.overLimit', object);
    if (context.override) d.overrides.add(context.override);
  };
  const lineBase = (view: CartView, lineId: string): number =>
    view.lineTotals.find((l) => l.lineId === lineId)?.grossMinor ?? 0;
  const orderBase = (view: CartView): number =>
    view.lineTotals.reduce((sum, l) => sum + l.grossMinor - l.lineDiscountMinor, 0);
  return {
    ...base,
    'cart.setLineDiscount': (input, context) => {
      checkDiscount(input.discount, lineBase(d.cart.view(), input.lineId), 'cart.setLineDiscount');
      return base['cart.setLineDiscount'](input, context);
    },
    'cart.setOrderDiscount': (input, context) => {
      checkDiscount(input.discount, orderBase(d.cart.view()), 'cart.setOrderDiscount');
      return base['cart.setOrderDiscount'](input, context);
    },
    'printer.kickDrawer': async (input, context) => {
      const status = await base['printer.kickDrawer'](input, context);
      d.shifts.noSale(who(context), context.override);
      return status;
    },
    'settings.update': async (input, context) => {
      const next = await base['settings.update'](input, context);
      d.audit.record({
        user: context.operator,
        action: 'settings_change',
        detail: { keys: Object.keys(input).join(',') },
      });
      return next;
    },
    ...createStaffHandlers(d),
  };
}
