import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name);
    if (item.isDirectory()) return item.name === 'testing' ? [] : productFiles(path);
    return /\.ts$/.test(item.name) && !/\.test\.ts$|test-support\.ts$/.test(item.name)
      ? [path]
      : [];
  });
}

const sqlOnEntries = /\b(?:FROM|JOIN|INTO|UPDATE)\s+entries\b|DELETE\s+FROM\s+entries\b/;
const writesEntries = /\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+entries\b/;

/** Which product files hold SQL on `entries`, by path under main/. */
const filesMatching = (pattern: RegExp): string[] =>
  productFiles(root)
    .filter((file) => pattern.test(readFileSync(file, 'utf8')))
    .map((file) => relative(root, file))
    .sort();

describe('the ledger table', () => {
  it('is written by the ledger store alone (Ledger.commit is its only caller)', () => {
    expect(filesMatching(writesEntries)).toEqual(['ledger/ledger-store.ts']);
  });

  it('is read through the entry reader, the chain code and the sales read model only', () => {
    expect(filesMatching(sqlOnEntries)).toEqual([
      'ledger/entry-reader.ts',
      'ledger/ledger-store.ts',
      // The receipt and History read a sale's stored body by id with its read-model row.
      'sales/sale-repository.ts',
    ]);
  });
});
