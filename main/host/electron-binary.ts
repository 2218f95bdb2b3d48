import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The Electron executable, or null where the package was installed without its binary
 * (ELECTRON_SKIP_BINARY_DOWNLOAD=1): the `electron` module then throws on require.
 * `resolveFrom` is a file inside the project, where node_modules is found.
 */
export function findElectronBinary(resolveFrom: string): string | null {
  try {
    const path = createRequire(resolveFrom)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export const hasDisplay = (env: NodeJS.ProcessEnv = process.env): boolean =>
  process.platform !== 'linux' || Boolean(env.DISPLAY ?? env.WAYLAND_DISPLAY);
