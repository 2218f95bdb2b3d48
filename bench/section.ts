/** One line of the bench table (and of bench/results/bench.json). */
export interface BenchRow {
  section: string;
  metric: string;
  value: number;
  unit: string;
  /** The target as text, e.g. "≤ 1 ms"; absent when the number is for information. */
  target?: string;
  pass?: boolean;
}

/** Rows measured so far, so a later section can relate its numbers to an earlier one's. */
export type BenchContext = Map<string, BenchRow>;

/**
 * A part of the bench, selectable with `--only=<name>`. Later parts (sync upload, receipt
 * over a pty) are new files exporting one of these, added to sections.ts.
 */
export interface BenchSection {
  name: string;
  description: string;
  run(context: BenchContext): Promise<BenchRow[]> | BenchRow[];
}

export const rowKey = (row: Pick<BenchRow, 'section' | 'metric'>): string =>
  `${row.section}/${row.metric}`;
