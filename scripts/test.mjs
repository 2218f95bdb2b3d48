// npm test: type-check, lint, unit and integration tests, build, then the Playwright e2e.
// Stops at the first failing step and ends with one line: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
// Old reports would otherwise be counted again.
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const steps = [
  ['type-check', 'npx', ['tsc', '-b']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['format', 'npx', ['prettier', '--check', '.']],
  [
    'unit and integration',
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${results}/vitest.json`,
    ],
  ],
  ['build', 'node', ['scripts/build.mjs', '--quiet']],
  [
    'e2e',
    'npx',
    ['playwright', 'test'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json` },
  ],
];

let failedStep = null;
for (const [name, command, args] of steps) {
  console.log(`\n== ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit' });
  if (run.status !== 0) {
    failedStep = name;
    break;
  }
}

const count = { passed: 0, failed: 0, skipped: 0 };
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};
const vitest = readJson(`${results}/vitest.json`);
if (vitest) {
  count.passed += vitest.numPassedTests;
  count.failed += vitest.numFailedTests;
  count.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const playwright = readJson(`${results}/playwright.json`);
if (playwright?.stats && failedStep !== 'unit and integration') {
  count.passed += playwright.stats.expected;
  count.failed += playwright.stats.unexpected;
  count.skipped += playwright.stats.skipped;
}
if (failedStep) console.log(`\nnpm test stopped: the ${failedStep} step failed.`);
console.log(`\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
