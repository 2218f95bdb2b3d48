import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { containsCardData } from '@app/sync/sensitive-data';

/**
 * Every file under a data folder (ledger, its WAL, logs, print queue) read as text and
 * searched for card numbers and track data (PCI DSS 3.3, RELIABILITY.md). Returns the
 * files that hold any.
 */
export function filesWithCardData(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'chromium-profile') found.push(...filesWithCardData(path));
      continue;
    }
    // latin1 keeps every byte as one character, so digits stay digits whatever the encoding.
    if (containsCardData(readFileSync(path).toString('latin1'))) found.push(path);
  }
  return found;
}
