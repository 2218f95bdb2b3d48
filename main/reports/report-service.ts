import type Database from 'better-sqlite3';
import type { CurrencyCode } from '@app/money/currency';
import { ReportAccumulator } from '@app/reports/accumulator';
import { addDays, businessMomentOf, isBusinessDay } from '@app/reports/business-day';
import type { ShopClock } from '@app/reports/business-day';
import { shiftReportSchema } from '@app/reports/report-schema';
import type {
  Dashboard,
  DayFigures,
  ShiftReport,
  ZInfo,
  ZSummary,
} from '@app/reports/report-schema';
import { DomainError } from '@app/result';
import { formatLocalDateTime } from '@app/time/local-time';
import type { Ledger } from '../kernel/ledger';
import type { TerminalIdentityStore } from '../terminal/terminal-identity';
import { closeBatch } from '../sync/batch-closer';
import { SyncStore } from '../sync/sync-store';
import type { Logger } from '../log/logger';
import type { ReportIndex } from './report-index';
import type { ReportSettingsStore } from './report-settings';
import { entryReader } from '../ledger/entry-reader';

export interface ReportServiceDeps {
  db: Database.Database;
  ledger: Ledger;
  index: ReportIndex;
  identity: TerminalIdentityStore;
  settings: ReportSettingsStore;
  currency: () => CurrencyCode;
  log: Logger;
  now?: () => Date;
  /** Sales parked and not yet recalled (issue #7): the day does not close while any is held. */
  heldSales?: () => readonly { note: string; operatorName: string; heldAt: string }[];
  /** After a Z committed: wake the uploader (the z_close and settlement wait to be sent). */
  afterClose?: (report: ShiftReport) => void;
}

/** At most a little over a year per dashboard view: the sums are per day. */
const MAX_RANGE_DAYS = 400;

/**
 * X and Z reports and the owner's dashboard.
 * - X: the open batch so far (since the last Z). Reads only; changes nothing.
 * - Z: closes the business day through the existing batch close (z_close entry, frozen
 *   settlement, next batch, one transaction) and adds to the z_close detail an unbroken
 *   Z number, the business day and the chain head hash at the close. Refused while a shift
 *   is open and when the business day already has its Z.
 * - Dashboard: every range of business days, from the summary tables (report-index.ts).
 */
export class ReportService {
  private readonly syncStore: SyncStore;

  constructor(private readonly deps: ReportServiceDeps) {
    this.syncStore = new SyncStore(deps.db);
  }

  /** Brings the summary tables up to date (at start-up, after a clock change). */
  catchUp(): number {
    const added = this.deps.index.catchUp();
    if (added > 0) this.deps.log.info('report sums caught up', { entries: added });
    return added;
  }

  x(): ShiftReport {
    this.catchUp();
    const { batchNo } = this.deps.identity.current();
    return this.report('x', batchNo, this.now(), null);
  }

