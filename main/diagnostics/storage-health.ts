import type { StorageHealthView } from '@app/api/contract';
import type { Logger } from '../log/logger';

export type StoragePart = keyof StorageHealthView;

/** What a writer calls when its write to disk fails or works again. */
export interface FaultReporter {
  onFault(error: unknown): void;
  onRecovered(): void;
}

interface PartState {
  failing: boolean;
  failures: number;
  lastError: string | null;
  since: string | null;
}

/**
 * Disk faults that do not stop the sale but must reach a person: the log that cannot be
 * written, the WAL checkpoint that fails. Each part counts its failures and says whether it
 * is failing now; the Diagnostics screen and the status bar show it.
 */
export class StorageHealth {
  private readonly parts: Record<StoragePart, PartState> = {
    log: fresh(),
    checkpoint: fresh(),
  };
  private listener: (view: StorageHealthView) => void = () => undefined;

  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Failures of `part`; `log` (when given) hears when a streak of them starts and ends. */
  reporter(part: StoragePart, log?: Logger): FaultReporter {
    const state = this.parts[part];
    return {
      onFault: (error) => {
        const started = !state.failing;
        state.failures += 1;
        state.lastError = describe(error);
        if (started) {
          state.failing = true;
          state.since = this.now().toISOString();
          log?.error(`${part} failing`, { error: state.lastError });
        }
        this.listener(this.view());
      },
      onRecovered: () => {
        if (!state.failing) return;
        state.failing = false;
        log?.info(`${part} working again`, { failures: state.failures });
        this.listener(this.view());
      },
    };
  }

  onChange(listener: (view: StorageHealthView) => void): void {
    this.listener = listener;
  }

  view(): StorageHealthView {
    return { log: { ...this.parts.log }, checkpoint: { ...this.parts.checkpoint } };
  }
}

const fresh = (): PartState => ({ failing: false, failures: 0, lastError: null, since: null });

/** The error's code and message (a path at most): nothing a caller logged goes into it. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${code}: ${error.message}` : error.message;
}
