import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the ledger and logs live: --data-dir, then $COUNTERTOP_DATA_DIR, then XDG's data home. */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (flag) return flag;
  if (env.COUNTERTOP_DATA_DIR) return env.COUNTERTOP_DATA_DIR;
  const base = env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
  return join(base, 'countertop');
}
