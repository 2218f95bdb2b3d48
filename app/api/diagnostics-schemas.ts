import { z } from 'zod';

/** The technician's diagnostics: what main/diagnostics reports, as the renderer sees it. */

export const logLevelSchema = z.enum(['info', 'warn', 'error']);

export const logTailSchema = z.object({
  /** Oldest first; fields are redacted before they leave the main process. */
  lines: z.array(
    z.object({
      at: z.string().nullable(),
      level: logLevelSchema,
      message: z.string(),
      fields: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    }),
  ),
  skipped: z.number().int(),
  capped: z.boolean(),
  fileBytes: z.number().int(),
});

export const databaseHealthSchema = z.object({
  integrity: z.object({
    check: z.enum(['quick_check', 'integrity_check']),
    ok: z.boolean(),
    problems: z.array(z.string()),
  }),
  files: z.object({ databaseBytes: z.number().int(), walBytes: z.number().int() }),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  freelistCount: z.number().int(),
  entryCount: z.number().int().nullable(),
  chain: z
    .discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), count: z.number().int(), headHash: z.string() }),
      z.object({ ok: z.literal(false), atSeq: z.number().int(), reason: z.string() }),
    ])
    .nullable(),
  errors: z.array(z.object({ part: z.string(), message: z.string() })),
  tookMs: z.number(),
});

const storagePartSchema = z.object({
  /** Failing now: the last attempt failed. */
  failing: z.boolean(),
  /** Failed attempts since start (for the log: failed writes, each losing its lines). */
  failures: z.number().int(),
  lastError: z.string().nullable(),
  /** When the current (or last) streak of failures began. */
  since: z.string().nullable(),
});

/** Disk faults that do not stop selling but must be seen: the log and the WAL checkpoint. */
export const storageHealthSchema = z.object({
  log: storagePartSchema,
  checkpoint: storagePartSchema,
});

export const systemInfoSchema = z.object({
  appVersion: z.string(),
  versions: z.object({
    node: z.string(),
    electron: z.string().nullable(),
    chrome: z.string().nullable(),
    sqlite: z.string().nullable(),
  }),
  os: z.object({ platform: z.string(), release: z.string(), arch: z.string() }),
  cpuCount: z.number().int(),
  memory: z.object({ totalBytes: z.number(), freeBytes: z.number() }),
  uptimeSeconds: z.object({ system: z.number(), process: z.number() }),
  dataDir: z.string(),
  disk: z.object({ freeBytes: z.number(), totalBytes: z.number() }).nullable(),
  storage: storageHealthSchema,
});

export const supportBundleSchema = z.object({
  fileName: z.string(),
  /** Where it was saved on this computer. */
  path: z.string(),
  sizeBytes: z.number().int(),
  /** The zip itself, for the renderer to offer as a download. */
  base64: z.string(),
});

/** One chunk through the serial monitor; card data is never shown. */
export const serialTrafficSchema = z.object({
  at: z.string(),
  direction: z.enum(['rx', 'tx', 'info']),
  hex: z.string(),
  text: z.string(),
});
