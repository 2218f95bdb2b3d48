import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { arch, cpus, platform, release } from 'node:os';
import { rowKey } from './section';
import type { BenchContext, BenchRow } from './section';
import { sections } from './sections';
import { renderTable } from './table';

const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

function selected(args: readonly string[]): Set<string> | null {
  const only = args.find((arg) => arg.startsWith('--only='));
  if (only === undefined) return null;
  const names = only.slice('--only='.length).split(',').filter(Boolean);
  const unknown = names.filter((name) => !sections.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown bench section ${unknown.join(', ')}; known: ${sections.map((s) => s.name).join(', ')}`,
    );
  }
  return new Set(names);
}

/**
 * Runs the selected sections, prints the table and writes bench/results/bench.json; a run of
 * some sections (--only) writes bench-<names>.json, so it never replaces a full run's results.
 */
export async function runBench(args: readonly string[]): Promise<void> {
  const only = selected(args);
  const context: BenchContext = new Map();
  const rows: BenchRow[] = [];
  for (const section of sections) {
    if (only && !only.has(section.name)) continue;
    process.stdout.write(`running ${section.name}: ${section.description}\n`);
    for (const row of await section.run(context)) {
      rows.push(row);
      context.set(rowKey(row), row);
    }
  }
  process.stdout.write(`\n${renderTable(rows)}\n`);
  mkdirSync(resultsDir, { recursive: true });
  const report = {
    at: new Date().toISOString(),
    machine: { platform: platform(), release: release(), arch: arch(), cpus: cpus().length },
    node: process.version,
    rows,
  };
  const file = only ? `bench-${[...only].sort().join('-')}.json` : 'bench.json';
  writeFileSync(`${resultsDir}${file}`, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`written to bench/results/${file}\n`);
  if (rows.some((row) => row.pass === false)) process.exitCode = 1;
}
