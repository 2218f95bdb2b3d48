import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';

/** What a restore asks the composition root to do once the services are closed. */
export interface LedgerSwap {
  /** The backup's name, for the outcome the screen shows. */
  name: string;
  /** The verified copy, already in the data folder (a rename away from being the ledger). */
  staged: string;
  ledgerFile: string;
  /** Where the ledger the till had goes; kept, never deleted. */
  asideDir: string;
}

const companions = (file: string): string[] => [file, `${file}-wal`, `${file}-shm`];

/**
 * Moves the closed ledger (with any -wal and -shm) into `asideDir` and the staged copy into
 * its place. Renames within one folder tree: nothing is copied, nothing deleted. Returns
 * the undo, which puts the old ledger back and the copy aside.
 */
export function swapLedger(swap: LedgerSwap): () => void {
  mkdirSync(swap.asideDir, { recursive: true });
  const moved: [string, string][] = [];
  for (const file of companions(swap.ledgerFile)) {
    if (!existsSync(file)) continue;
    const aside = join(swap.asideDir, basename(file));
    renameSync(file, aside);
    moved.push([file, aside]);
  }
  try {
    renameSync(swap.staged, swap.ledgerFile);
  } catch (error) {
    for (const [file, aside] of moved) renameSync(aside, file);
    throw error;
  }
  return () => {
    const failed = join(swap.asideDir, `restored-${swap.name}`);
    for (const file of companions(swap.ledgerFile)) {
      if (existsSync(file))
        renameSync(
          file,
          file === swap.ledgerFile ? failed : `${failed}${file.slice(swap.ledgerFile.length)}`,
        );
    }
    for (const [file, aside] of moved) renameSync(aside, file);
  };
}
