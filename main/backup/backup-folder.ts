import { constants } from 'node:fs';
import { access, open, readdir, rename, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { backupProblemSchema } from '@app/api/backup-schemas';
import type { BackupCopy } from '@app/api/contract';
import { DomainError } from '@app/result';

/**
 * countertop-<terminal ID>-<UTC time to the millisecond>.sqlite: sorts by time, says whose it
 * is, and two copies made within one second do not replace each other (names without the
 * milliseconds, from before, still read).
 */
const NAME = /^countertop-([A-Z0-9]{1,32})-(\d{8}T\d{6}(?:\d{3})?Z)\.sqlite$/;

export function backupFileName(terminalId: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  return `countertop-${terminalId}-${stamp}.sqlite`;
}

export const isBackupFileName = (name: string): boolean => NAME.test(name);

export const manifestNameOf = (name: string): string => name.replace(/\.sqlite$/, '.manifest.json');

export const manifestSchema = z.object({
  format: z.literal('countertop-backup/1'),
  file: z.string(),
  terminalId: z.string().nullable(),
  merchantId: z.string().nullable(),
  headSeq: z.number().int(),
  headHash: z.string(),
  createdAt: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  appVersion: z.string(),
  verified: z.object({
    ok: z.boolean(),
    at: z.string(),
    problems: z.array(backupProblemSchema),
  }),
});
export type BackupManifest = z.output<typeof manifestSchema>;

const errnoOf = (error: unknown): string | null =>
  error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : null;

/**
 * The folder exists, is a folder and takes a file: a probe is written and removed, since
 * `access` says yes to a read-only network share or a stick whose file system went read-only.
 */
export async function checkFolder(folder: string): Promise<void> {
  if (!isAbsolute(folder)) {
    throw new DomainError('backup_folder_missing', `${folder} is not a full path`, { folder });
  }
  try {
    if (!(await stat(folder)).isDirectory())
      throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    await access(folder, constants.W_OK);
    const probe = join(folder, '.countertop-write-test');
    await writeFile(probe, 'countertop');
    await rm(probe, { force: true });
  } catch (error) {
    throw folderError(error, folder);
  }
}

/** A file system error met in the owner's folder, as a message the owner can act on. */
export function folderError(error: unknown, folder: string): DomainError {
  if (error instanceof DomainError) return error;
  const code = errnoOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new DomainError('backup_folder_missing', `${folder} cannot be found`, { folder });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new DomainError('backup_folder_not_writable', `${folder} cannot be written: ${detail}`, {
      folder,
    });
  }
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL') {
    return new DomainError('backup_disk_full', `No space left in ${folder}`, { folder });
  }
  return new DomainError('backup_failed', `Backup to ${folder} failed: ${detail}`, {
    reason: detail,
  });
}

/** Refuses, before a byte is written, when the folder has less free space than the copy needs. */
export async function checkSpace(folder: string, neededBytes: number): Promise<void> {
  const info = await statfs(folder).catch(() => null);
  // A share that cannot say how much is free is tried; a full one fails while writing.
  if (info === null || info.blocks === 0) return;
  if (info.bavail * info.bsize < neededBytes) {
    throw new DomainError('backup_disk_full', `No space left in ${folder}`, { folder });
  }
}

/** The manifest beside a backup, written whole or not at all. */
export async function writeManifest(folder: string, manifest: BackupManifest): Promise<void> {
  const file = join(folder, manifestNameOf(manifest.file));
  const partial = `${file}.partial`;
  const handle = await open(partial, 'w');
  try {
    await handle.writeFile(`${JSON.stringify(manifest, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(partial, file);
}

export async function readManifest(folder: string, name: string): Promise<BackupManifest | null> {
  try {
    const text = await readText(join(folder, manifestNameOf(name)));
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.file === name ? parsed.data : null;
  } catch {
    return null;
  }
}

async function readText(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** A backup as the list shows it: its manifest, or what its name says when that is missing. */
export function copyView(
  name: string,
  bytes: number,
  manifest: BackupManifest | null,
  thisTerminal: string,
): BackupCopy {
  const terminalId = manifest?.terminalId ?? NAME.exec(name)?.[1] ?? null;
  return {
    name,
    createdAt: manifest?.createdAt ?? null,
    terminalId,
    merchantId: manifest?.merchantId ?? null,
    headSeq: manifest?.headSeq ?? null,
    headHash: manifest?.headHash ?? null,
    bytes,
    verified: manifest?.verified ?? {
      ok: false,
      at: new Date(0).toISOString(),
      problems: [{ kind: 'manifest', detail: 'no readable manifest beside the file' }],
    },
    thisTerminal: terminalId === thisTerminal,
  };
}

/** The backups in the folder, newest first (by name, which holds the UTC time). */
export async function listBackups(folder: string, thisTerminal: string): Promise<BackupCopy[]> {
  const names = (await readdir(folder)).filter(isBackupFileName).sort().reverse();
  return Promise.all(
    names.map(async (name) => {
      const bytes = (await stat(join(folder, name))).size;
      return copyView(name, bytes, await readManifest(folder, name), thisTerminal);
    }),
  );
}

/**
 * Deletes this terminal's backups older than `keepDays`, never the newest one: a till that
 * was off for a month still keeps its last good copy. Another terminal's copies (a shared
 * folder) are theirs to prune.
 */
export async function pruneBackups(
  folder: string,
  terminalId: string,
  keepDays: number,
  now: Date,
): Promise<string[]> {
  const ours = (await listBackups(folder, terminalId)).filter((copy) => copy.thisTerminal);
  const cutoff = now.getTime() - keepDays * 24 * 3_600_000;
  const old = ours.slice(1).filter((copy) => {
    const made = copy.createdAt === null ? Number.NaN : Date.parse(copy.createdAt);
    return Number.isFinite(made) && made < cutoff;
  });
  for (const copy of old) {
    await rm(join(folder, manifestNameOf(copy.name)), { force: true });
    await rm(join(folder, copy.name), { force: true });
  }
  return old.map((copy) => copy.name);
}
