import type { BenchRow } from './section';

const format = (value: number): string =>
  Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 3 : 1);

/** The rows as an aligned text table. */
export function renderTable(rows: readonly BenchRow[]): string {
  const header = ['section', 'metric', 'value', 'unit', 'target', 'result'];
  const cells = rows.map((row) => [
    row.section,
    row.metric,
    format(row.value),
    row.unit,
    row.target ?? '',
    row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL',
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...cells.map((line) => line[i]?.length ?? 0)),
  );
  const line = (values: string[]): string =>
    values
      .map((value, i) => value.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