  /** Closes the business day. Throws `shift_open` or `z_already_closed` with the details. */
  closeDay(): ShiftReport {
    this.catchUp();
    const { db, ledger } = this.deps;
    const now = this.now();
    const report = ledger.commit((tx): ShiftReport => {
      const open = this.deps.index.openShifts()[0];
      if (open) {
        throw new DomainError('shift_open', `shift ${open.shiftId} is still open`, {
          name: open.operatorName,
          since: formatLocalDateTime(open.openedAt, this.clock().timeZone),
        });
      }
      const held = this.deps.heldSales?.() ?? [];
      if (held.length > 0) {
        const zone = this.clock().timeZone;
        throw new DomainError('held_sales_open', `${held.length} held sales`, {
          count: held.length,
          list: held
            .map(
              (h) => `${h.note || '—'} (${h.operatorName}, ${formatLocalDateTime(h.heldAt, zone)})`,
            )
            .join('; '),
        });
      }
      const businessDay = businessMomentOf(now.getTime(), this.clock()).day;
      const earlier = db
        .prepare<[string], { zNo: number; closedAt: string }>(
          'SELECT z_no AS zNo, closed_at AS closedAt FROM z_reports WHERE business_day = ?',
        )
        .get(businessDay);
      if (earlier) {
        throw new DomainError(
          'z_already_closed',
          `business day ${businessDay} has Z ${earlier.zNo}`,
          {
            day: businessDay,
            zNo: earlier.zNo,
            at: formatLocalDateTime(earlier.closedAt, this.clock().timeZone),
          },
        );
      }
      const last = db
        .prepare<[], { zNo: number | null }>('SELECT max(z_no) AS zNo FROM z_reports')
        .get();
      const zNo = (last?.zNo ?? 0) + 1;
      const head = ledger.head();
      const { batchNo } = this.deps.identity.current();
      const figuresBefore = this.report('z', batchNo, now, null);
      const closed = closeBatch({
        db,
        tx,
        identity: this.deps.identity,
        store: this.syncStore,
        currency: this.deps.currency(),
        now,
        detail: { zNo, businessDay, chainHeadHash: head.hash },
      });
      const z: ZInfo = {
        zNo,
        businessDay,
        batchNo: closed.batchNo,
        zSeq: closed.zSeq,
        closedAt: now.toISOString(),
        chainHeadHash: head.hash,
      };
      const stored: ShiftReport = { ...figuresBefore, z, businessDay };
      db.prepare(
        `INSERT INTO z_reports (z_no, business_day, batch_no, z_seq, closed_at, head_hash, report)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        zNo,
        businessDay,
        closed.batchNo,
        closed.zSeq,
        z.closedAt,
        head.hash,
        JSON.stringify(stored),
      );
      return stored;
    });
    this.deps.log.info('day closed', {
      zNo: report.z?.zNo ?? 0,
      businessDay: report.businessDay,
      batchNo: report.batchNo,
    });
    this.deps.afterClose?.(report);
    return report;
  }

  /** A Z exactly as it was closed (for reprints and the screen). */
  zReport(zNo: number): ShiftReport {
    const row = this.deps.db
      .prepare<[number], { report: string }>('SELECT report FROM z_reports WHERE z_no = ?')
      .get(zNo);
    if (!row) throw new DomainError('z_not_found', `no Z ${zNo}`, { zNo });
    return shiftReportSchema.parse(JSON.parse(row.report));
  }

  /** The Zs, newest first. */
  zList(limit = 60): ZSummary[] {
    return this.deps.db
      .prepare<
        [number],
        { zNo: number; businessDay: string; batchNo: string; closedAt: string; report: string }
      >(
        `SELECT z_no AS zNo, business_day AS businessDay, batch_no AS batchNo, closed_at AS closedAt, report
         FROM z_reports ORDER BY z_no DESC LIMIT ?`,
      )
      .all(limit)
      .map((row) => {
        const report = shiftReportSchema.parse(JSON.parse(row.report));
        return {
          zNo: row.zNo,
          businessDay: row.businessDay,
          batchNo: row.batchNo,
          closedAt: row.closedAt,
          salesCount: report.figures.salesCount,
          netMinor: report.figures.netMinor,
          currency: report.figures.currency,
        };
      });
  }

  /**
   * Business days `from` to `to`; for a single day also the day before and the same
   * weekday a week before. Without a range: today's business day.
   */
  dashboard(range?: { from: string; to: string }): Dashboard {
    this.catchUp();
    const clock = this.clock();
    const today = businessMomentOf(this.now().getTime(), clock).day;
    const from = range?.from ?? today;
    const to = range?.to ?? today;
    if (!isBusinessDay(from) || !isBusinessDay(to) || from > to) {
      throw new DomainError('invalid_date_range', `not a date range: ${from} to ${to}`, {
        from,
        to,
      });
    }
    if (addDays(from, MAX_RANGE_DAYS) < to) {
      throw new DomainError('invalid_date_range', `more than ${MAX_RANGE_DAYS} days`, { from, to });
    }
    const days = (a: string, b: string): DayFigures => ({
      from: a,
      to: b,
      figures: this.deps.index.figures({ from: a, to: b }, this.deps.currency(), clock.cutoffHour),
    });
    const single = from === to;
    return {
      timeZone: clock.timeZone,
      cutoffHour: clock.cutoffHour,
      range: days(from, to),
      yesterday: single ? days(addDays(from, -1), addDays(from, -1)) : null,
      lastWeek: single ? days(addDays(from, -7), addDays(from, -7)) : null,
    };
  }

  /**
   * The X or Z of a batch from the summary sums: the batch's first and last entry give the
   * business days it spans, and the sums of those days for this batch are its figures. The
   * sums hold exactly what app/reports/summary-rows.ts makes of each entry, so this equals
   * accumulating the entries themselves (report.test.ts checks both on the same day).
   */
  private report(kind: 'x' | 'z', batchNo: string, now: Date, z: ZInfo | null): ShiftReport {
    const clock = this.clock();
    const span = entryReader(this.deps.db).batchSpan(batchNo);
    const { firstAt, lastAt } = span;
    const dayOf = (iso: string) => businessMomentOf(Date.parse(iso), clock).day;
    const figures =
      firstAt && lastAt
        ? this.deps.index.figures(
            { from: dayOf(firstAt), to: dayOf(lastAt), batchNo },
            this.deps.currency(),
            clock.cutoffHour,
          )
        : new ReportAccumulator().figures(this.deps.currency(), clock.cutoffHour);
    return {
      kind,
      z,
      batchNo,
      businessDay: dayOf(now.toISOString()),
      generatedAt: now.toISOString(),
      firstAt,
      lastAt,
      entryCount: span.count,
      timeZone: clock.timeZone,
      cutoffHour: clock.cutoffHour,
      figures,
    };
  }

  private clock(): ShopClock {
    const { timeZone, cutoffHour } = this.deps.settings.get();
    return { timeZone, cutoffHour };
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
