import { stockMovesOf } from '@app/stock/stock-moves';
import type { Delivery, StockLevels } from '@app/sync/downsync-protocol';
import type { SqlDatabase } from '../store/sql';
import { followUploads } from '../members/derive-entries';
import type { EntryFollower } from '../members/derive-entries';

/** A till's sale, void or restocked refund moves stock in its shop, one row per line. */
const followStock: EntryFollower = async (tx, terminal, entry) => {
  const moves = stockMovesOf(entry);
  for (const [lineNo, move] of moves.entries()) {
    await tx.execute(
      `INSERT INTO stock_movements (merchant_id, shop_id, product_id, delta, kind, source_id,
         line_no, by_whom, at) VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8)
       ON CONFLICT (source_id, line_no) DO NOTHING`,
      [
        terminal.merchantId,
        terminal.shopId,
        move.productId,
        move.delta,
        entry.type,
        `${terminal.terminalId}:${entry.seq}`,
        lineNo,
        Date.parse(entry.at),
      ],
    );
  }
};

export type DeliveryOutcome = 'recorded' | 'replayed' | 'conflict' | 'unknown_shop';

/**
 * Receiving goods: each line adds stock in the shop, with who received it and when, in one
 * transaction. The same deliveryId again adds nothing (a retried request).
 */
export async function recordDelivery(
  db: SqlDatabase,
  delivery: Delivery,
): Promise<DeliveryOutcome> {
  const body = JSON.stringify(delivery);
  return db.transaction(async (tx): Promise<DeliveryOutcome> => {
    const shop = await tx.query<{ merchant_id: string }>(
      'SELECT merchant_id FROM shops WHERE shop_id = $1',
      [delivery.shopId],
    );
    const merchantId = shop[0]?.merchant_id;
    if (merchantId === undefined) return 'unknown_shop';
    const receivedAt = Date.parse(delivery.receivedAt);
    const inserted = await tx.execute(
      `INSERT INTO deliveries (delivery_id, merchant_id, shop_id, received_by, received_at, body)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (delivery_id) DO NOTHING`,
      [delivery.deliveryId, merchantId, delivery.shopId, delivery.receivedBy, receivedAt, body],
    );
    if (inserted === 0) {
      const earlier = await tx.query<{ body: string }>(
        'SELECT body FROM deliveries WHERE delivery_id = $1',
        [delivery.deliveryId],
      );
      return earlier[0]?.body === body ? 'replayed' : 'conflict';
    }
    for (const [lineNo, line] of delivery.lines.entries()) {
      await tx.execute(
        `INSERT INTO stock_movements (merchant_id, shop_id, product_id, delta, kind, source_id,
           line_no, by_whom, at) VALUES ($1, $2, $3, $4, 'delivery', $5, $6, $7, $8)`,
        [
          merchantId,
          delivery.shopId,
          line.productId,
          line.quantity,
          delivery.deliveryId,
          lineNo,
          delivery.receivedBy,
          receivedAt,
        ],
      );
    }
    return 'recorded';
  });
}

/** On hand per shop for these products, after every entry the merchant's tills uploaded. */
export async function stockLevels(
  db: SqlDatabase,
  merchantId: string,
  productIds: readonly string[],
): Promise<StockLevels> {
  await followUploads(db, 'stock', merchantId, followStock);
  if (productIds.length === 0) return { levels: [] };
  const rows = await db.query<{ product_id: string; shop_id: string; on_hand: unknown }>(
    `SELECT product_id, shop_id, sum(delta) AS on_hand FROM stock_movements
     WHERE merchant_id = $1 AND product_id IN (${productIds.map((_, i) => `$${i + 2}`).join(', ')})
     GROUP BY product_id, shop_id ORDER BY product_id, shop_id`,
    [merchantId, ...productIds],
  );
  return {
    levels: productIds.map((productId) => ({
      productId,
      shops: rows
        .filter((row) => row.product_id === productId)
        .map((row) => ({ shopId: row.shop_id, onHand: Number(row.on_hand) })),
    })),
  };
}
