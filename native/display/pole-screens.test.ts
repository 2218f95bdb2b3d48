import { describe, expect, it } from 'vitest';
import { leftRight, toDisplayAscii } from './display-text';
import { lastItemScreen, messageScreen, thankYouScreen, totalScreen } from './pole-screens';

// Each expected line is typed out to its 20 characters; the ruler is 12345678901234567890.
describe('pole display screens', () => {
  it('shows the last item with its amount, and the total', () => {
    expect(
      lastItemScreen({
        name: 'Coca-Cola 330ml',
        quantity: 1,
        lineTotalMinor: 350,
        totalMinor: 1284,
        currency: 'CNY',
      }),
    ).toEqual(['Coca-Cola 330ml 3.50', 'TOTAL      RMB 12.84']);
  });

  it('cuts a long name, never the amount, and shows a quantity', () => {
    expect(
      lastItemScreen({
        name: 'Nongfu Spring Water 550ml',
        quantity: 2,
        lineTotalMinor: 400,
        totalMinor: 400,
        currency: 'CNY',
      }),
    ).toEqual(['2x Nongfu Sprin 4.00', 'TOTAL       RMB 4.00']);
  });

  it('shows the total to pay', () => {
    expect(totalScreen({ totalMinor: 12840, currency: 'CNY' })).toEqual([
      'TOTAL               ',
      '          RMB 128.40',
    ]);
    expect(totalScreen({ totalMinor: 999, currency: 'USD' })[1]).toBe('               $9.99');
    expect(totalScreen({ totalMinor: 500, currency: 'JPY' })[1]).toBe('             JPY 500');
  });

  it('thanks the customer and shows the change', () => {
    expect(thankYouScreen({ changeMinor: 160, currency: 'CNY' })).toEqual([
      '     THANK YOU      ',
      'CHANGE      RMB 1.60',
    ]);
  });

  it('fills an amount too wide for the line with # rather than cut it', () => {
    expect(totalScreen({ totalMinor: 9007199254740991, currency: 'CNY' })[1]).toBe(
      '####################',
    );
  });

  it('takes labels from the options', () => {
    const options = {
      labels: { total: 'SUMME', change: 'RUCKGELD', thankYou: 'DANKE' },
      currencyPrefix: { CNY: 'RMB ', USD: '$', EUR: 'EUR ', HKD: 'HK$', JPY: 'JPY ' },
    };
    expect(thankYouScreen({ changeMinor: 5, currency: 'EUR' }, options)).toEqual([
      '       DANKE        ',
      'RUCKGELD    EUR 0.05',
    ]);
  });

  it('centres free text', () => {
    expect(messageScreen('WELCOME')).toEqual(['      WELCOME       ', ' '.repeat(20)]);
  });
});

describe('toDisplayAscii', () => {
  it.each([
    ['Café Crème', 'Cafe Creme'],
    ['可口可乐 330ml', '???? 330ml'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['Straße', 'Strasse'],
    ['Smørrebrød', 'Smorrebrod'],
    ['“Best” – 1…', '"Best" - 1...'],
    ['tab\there\nnow', 'tab here now'],
    ['￥5', 'Y5'],
    ['🍎 apple', '? apple'],
  ])('%s → %s', (text, shown) => {
    expect(toDisplayAscii(text)).toBe(shown);
  });
});

describe('leftRight', () => {
  it('keeps one space between a cut label and its amount', () => {
    expect(leftRight('ABCDEFGHIJKLMNOPQRST', '1.00', 20)).toBe('ABCDEFGHIJKLMNO 1.00');
    expect(leftRight('', '12345678901234567890', 20)).toBe('12345678901234567890');
    expect(leftRight('X', '12345678901234567890', 20)).toBe('12345678901234567890');
  });
});
