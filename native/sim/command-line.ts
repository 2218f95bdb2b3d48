import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * True when the module at `moduleUrl` (its import.meta.url) is the script node was started
 * with: each simulator is a library for tests and a command for people.
 */
export function isStartedDirectly(moduleUrl: string | undefined): boolean {
  const script = process.argv[1];
  return (
    script !== undefined &&
    typeof moduleUrl === 'string' &&
    resolve(script) === fileURLToPath(moduleUrl)
  );
}

/** The value after `--name` on the command line, if given. */
export function commandLineValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
