import type { RequestedLine } from '@app/corrections/correction-plan';
import { locales, messages } from '@app/i18n/messages';
import type { Locale } from '@app/i18n/messages';

/** Units chosen per sale line in the refund dialog; a line not in the map is 0. */
export type Quantities = Readonly<Record<string, number>>;

/** The reason's quick choices; "other" takes its text from the free field alone. */
export const reasonChoices = ['damaged', 'wrongItem', 'changedMind', 'other'] as const;
export type ReasonChoice = (typeof reasonChoices)[number];

/** What main accepts as a reason (app/api/correction-contract.ts). */
export const REASON_MAX = 120;

const clamp = (value: number, left: number): number =>
  Math.min(Math.max(Math.trunc(value), 0), Math.max(left, 0));

/** The line's units set to `value`, kept within 0..left: the stepper never offers more. */
export function setUnits(q: Quantities, lineId: string, value: number, left: number): Quantities {
  if (!Number.isFinite(value)) return q;
  return { ...q, [lineId]: clamp(value, left) };
}

/** Everything still returnable, line by line ("All"). */
export function allLeft(lines: readonly { lineId: string; left: number }[]): Quantities {
  return Object.fromEntries(lines.filter((l) => l.left > 0).map((l) => [l.lineId, l.left]));
}

/** The lines to send to correction.preview / sale.refund: only those with units chosen. */
export function requestedLines(q: Quantities): RequestedLine[] {
  return Object.entries(q)
    .filter(([, quantity]) => quantity > 0)
    .map(([lineId, quantity]) => ({ lineId, quantity }));
}

/**
 * The reason as the ledger keeps it: the quick choice's label, with the cashier's words after
 * it when there are any ("Damaged: box crushed"); for "other" (or no choice) the words alone. Never longer
 * than main accepts, so a long text is cut rather than refused at the last step.
 */
export function composeReason(choice: ReasonChoice | null, label: string, text: string): string {
  const words = text.trim().replace(/\s+/g, ' ');
  const reason =
    choice === null || choice === 'other' ? words : words === '' ? label : `${label}: ${words}`;
  return reason.slice(0, REASON_MAX).trim();
}

/**
 * A stored reason in another language: the quick choice's label as it was kept ("Wrong item",
 * "拿错商品: 盒子压坏") is given in `locale`; the cashier's own words stay as typed.
 */
export function reasonIn(locale: Locale, stored: string): string {
  for (const choice of reasonChoices) {
    if (choice === 'other') continue;
    const key = `correction.reason.${choice}` as const;
    for (const from of locales) {
      const label = messages[from][key];
      if (stored === label) return messages[locale][key];
      if (stored.startsWith(`${label}: `)) {
        return `${messages[locale][key]}: ${stored.slice(label.length + 2)}`;
      }
    }
  }
  return stored;
}
