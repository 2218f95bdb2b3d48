// Says whether this Node satisfies package.json "engines" (run by scripts/setup.sh before
// anything is installed, so it uses no packages and only the ranges written there:
// `^X.Y.Z` alternatives and `>=X`). Exit 0 when it does; 1 with the reason otherwise.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const parse = (version) => version.replace(/^v/, '').split('.').map(Number);

/** Whether `version` (e.g. "20.19.2") is in `range` (e.g. "^20.19.0 || >=24"). */
export function satisfies(version, range) {
  const [major, minor = 0, patch = 0] = parse(version);
  const atLeast = (wanted) => {
    const [m, n = 0, p = 0] = parse(wanted);
    return major !== m ? major > m : minor !== n ? minor > n : patch >= p;
  };
  return range.split('||').some((part) => {
    const alternative = part.trim();
    if (alternative.startsWith('>=')) return atLeast(alternative.slice(2));
    if (alternative.startsWith('^')) {
      return parse(alternative.slice(1))[0] === major && atLeast(alternative.slice(1));
    }
    throw new Error(`check-node: cannot read the engines range "${alternative}"`);
  });
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const range = pkg.engines.node;
  if (!satisfies(process.versions.node, range)) {
    console.error(
      `setup: Countertop needs Node ${range} (found ${process.version}): Vite 8 and ESLint 10 ` +
        'need 20.19, 22.13 or 24, and the support bundle needs zlib.crc32. Install a newer ' +
        'Node (e.g. from nodesource.com or with nvm), then run npm run setup again.',
    );
    process.exit(1);
  }
  console.log(`setup: Node ${process.version} is in ${range}.`);
}
