import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupCopy } from '@app/api/contract';
import { DomainError } from '@app/result';
import { copyView, folderError, isBackupFileName, readManifest } from './backup-folder';
import type { BackupManifest } from './backup-folder';
import type { BackupJob, BackupRunner, JobPhase } from './backup-runner';
import type { LedgerSwap } from './ledger-swap';
import type { BackupProblem, Verification } from './verify-copy';

export interface RestoreDeps {
  dataDir: string;
  ledgerFile: string;
  terminalId: string;
  runner: BackupRunner;
  now: () => Date;
  nativeBinding?: string;
  onProgress(phase: JobPhase, done: number, total: number): void;
  onDone(): void;
}

/** What the copy says of itself against what its manifest says of it. */
function manifestProblems(manifest: BackupManifest | null, copy: Verification): BackupProblem[] {
  if (manifest === null) {
    return [{ kind: 'manifest', detail: 'no readable manifest beside the file' }];
  }
  const problems: BackupProblem[] = [];
  if (manifest.sha256 !== copy.sha256) {
    problems.push({
      kind: 'checksum',
      detail: 'the file differs from the one its manifest describes',
    });
  }
  const facts = copy.facts;
  if (facts && (facts.headSeq !== manifest.headSeq || facts.headHash !== manifest.headHash)) {
    problems.push({
      kind: 'head',
      detail: `the copy ends at seq ${facts.headSeq}, its manifest says ${manifest.headSeq}`,
    });
  }
  if (facts && facts.terminalId !== manifest.terminalId) {
    problems.push({ kind: 'manifest', detail: `the copy is terminal ${String(facts.terminalId)}` });
  }
  return problems;
}

function backupFile(folder: string, name: string): string {
  const file = join(folder, name);
  // Only our own names: a name is never a path out of the folder.
  if (!isBackupFileName(name) || !existsSync(file)) {
    throw new DomainError('backup_not_found', `No backup ${name} in ${folder}`, { name });
  }
  return file;
}

async function runJob(deps: RestoreDeps, folder: string, job: BackupJob): Promise<Verification> {
  const running = deps.runner(job, (phase, done, total) => deps.onProgress(phase, done, total));
  try {
    return await running.done;
  } catch (error) {
    throw folderError(error, folder);
  } finally {
    deps.onDone();
  }
}

const binding = (deps: RestoreDeps) =>
  deps.nativeBinding === undefined ? {} : { nativeBinding: deps.nativeBinding };

/** Verifies a backup where it lies: integrity, hash chain, checksum and manifest. */
export async function checkBackup(
  deps: RestoreDeps,
  folder: string,
  name: string,
): Promise<BackupCopy> {
  const file = backupFile(folder, name);
  const manifest = await readManifest(folder, name);
  const copy = await runJob(deps, folder, { kind: 'verify', file, ...binding(deps) });
  const problems = [...copy.problems, ...manifestProblems(manifest, copy)];
  return {
    ...copyView(name, copy.bytes, manifest, deps.terminalId),
    verified: { ok: problems.length === 0, at: deps.now().toISOString(), problems },
  };
}

/**
 * The first half of a restore, while the till still runs on its own ledger: refuse another
 * terminal's copy unless its ID is typed, copy the backup beside the ledger and verify that
 * copy (what will be swapped in is what was checked). The swap itself needs the services
 * closed: the composition root does it.
 */
export async function stageRestore(
  deps: RestoreDeps,
  folder: string,
  name: string,
  confirmTerminalId: string | undefined,
): Promise<LedgerSwap> {
  const file = backupFile(folder, name);
  const manifest = await readManifest(folder, name);
  if (manifest === null) {
    throw new DomainError('backup_invalid', `${name} has no readable manifest`, {
      problem: 'manifest',
    });
  }
  const theirs = manifest.terminalId ?? '';
  if (theirs !== deps.terminalId && confirmTerminalId?.trim().toUpperCase() !== theirs) {
    throw new DomainError('backup_other_terminal', `${name} was made on terminal ${theirs}`, {
      backupTerminal: theirs,
      thisTerminal: deps.terminalId,
    });
  }
  const staged = `${deps.ledgerFile}.restoring`;
  rmSync(staged, { force: true });
  const copy = await runJob(deps, folder, {
    kind: 'copy',
    source: file,
    destination: staged,
    plainJournal: false,
    ...binding(deps),
  });
  const problems = [...copy.problems, ...manifestProblems(manifest, copy)];
  const first = problems[0];
  if (first) {
    rmSync(staged, { force: true });
    throw new DomainError('backup_invalid', `${name} did not verify: ${first.detail}`, {
      problem: first.kind,
    });
  }
  const stamp = deps
    .now()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return {
    name,
    staged,
    ledgerFile: deps.ledgerFile,
    asideDir: join(deps.dataDir, `before-restore-${stamp}`),
  };
}
