import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT_ENV = 'COUNTERTOP_E2E_ROOT';

/**
 * One folder for everything an e2e run writes (each till's data folder, test hosts' stores,
 * saved downloads), so the card-data scan that runs after every spec
 * (card-data.teardown.ts) reads all of it. Called once by the global setup; the workers
 * inherit the variable. A preset $COUNTERTOP_E2E_ROOT is used as it is.
 */
export function createRunRoot(): string {
  const preset = process.env[ROOT_ENV];
  if (preset) mkdirSync(preset, { recursive: true });
  else process.env[ROOT_ENV] = mkdtempSync(join(tmpdir(), 'countertop-e2e-run-'));
  return e2eRunRoot();
}

/** This run's root; a spec started without the global setup is a configuration error. */
export function e2eRunRoot(): string {
  const root = process.env[ROOT_ENV];
  if (!root) throw new Error(`${ROOT_ENV} is not set: run the e2e through playwright.config.ts`);
  return root;
}
