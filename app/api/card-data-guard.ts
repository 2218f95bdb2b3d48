import { findSensitiveData } from '../sync/sensitive-data';
import type { CommandName } from './names';

/**
 * Commands whose input is card data, or looks like it, by design; each is handled on its own
 * path and never stores what was typed: a wedge swipe (masked in main), a scan (a swipe read
 * as a scan is refused with `card_data_in_scan`), a QR payment code (sent to the host only),
 * and binding, whose merchant ID is 15 digits that may pass the Luhn check.
 */
export const cardDataCommands: ReadonlySet<CommandName> = new Set<CommandName>([
  'devices.wedgeSwipe',
  'cart.scan',
  'payment.qr',
  'sync.bind',
]);

/**
 * Where in a command's input a card number or track data is (upstream-sync-v1 "Card data":
 * the rule the host applies to every upload), or null. Every other command's text (notes,
 * names, references, reasons, product names) is refused before anything is saved: a number
 * typed there would otherwise sit on disk, in the saved payment session or the ledger.
 */
export function cardDataInInput(command: CommandName, input: unknown): string | null {
  if (cardDataCommands.has(command)) return null;
  return findSensitiveData(input);
}
