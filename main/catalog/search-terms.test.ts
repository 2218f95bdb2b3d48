import { describe, expect, it } from 'vitest';
import { matchExpression, searchText } from './search-terms';

describe('searchText', () => {
  it('sets every CJK character apart and leaves words whole', () => {
    expect(searchText('可口可乐 330毫升')).toBe('可 口 可 乐 330 毫 升');
    expect(searchText('Coca-Cola 330ml')).toBe('Coca-Cola 330ml');
    expect(searchText('RIO鸡尾酒')).toBe('RIO 鸡 尾 酒');
  });
});

describe('matchExpression', () => {
  it('matches every word by prefix', () => {
    expect(matchExpression('coca co')).toBe('"coca"* AND "co"*');
  });

  it('matches consecutive Chinese characters as one phrase', () => {
    expect(matchExpression('可乐')).toBe('"可 乐"');
    expect(matchExpression('乐')).toBe('"乐"');
    expect(matchExpression('可乐330')).toBe('"可 乐" AND "330"*');
  });

  it('never passes FTS5 syntax through', () => {
    expect(matchExpression('cola" OR name_en:*')).toBe('"cola"* AND "OR"* AND "name"* AND "en"*');
    expect(matchExpression('NEAR(a b)')).toBe('"NEAR"* AND "a"* AND "b"*');
    expect(matchExpression('-coke ^x')).toBe('"coke"* AND "x"*');
  });

  it('has nothing to search for in empty or punctuation-only text', () => {
    expect(matchExpression('')).toBeNull();
    expect(matchExpression('   ')).toBeNull();
    expect(matchExpression('"*()-^:+，。！')).toBeNull();
  });
});
