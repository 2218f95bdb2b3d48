import { toDecimalString } from '@app/money/format';
import type { CurrencyCode } from '@app/money/currency';
import { fitCentre, fitLeft, leftRight, toDisplayAscii } from './display-text';

/** A 2×20 customer display's contents: two lines of exactly 20 printable ASCII characters. */
export type PoleScreen = readonly [top: string, bottom: string];

export const POLE_COLUMNS = 20;
export const POLE_ROWS = 2;

/** The words the screens use. ASCII only (see display-text.ts); Chinese cannot be shown. */
export interface PoleLabels {
  total: string;
  change: string;
  thankYou: string;
}

export interface PoleScreenOptions {
  labels: PoleLabels;
  /** Put before amounts; the display's table has no ¥ we can rely on, so "RMB". */
  /** What goes before an amount; a currency not listed shows its code. */
  currencyPrefix: Readonly<Partial<Record<CurrencyCode, string>>>;
}

export const defaultPoleScreenOptions: PoleScreenOptions = {
  labels: { total: 'TOTAL', change: 'CHANGE', thankYou: 'THANK YOU' },
  currencyPrefix: { CNY: 'RMB ', USD: '$', EUR: 'EUR ', HKD: 'HK$', JPY: 'JPY ' },
};

/** "Coca-Cola 330ml 3.50" / "TOTAL      RMB 12.84": the line just scanned, and the total. */
export function lastItemScreen(
  item: {
    /** Prefer the product's English name: Chinese characters come out as "?". */
    name: string;
    quantity: number;
    /** The line's amount (quantity × price, after discounts), minor units. */
    lineTotalMinor: number;
    /** The sale's total so far, minor units. */
    totalMinor: number;
    currency: CurrencyCode;
  },
  options: PoleScreenOptions = defaultPoleScreenOptions,
): PoleScreen {
  const quantity = item.quantity === 1 ? '' : `${item.quantity}x `;
  const top = leftRight(
    quantity + toDisplayAscii(item.name),
    toDecimalString(item.lineTotalMinor, item.currency),
    POLE_COLUMNS,
  );
  return [top, totalLine(item.totalMinor, item.currency, options)];
}

/** "TOTAL" / "          RMB 128.40": the amount to pay, before the tender. */
export function totalScreen(
  sale: { totalMinor: number; currency: CurrencyCode },
  options: PoleScreenOptions = defaultPoleScreenOptions,
): PoleScreen {
  return [
    fitLeft(toDisplayAscii(options.labels.total), POLE_COLUMNS),
    leftRight('', amount(sale.totalMinor, sale.currency, options), POLE_COLUMNS),
  ];
}

/** "     THANK YOU      " / "CHANGE      RMB 1.60": after the sale is paid. */
export function thankYouScreen(
  sale: { changeMinor: number; currency: CurrencyCode },
  options: PoleScreenOptions = defaultPoleScreenOptions,
): PoleScreen {
  return [
    fitCentre(toDisplayAscii(options.labels.thankYou), POLE_COLUMNS),
    leftRight(
      toDisplayAscii(options.labels.change),
      amount(sale.changeMinor, sale.currency, options),
      POLE_COLUMNS,
    ),
  ];
}

/** Two centred lines of free text, e.g. "WELCOME" while the till is idle. */
export const messageScreen = (top: string, bottom = ''): PoleScreen => [
  fitCentre(toDisplayAscii(top), POLE_COLUMNS),
  fitCentre(toDisplayAscii(bottom), POLE_COLUMNS),
];

export const blankScreen: PoleScreen = [' '.repeat(POLE_COLUMNS), ' '.repeat(POLE_COLUMNS)];

function totalLine(totalMinor: number, currency: CurrencyCode, options: PoleScreenOptions): string {
  return leftRight(
    toDisplayAscii(options.labels.total),
    amount(totalMinor, currency, options),
    POLE_COLUMNS,
  );
}

const amount = (minor: number, currency: CurrencyCode, options: PoleScreenOptions): string =>
  toDisplayAscii(options.currencyPrefix[currency] ?? `${currency} `) +
  toDecimalString(minor, currency);
