import type { correctionCommands } from '@app/api/correction-contract';
import type { Handlers } from '../kernel/handlers';
import type { CorrectionService } from './correction-service';

export type CorrectionCommandName = keyof typeof correctionCommands;

/** Voids and refunds (issue #6), each one call into the correction service. */
export function correctionHandlers(
  corrections: CorrectionService,
): Pick<Handlers, CorrectionCommandName> {
  return {
    'correction.get': ({ saleId }) => corrections.view(saleId),
    'correction.find': ({ query }) => corrections.find(query),
    'correction.preview': ({ saleId, lines }) => corrections.preview(saleId, lines),
    'sale.void': ({ saleId, reason }) => corrections.voidSale(saleId, reason),
    'sale.refund': ({ saleId, lines, reason, restock }) =>
      corrections.refund(saleId, lines, reason, restock),
    'correction.pending': () => corrections.pending(),
    'correction.retry': () => corrections.retry(),
    'correction.cashInstead': () => corrections.cashInstead(),
    'correction.abandon': () => {
      corrections.abandon();
      return {};
    },
  };
}
