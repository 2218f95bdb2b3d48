import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandName, CommandOutput } from '@app/api/contract';
import { createServices } from '../services';
import type { Services, ServicesOptions } from '../services';
import { silentLogger } from '../log/logger';

/** Services on a fresh temporary data folder, as a first start would make them. */
export function tempServices(
  dataDir = mkdtempSync(join(tmpdir(), 'countertop-test-')),
  onDatabase?: ServicesOptions['onDatabase'],
) {
  const services = createServices({
    dataDir,
    host: 'browser',
    version: 'test',
    log: silentLogger,
    ...(onDatabase ? { onDatabase } : {}),
  });
  return { services, dataDir };
}

/** Calls a command and returns its value, failing the test with the error otherwise. */
export async function call<K extends CommandName>(
  services: Services,
  name: K,
  input: unknown,
): Promise<CommandOutput<K>> {
  const result = await services.dispatch(name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as CommandOutput<K>;
}
