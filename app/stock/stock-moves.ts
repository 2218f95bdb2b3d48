import { z } from 'zod';
import type { LedgerEntry } from '../ledger/entry';

const saleLineSchema = z.object({
  productId: z.string(),
  quantity: z.number().int(),
  measure: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('weight'), grams: z.number().int() }),
      z.object({ kind: z.literal('labelPrice') }),
    ])
    .optional(),
});

/**
 * How one ledger entry moves stock, per line: a sale's lines leave stock; a void's, or a
 * refund's marked `restock`, come back. Weighed lines count grams. The till and the back
 * office both derive stock from entries with this.
 */
export function stockMovesOf(
  entry: Pick<LedgerEntry, 'type' | 'detail'>,
): { productId: string; delta: number; back: boolean }[] {
  const back = entry.type === 'void' || (entry.type === 'refund' && entry.detail.restock === true);
  if (entry.type !== 'sale' && !back) return [];
  const lines = z.array(saleLineSchema).safeParse(entry.detail.lines);
  if (!lines.success) return [];
  return lines.data.map((line) => {
    const amount =
      line.measure?.kind === 'weight' ? line.measure.grams * line.quantity : line.quantity;
    return { productId: line.productId, delta: back ? amount : -amount, back };
  });
}
