import type { SellingCommandName } from '@app/api/selling-contract';
import { DomainError } from '@app/result';
import type { Handlers } from '../kernel/handlers';
import type { ActionContext } from '../staff/session';
import type { MemberService } from '../members/member-service';
import type { StockService } from '../stock/stock-service';
import type { HeldSales } from './held-sales';

export interface SellingHandlerDeps {
  held: HeldSales;
  members: MemberService;
  stock: StockService;
}

const who = (context: ActionContext) => {
  if (!context.operator) throw new DomainError('login_required', 'Nobody is signed in');
  return context.operator;
};

/** Hold and recall, customers and member points, stock (issue #7). */
export function sellingHandlers(d: SellingHandlerDeps): Pick<Handlers, SellingCommandName> {
  return {
    'hold.park': ({ note }, c) => d.held.hold(who(c), note),
    'hold.list': () => d.held.list(),
    'hold.recall': ({ heldId }) => d.held.recall(heldId),
    'hold.discard': ({ heldId, reason }, c) => {
      d.held.discard(who(c), heldId, reason);
      return {};
    },
    'members.find': ({ query }, c) => d.members.find(query, c.operator),
    'members.add': (input, c) => d.members.add(input, c.operator),
    'members.attach': ({ customerId }, c) => d.members.attach(customerId, c.operator),
    'members.current': (_, c) => d.members.current(c.operator),
    'members.redeem': ({ points }, c) => d.members.redeem(points, c.operator),
    'members.setPointsRule': (rule) => d.members.setRule(rule),
    'stock.list': ({ lowOnly }) => d.stock.list(lowOnly),
    'stock.adjust': ({ productId, counted, reason }, c) =>
      d.stock.adjust(who(c), productId, counted, reason),
    'stock.setThreshold': ({ productId, threshold }) => {
      d.stock.setThreshold(productId, threshold);
      return {};
    },
  };
}
