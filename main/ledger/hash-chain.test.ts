import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '@app/ledger/entry';
import type { LedgerEntry } from '@app/ledger/entry';
import { entryJson, hashEntry, sealEntry, verifyChain } from './hash-chain';
import { canonicalJson } from '@app/ledger/canonical-json';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

// A sale and a refund of one of its items, built by hand.
const sale: Omit<LedgerEntry, 'hash'> = {
  seq: 1,
  id: '6f1c8a52-0d3b-4c1e-9a7f-2b5d4e3c1a09',
  type: 'sale',
  at: '2026-11-22T10:00:00.000Z',
  batchNo: '000001',
  currency: 'CNY',
  amount: 1050,
  tenders: [{ method: 'cash', amount: 1050 }],
  detail: {
    terminalId: 'CT4X7Q2M',
    lines: [{ unitPriceMinor: 350, quantity: 3, nameZh: '可口可乐 330毫升' }],
  },
  prevHash: GENESIS_HASH,
};

// upstream-sync-v1 "Ledger entries" + RFC 8785, written out by hand: keys sorted, no
// white space, no hash field, UTF-8 text as is.
const saleCanonical =
  '{"amount":1050,"at":"2026-11-22T10:00:00.000Z","batchNo":"000001","currency":"CNY",' +
  '"detail":{"lines":[{"nameZh":"可口可乐 330毫升","quantity":3,"unitPriceMinor":350}],' +
  '"terminalId":"CT4X7Q2M"},"id":"6f1c8a52-0d3b-4c1e-9a7f-2b5d4e3c1a09",' +
  `"prevHash":"${GENESIS_HASH}","seq":1,"tenders":[{"amount":1050,"method":"cash"}],` +
  '"type":"sale"}';
// The same digest as computed by Python's hashlib over saleCanonical.
const SALE_HASH = '3148de23dedf2e79784bfd7cd4a8fa6dfc3e333cdff5bd27ac0e3dbf84353553';

const refund = (prevHash: string): Omit<LedgerEntry, 'hash'> => ({
  seq: 2,
  id: '0b9e4d7a-5c2f-4e8b-8d1a-3f6c9b2e7a54',
  type: 'refund',
  at: '2026-11-22T10:05:00.000Z',
  batchNo: '000001',
  currency: 'CNY',
  amount: -350,
  tenders: [{ method: 'cash', amount: -350 }],
  refId: '6f1c8a52-0d3b-4c1e-9a7f-2b5d4e3c1a09',
  detail: {},
  prevHash,
});
const refundCanonical = (prevHash: string): string =>
  '{"amount":-350,"at":"2026-11-22T10:05:00.000Z","batchNo":"000001","currency":"CNY",' +
  `"detail":{},"id":"0b9e4d7a-5c2f-4e8b-8d1a-3f6c9b2e7a54","prevHash":"${prevHash}",` +
  '"refId":"6f1c8a52-0d3b-4c1e-9a7f-2b5d4e3c1a09","seq":2,' +
  '"tenders":[{"amount":-350,"method":"cash"}],"type":"refund"}';
const REFUND_HASH = 'ccdf30ec4632666884508df0d29178e8a97ca127d61b654c774fe94f0dcb29df';

const hashed = (entry: Omit<LedgerEntry, 'hash'>): LedgerEntry => ({
  ...entry,
  hash: hashEntry(entry),
});

function chain(): LedgerEntry[] {
  const first = hashed(sale);
  return [first, hashed(refund(first.hash))];
}

