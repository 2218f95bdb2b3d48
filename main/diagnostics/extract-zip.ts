import { execFileSync } from 'node:child_process';

/**
 * Extracts an archive with the system's unzip, or Python's zipfile where unzip is missing:
 * tests check our ZIP writer against independent readers, never against itself.
 */
export function extractZip(zipFile: string, into: string): void {
  try {
    execFileSync('unzip', ['-q', '-o', zipFile, '-d', into], { stdio: 'pipe' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    execFileSync('python3', ['-m', 'zipfile', '-e', zipFile, into], { stdio: 'pipe' });
  }
}
