import { describe, expect, it } from 'vitest';
import type { ShiftReport } from '../reports/report-schema';
import { buildReportReceipt } from './report-receipt';
import { columnsFor } from './receipt-document';
import { displayWidth } from './text-width';
import { defaultTaxClasses } from '../tax/tax-class';

const hash = 'ab'.repeat(32);
const report = (kind: 'x' | 'z', salesCount: number): ShiftReport => ({
  kind,
  z:
    kind === 'z'
      ? {
          zNo: 7,
          businessDay: '2026-11-22',
          batchNo: '000007',
          zSeq: 99,
          closedAt: '2026-11-22T14:00:00.000Z',
          chainHeadHash: hash,
        }
      : null,
  batchNo: '000007',
  businessDay: '2026-11-22',
  generatedAt: '2026-11-22T14:00:00.000Z',
  firstAt: salesCount > 0 ? '2026-11-22T01:00:00.000Z' : null,
  lastAt: salesCount > 0 ? '2026-11-22T13:00:00.000Z' : null,
  entryCount: salesCount,
  timeZone: 'Asia/Shanghai',
  cutoffHour: 4,
  figures: {
    currency: 'CNY',
    salesCount,
    itemCount: salesCount,
    grossMinor: 1000 * salesCount,
    discountMinor: 0,
    roundingMinor: 0,
    salesMinor: 1000 * salesCount,
    refundCount: 0,
    refundMinor: 0,
    voidCount: 0,
    voidMinor: 0,
    reversalCount: 0,
    reversalMinor: 0,
    netMinor: 1000 * salesCount,
    taxes: [{ taxClass: 'standard', rateBp: 1300, baseMinor: 885, taxMinor: 115 }],
    taxMinor: 115,
    netExTaxMinor: 885,
    tenders: [{ kind: 'cash', count: salesCount, amountMinor: 1000 * salesCount, feeMinor: 0 }],
    feeMinor: 0,
    nonCashMinor: 0,
    settlementMinor: 0,
    byHour: [],
    byCashier: [
      {
        operatorId: 'unknown',
        name: '',
        salesCount,
        salesMinor: 1000 * salesCount,
        refundCount: 0,
        refundMinor: 0,
        voidCount: 0,
        voidMinor: 0,
      },
    ],
    topProducts: [],
    corrections: [],
    cash: {
      floatMinor: 0,
      cashSalesMinor: 0,
      cashReturnsMinor: 0,
      payInCount: 0,
      payInMinor: 0,
      payOutCount: 0,
      payOutMinor: 0,
      dropCount: 0,
      dropMinor: 0,
      noSaleCount: 0,
      expectedMinor: 0,
      shiftsOpened: 0,
      shiftsClosed: 0,
      countedMinor: null,
      differenceMinor: null,
    },
  },
});

const texts = (doc: ReturnType<typeof buildReportReceipt>) =>
  doc.blocks.flatMap((b) =>
    b.kind === 'text' ? [b.text] : b.kind === 'columns' ? [`${b.left} | ${b.right}`] : [],
  );
const ctx = {
  shopName: '小店',
  paperWidth: 58 as const,
  locale: 'zh-CN' as const,
  printedAt: '2026-11-22T14:05:00.000Z',
  duplicate: false,
  taxClasses: defaultTaxClasses('zh-CN'),
};

describe('X and Z on the receipt printer', () => {
  it('prints the Z number, the business day, the batch and the whole chain head hash', () => {
    const lines = texts(buildReportReceipt(report('z', 3), ctx));
    expect(lines).toContain('Z 报表（日结）');
    expect(lines).toContain('Z 编号 | 0007');
    expect(lines).toContain('营业日 | 2026-11-22');
    expect(lines).toContain('批次 | 000007');
    // 64 hex characters over two 32-column lines on 58 mm paper.
    expect(lines).toContain(hash.slice(0, 32));
    expect(lines).toContain(hash.slice(32));
    expect(lines).toContain('净销售额 | 30.00');
    expect(lines).toContain('税 标准税率 13% | 1.15');
    expect(lines).toContain('未知（未登录） (3) | 30.00');
  });

  it('marks a reprint DUPLICATE and says when a Z had no sales', () => {
    const lines = texts(
      buildReportReceipt(report('z', 0), { ...ctx, locale: 'en', duplicate: true }),
    );
    expect(lines[0]).toBe('*** DUPLICATE ***');
    expect(lines).toContain('ZERO REPORT: no sales');
  });

  it('says an X closes nothing, and has no chain hash', () => {
    const lines = texts(buildReportReceipt(report('x', 1), { ...ctx, locale: 'en' }));
    expect(lines).toContain('X REPORT');
    expect(lines).toContain('Read only: nothing is closed');
    expect(lines.some((l) => l.includes(hash.slice(0, 16)))).toBe(false);
  });

  it('keeps every line within the paper width on 58 and 80 mm', () => {
    for (const paperWidth of [58, 80] as const) {
      const doc = buildReportReceipt(report('z', 3), { ...ctx, paperWidth });
      for (const block of doc.blocks) {
        if (block.kind === 'text')
          expect(displayWidth(block.text)).toBeLessThanOrEqual(columnsFor(paperWidth));
      }
    }
  });
});
