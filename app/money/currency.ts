/** ISO 4217 currencies the app knows, with their minor-unit exponent. */
export const currencies = {
  CNY: { code: 'CNY', exponent: 2 },
  USD: { code: 'USD', exponent: 2 },
  EUR: { code: 'EUR', exponent: 2 },
  HKD: { code: 'HKD', exponent: 2 },
  JPY: { code: 'JPY', exponent: 0 },
} as const;

export type CurrencyCode = keyof typeof currencies;

export const isCurrencyCode = (code: string): code is CurrencyCode => code in currencies;
