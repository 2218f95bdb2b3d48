import { statfsSync } from 'node:fs';
import { arch, cpus, freemem, platform, release, totalmem, uptime } from 'node:os';
import { appVersion } from '../version';

export interface SystemInfo {
  appVersion: string;
  /** Runtime versions; electron and chrome only when running inside Electron. */
  versions: { node: string; electron: string | null; chrome: string | null; sqlite: string | null };
  os: { platform: string; release: string; arch: string };
  cpuCount: number;
  memory: { totalBytes: number; freeBytes: number };
  uptimeSeconds: { system: number; process: number };
  dataDir: string;
  /** Space left for the ledger and logs, or null when the data dir cannot be examined. */
  disk: { freeBytes: number; totalBytes: number } | null;
}

export interface SystemInfoInputs {
  dataDir: string;
  appVersion?: string;
  /** `select sqlite_version()` of the ledger connection, when the caller has one. */
  sqliteVersion?: string;
  /** Stand-in for process.versions (tests). */
  versions?: Partial<Record<string, string>>;
}

/** What a technician asks first: which build, on what, with how much room left. */
export function collectSystemInfo(inputs: SystemInfoInputs): SystemInfo {
  const versions = inputs.versions ?? process.versions;
  return {
    appVersion: inputs.appVersion ?? appVersion,
    versions: {
      node: versions.node ?? process.version,
      electron: versions.electron ?? null,
      chrome: versions.chrome ?? null,
      sqlite: inputs.sqliteVersion ?? null,
    },
    os: { platform: platform(), release: release(), arch: arch() },
    cpuCount: cpus().length,
    memory: { totalBytes: totalmem(), freeBytes: freemem() },
    uptimeSeconds: { system: Math.round(uptime()), process: Math.round(process.uptime()) },
    dataDir: inputs.dataDir,
    disk: diskSpace(inputs.dataDir),
  };
}

/** statfs(2) of the file system holding `dir`; bavail counts what this user may write. */
export function diskSpace(dir: string): SystemInfo['disk'] {
  try {
    const stats = statfsSync(dir);
    return { freeBytes: stats.bavail * stats.bsize, totalBytes: stats.blocks * stats.bsize };
  } catch {
    return null;
  }
}
