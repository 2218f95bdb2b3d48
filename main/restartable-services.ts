import type { EventName, EventPayload, RestoreOutcome } from '@app/api/contract';
import { EventBus } from './kernel/event-bus';
import type { Dispatch } from './api/dispatcher';
import { swapLedger } from './backup/ledger-swap';
import type { LedgerSwap } from './backup/ledger-swap';
import type { Services } from './services';

/** Builds one set of services; `replaceLedger` is how a restore asks for the restart. */
export type ServicesFactory = (replaceLedger: (swap: LedgerSwap) => void) => Services;

/**
 * The services a host holds, restartable by a restore: close → swap the ledger file →
 * create again. The hosts keep one object: commands go to the current services (a command
 * that arrives during the restart waits for it), and events of whichever services run are
 * forwarded on one bus, so a connected screen hears `backup.restored` when it is done.
 */
export function restartableServices(create: ServicesFactory): Services {
  const bus = new EventBus();
  let restarting: Promise<void> | null = null;
  let inFlight = 0;
  let drained: (() => void) | null = null;
  let current: Services;
  let unforward: () => void;

  const start = (): void => {
    current = create(replaceLedger);
    unforward = current.bus.subscribe((event, payload) =>
      bus.emit(event, payload as EventPayload<EventName>),
    );
  };

  const settled = async (): Promise<void> => {
    while (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
  };

  async function restart(swap: LedgerSwap): Promise<void> {
    // The restore command answers first; commands already running finish on the old ledger.
    await new Promise((resolve) => setImmediate(resolve));
    await settled();
    const log = current.log;
    unforward();
    // A damaged ledger may fail its last checkpoint: it is set aside all the same.
    await current.close().catch((error: unknown) => {
      log.error('services did not close cleanly before the restore', { error: String(error) });
    });
    let outcome: RestoreOutcome;
    try {
      const undo = swapLedger(swap);
      try {
        start();
        outcome = { ok: true, name: swap.name, asideDir: swap.asideDir, error: null };
      } catch (error) {
        // The copy would not open as a ledger: the till goes back to its own data.
        log.error('restored ledger did not start; the previous one is back', {
          error: String(error),
        });
        undo();
        start();
        outcome = failed(swap, error);
      }
    } catch (error) {
      log.error('restore swap failed; the ledger is unchanged', { error: String(error) });
      start();
      outcome = failed(swap, error);
    }
    current.log.warn('restore finished', {
      ok: outcome.ok,
      backup: swap.name,
      aside: swap.asideDir,
    });
    restarting = null;
    bus.emit('backup.restored', outcome);
  }

  function replaceLedger(swap: LedgerSwap): void {
    restarting ??= restart(swap);
  }

  const waitForRestart = async (): Promise<void> => {
    while (restarting) await restarting;
  };

  const dispatch: Dispatch = async (command, input) => {
    await waitForRestart();
    inFlight += 1;
    try {
      return await current.dispatch(command, input);
    } finally {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    }
  };

  start();
  return {
    dispatch,
    bus,
    get log() {
      return current.log;
    },
    shiftOpen: () => current.shiftOpen(),
    idle: async () => {
      await waitForRestart();
      await current.idle();
    },
    close: async () => {
      await waitForRestart();
      unforward();
      await current.close();
    },
  };
}

const failed = (swap: LedgerSwap, error: unknown): RestoreOutcome => ({
  ok: false,
  name: swap.name,
  asideDir: null,
  error: {
    code: 'restore_failed',
    message: error instanceof Error ? error.message : String(error),
    params: { reason: error instanceof Error ? error.message : String(error) },
  },
});
