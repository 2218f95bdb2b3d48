import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The backup folder, noted beside the ledger as well as in it: a till whose ledger cannot be
 * opened still knows where its backups are. Only a path; nothing of the ledger's content.
 */
const FILE = 'backup-location.json';

export function noteBackupFolder(dataDir: string, folder: string | null): void {
  const file = join(dataDir, FILE);
  writeFileSync(`${file}.tmp`, JSON.stringify({ folder }) + '\n');
  renameSync(`${file}.tmp`, file);
}

export function notedBackupFolder(dataDir: string): string | null {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, FILE), 'utf8')) as { folder?: unknown };
    return typeof parsed.folder === 'string' ? parsed.folder : null;
  } catch {
    return null;
  }
}
