import { describe, expect, it } from 'vitest';
import { typeAmount } from './amount-entry';

const typeAll = (keys: string[], decimals = 2) =>
  keys.reduce((text, key) => typeAmount(text, key, decimals), '');

describe('typeAmount', () => {
  it('builds an amount from keypad keys', () => {
    expect(typeAll(['1', '2', '.', '5', '0'])).toBe('12.50');
    expect(typeAll(['1', '00'])).toBe('100');
  });

  it('allows one decimal point and no more decimals than the currency has', () => {
    expect(typeAll(['1', '.', '.', '2', '3', '4'])).toBe('1.23');
    expect(typeAll(['5', '.', '1'], 0)).toBe('51');
    expect(typeAll(['.', '5'])).toBe('0.5');
  });

  it('drops a leading zero, edits and clears', () => {
    expect(typeAll(['0', '7'])).toBe('7');
    expect(typeAll(['1', '2', 'Backspace'])).toBe('1');
    expect(typeAll(['1', '2', 'Clear', '3'])).toBe('3');
  });

  it('ignores other keys and caps the length at nine digits', () => {
    expect(typeAll(['a', '-', '1'])).toBe('1');
    expect(typeAll(Array.from({ length: 12 }, () => '9'))).toBe('999999999');
  });
});
