import { z } from 'zod';
import { cartViewSchema } from './schemas';
import {
  customerViewSchema,
  heldSaleSchema,
  memberCardSchema,
  memberCartSchema,
  phoneSchema,
  pointsRuleSchema,
  stockRowSchema,
} from './selling-schemas';

const none = z.strictObject({});
const heldId = z.uuid();
const reason = z.string().trim().min(1).max(120);

/** Hold and recall, customers and member points, stock (issue #7); part of contract.ts. */
export const sellingCommands = {
  'hold.park': {
    summary: 'Parks the current sale with a note; the cart is emptied for the next customer.',
    input: z.strictObject({ note: z.string().trim().max(80) }),
    output: heldSaleSchema,
  },
  'hold.list': {
    summary: 'Held sales, oldest first, with note, time, cashier and total.',
    input: none,
    output: z.array(heldSaleSchema),
  },
  'hold.recall': {
    summary: 'Brings a held sale back into the (empty) cart; refused while the cart has lines.',
    input: z.strictObject({ heldId }),
    output: cartViewSchema,
  },
  'hold.discard': {
    summary: 'Throws a held sale away, with a reason recorded in the audit log.',
    input: z.strictObject({ heldId, reason }),
    output: z.object({}),
  },
  'members.find': {
    summary: 'Customers by phone number (or its end) or member card barcode.',
    input: z.strictObject({ query: z.string().trim().min(1).max(20) }),
    output: z.array(customerViewSchema),
  },
  'members.add': {
    summary: 'A new member: name, phone and an optional card barcode; attached to the sale.',
    input: z.strictObject({
      name: z.string().trim().min(1).max(60),
      phone: phoneSchema,
      cardBarcode: memberCardSchema.optional(),
    }),
    output: memberCartSchema,
  },
  'members.attach': {
    summary: 'Attaches a customer to the current sale (null detaches, with any redemption).',
    input: z.strictObject({ customerId: z.uuid().nullable() }),
    output: memberCartSchema,
  },
  'members.current': {
    summary: 'The customer on the current sale, their points and any redemption.',
    input: none,
    output: memberCartSchema,
  },
  'members.redeem': {
    summary: 'Redeems points as an order discount on the current sale (0 takes it back).',
    input: z.strictObject({ points: z.number().int().min(0).max(100_000_000) }),
    output: memberCartSchema,
  },
  'members.setPointsRule': {
    summary: 'The owner sets how points are earned and what they are worth.',
    input: pointsRuleSchema,
    output: pointsRuleSchema,
  },
  'stock.list': {
    summary:
      'Tracked products with their stock on hand; lowOnly: only those at or below threshold.',
    input: z.strictObject({ lowOnly: z.boolean().default(false) }),
    output: z.array(stockRowSchema),
  },
  'stock.adjust': {
    summary: 'Records a stock count (who, why, counted quantity) as a movement.',
    input: z.strictObject({
      productId: z.string().min(1).max(64),
      counted: z.number().int().min(0).max(1_000_000_000),
      reason,
    }),
    output: stockRowSchema,
  },
  'stock.setThreshold': {
    summary: 'Low-stock threshold of one product, or the default (no productId).',
    input: z.strictObject({
      productId: z.string().min(1).max(64).optional(),
      threshold: z.number().int().min(0).max(1_000_000_000),
    }),
    output: z.object({}),
  },
} as const;

export type SellingCommandName = keyof typeof sellingCommands;