describe('hashEntry', () => {
  it('is the SHA-256 of the canonical JSON without the hash field', () => {
    expect(sha256(saleCanonical)).toBe(SALE_HASH);
    expect(hashEntry(sale)).toBe(SALE_HASH);
  });

  it('hashes refId when present and chains to the previous hash', () => {
    expect(sha256(refundCanonical(SALE_HASH))).toBe(REFUND_HASH);
    expect(hashEntry(refund(SALE_HASH))).toBe(REFUND_HASH);
  });

  it('leaves an absent refId absent: undefined is not null', () => {
    expect(hashEntry({ ...sale, refId: undefined })).toBe(SALE_HASH);
  });

  it('ignores a hash field and properties the spec does not define', () => {
    const extra = { ...sale, hash: 'f'.repeat(64), note: 'not hashed' };
    expect(hashEntry(extra)).toBe(SALE_HASH);
  });

  it('changes when any hashed field changes', () => {
    expect(
      hashEntry({ ...sale, amount: 1051, tenders: [{ method: 'cash', amount: 1051 }] }),
    ).not.toBe(SALE_HASH);
    expect(hashEntry({ ...sale, detail: { ...sale.detail, terminalId: 'CT4X7Q2N' } })).not.toBe(
      SALE_HASH,
    );
    expect(hashEntry({ ...sale, prevHash: 'a'.repeat(64) })).not.toBe(SALE_HASH);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and reports its head', () => {
    expect(verifyChain(chain())).toEqual({ ok: true, count: 2, headHash: REFUND_HASH });
  });

  it('accepts an empty ledger with the genesis hash as head', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, headHash: GENESIS_HASH });
  });

  it('finds a changed amount', () => {
    const [first, second] = chain();
    const tampered = {
      ...first!,
      amount: 1000,
      tenders: [{ method: 'cash' as const, amount: 1000 }],
    };
    expect(verifyChain([tampered, second!])).toMatchObject({ ok: false, atSeq: 1 });
  });

  it('finds a changed detail', () => {
    const [first, second] = chain();
    const tampered = { ...second!, detail: { reason: 'edited later' } };
    expect(verifyChain([first!, tampered])).toMatchObject({ ok: false, atSeq: 2 });
  });

  it('finds an entry re-hashed after a change: the next prevHash no longer links', () => {
    const [first, second] = chain();
    const rehashed = hashed({ ...sale, amount: 1000, tenders: [{ method: 'cash', amount: 1000 }] });
    expect(verifyChain([rehashed, second!])).toMatchObject({
      ok: false,
      atSeq: 2,
      reason: expect.stringContaining('prevHash') as unknown,
    });
    expect(first!.hash).not.toBe(rehashed.hash);
  });

  it('finds reordered entries', () => {
    const [first, second] = chain();
    expect(verifyChain([second!, first!])).toMatchObject({ ok: false, atSeq: 2 });
  });

  it('finds a gap in seq', () => {
    const first = hashed(sale);
    const third = hashed({ ...refund(first.hash), seq: 3 });
    expect(verifyChain([first, third])).toMatchObject({ ok: false, atSeq: 3 });
  });

  it('requires the first entry to start from the genesis hash', () => {
    const orphan = hashed({ ...sale, prevHash: 'a'.repeat(64) });
    expect(verifyChain([orphan])).toMatchObject({ ok: false, atSeq: 1 });
  });
});

describe('sealEntry', () => {
  it('gives the same hash as hashEntry and a body equal to the canonical JSON with the hash', () => {
    const entry = {
      seq: 7,
      id: '0f8fad5b-d9cb-469f-a165-70867728950e',
      type: 'sale' as const,
      at: '2026-11-22T10:00:00.000Z',
      batchNo: '000001',
      currency: 'CNY' as const,
      amount: 1250,
      tenders: [{ method: 'cash' as const, amount: 1250 }],
      detail: { lines: [{ name: '可口可乐', qty: 2, id: 'x' }], note: 'é\n' },
      prevHash: 'a'.repeat(64),
    };
    for (const variant of [
      entry,
      {
        ...entry,
        type: 'void' as const,
        amount: -1250,
        tenders: [{ method: 'cash' as const, amount: -1250 }],
        refId: '9b2e1c4d-0a3f-4e5b-8c7d-6e5f4a3b2c1d',
      },
    ]) {
      const sealed = sealEntry(variant);
      expect(sealed.hash).toBe(hashEntry(variant));
      expect(sealed.body).toBe(canonicalJson({ ...entryJson(variant), hash: sealed.hash }));
    }
  });
});
