import { describe, expect, it } from 'vitest';
import { cartOf } from '../cart/test-carts';
import { computeTotals } from '../cart/totals';
import { defaultTaxClasses, newTaxClassId, rateText, taxClassName } from './tax-class';
import { classesFromDraft, draftOf, percentToBp } from './tax-class-draft';
import { taxClassesSchema } from './tax-class-schema';

const uk = [
  { id: 'standard', name: 'VAT 20%', rateBp: 2000 },
  { id: 'reduced', name: 'Reduced', rateBp: 500 },
  { id: 'zero-rated', name: 'Zero-rated', rateBp: 0 },
];

describe('named tax classes', () => {
  it('gives a new class an id from its name, never one taken', () => {
    expect(newTaxClassId('Zero rated', ['standard'])).toBe('zero-rated');
    expect(newTaxClassId('Zero rated', ['zero-rated'])).toBe('zero-rated-2');
    expect(newTaxClassId('Café  Ñ', [])).toBe('cafe-n');
    // A name with no Latin letters or digits: a numbered id.
    expect(newTaxClassId('免税', [])).toBe('class-2');
    expect(newTaxClassId('免税', ['class-2'])).toBe('class-3');
  });

  it('prints a class by its name, and a class since removed by its id', () => {
    expect(taxClassName(uk, 'zero-rated')).toBe('Zero-rated');
    expect(taxClassName(uk, 'luxury')).toBe('luxury');
    expect(rateText(650)).toBe('6.5%');
    expect(defaultTaxClasses('zh-CN').map((c) => c.name)).toEqual(['标准税率', '低税率']);
  });

  it('reads the owner’s form, keeping ids of classes renamed and making ids for new ones', () => {
    const rows = draftOf(uk.slice(0, 2));
    rows[0] = { ...rows[0]!, name: 'Standard VAT' };
    const result = classesFromDraft([...rows, { id: null, name: 'Zero', rate: '0' }]);
    expect(result).toEqual({
      ok: true,
      value: [
        { id: 'standard', name: 'Standard VAT', rateBp: 2000 },
        { id: 'reduced', name: 'Reduced', rateBp: 500 },
        { id: 'zero', name: 'Zero', rateBp: 0 },
      ],
    });
  });

  it.each([
    [[], 'tax_class_none'],
    [[{ id: null, name: ' ', rate: '5' }], 'tax_class_name'],
    [
      [
        { id: 'a', name: 'Food', rate: '5' },
        { id: null, name: 'food', rate: '6' },
      ],
      'tax_class_repeated',
    ],
    [[{ id: null, name: 'Food', rate: '5.555' }], 'tax_rate_invalid'],
    [[{ id: null, name: 'Food', rate: '101' }], 'tax_rate_invalid'],
    [
      Array.from({ length: 21 }, (_, i) => ({ id: null, name: `C${String(i)}`, rate: '1' })),
      'tax_class_too_many',
    ],
  ])('refuses %j with %s', (rows, code) => {
    const result = classesFromDraft(rows);
    expect(result.ok ? null : result.error.code).toBe(code);
  });

  it('parses percent text to basis points', () => {
    expect(percentToBp('13')).toBe(1300);
    expect(percentToBp('6.5')).toBe(650);
    expect(percentToBp('-1')).toBeNull();
  });

  it('keeps each id and name once in settings', () => {
    expect(taxClassesSchema.safeParse(uk).success).toBe(true);
    expect(taxClassesSchema.safeParse([...uk, { ...uk[0]!, name: 'Other' }]).success).toBe(false);
    expect(taxClassesSchema.safeParse([...uk, { ...uk[0]!, id: 'x' }]).success).toBe(false);
    expect(taxClassesSchema.safeParse([]).success).toBe(false);
    expect(taxClassesSchema.safeParse([{ id: 'Bad Id', name: 'x', rateBp: 0 }]).success).toBe(
      false,
    );
  });

  it('totals a cart over three classes, each taxed at its own rate', () => {
    const cart = cartOf([
      [1200, 1, 'standard'], // £12.00 incl. 20 %: 2.00 tax
      [1050, 1, 'reduced'], // £10.50 incl. 5 %: 0.50 tax
      [300, 2, 'zero-rated'], // £6.00, no tax
    ]);
    const totals = computeTotals(cart, {
      taxMode: 'inclusive',
      taxRounding: 'per-line',
      taxClasses: uk,
    });
    expect(totals.taxes).toEqual([
      { taxClass: 'standard', rateBp: 2000, baseMinor: 1000, taxMinor: 200 },
      { taxClass: 'reduced', rateBp: 500, baseMinor: 1000, taxMinor: 50 },
      { taxClass: 'zero-rated', rateBp: 0, baseMinor: 600, taxMinor: 0 },
    ]);
    expect(totals.totalMinor).toBe(2850);
    expect(totals.taxMinor).toBe(250);
  });
});
