import { z } from 'zod';
import { command } from './command';
import { riskRulesInputSchema, riskViewSchema } from './payment-schemas';

const none = z.strictObject({});

/** The owner's risk rules (issue #6); part of contract.ts's commands. */
export const riskCommands = {
  'risk.get': command(
    "The owner's risk rules, the number of blocked cards and the latest refusals.",
    none,
    riskViewSchema,
  ),
  'risk.set': command(
    'Sets the risk rules (limits per tender, blocked card ranges, velocity, refund window).',
    riskRulesInputSchema,
    riskViewSchema,
  ),
  'risk.blockSwipedCard': command(
    'Blocks the card just swiped on the reader (kept as a keyed hash, never the number).',
    none,
    riskViewSchema,
  ),
  'risk.unblockCards': command('Clears the list of blocked cards.', none, riskViewSchema),
} as const;
