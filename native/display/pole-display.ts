import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { epsonPoleCommands } from './epson-display-commands';
import type { Brightness, PoleCommandSet } from './epson-display-commands';
import type { PoleScreen } from './pole-screens';

export interface PoleDisplay {
  /** For people: "Pole display /dev/ttyUSB1 9600 (Epson ESC/POS customer display)". */
  readonly description: string;
  /** Replaces the whole screen; resolves once the bytes left for the port. */
  show(screen: PoleScreen): Promise<void>;
  clear(): Promise<void>;
  /** The port went away (unplugged, or it failed); reopen to go on. */
  onClosed(listener: (event: { reason: string }) => void): () => void;
  /** Releases the port; no closed event follows. */
  close(): Promise<void>;
}

export interface SerialPoleDisplayOptions {
  /** A device path; SerialPort.list() never lists ptys, so it is always given by hand. */
  path: string;
  /** Pole displays default to 9600 8N1. */
  baudRate?: number;
  brightness?: Brightness;
  /** Models differ (HARDWARE.md); Epson mode is what most 2×20 VFDs speak. */
  commandSet?: PoleCommandSet;
}

/** Opens a serial pole display and initializes it (cleared, overwrite mode, cursor hidden). */
export async function openSerialPoleDisplay(
  options: SerialPoleDisplayOptions,
): Promise<PoleDisplay> {
  const baudRate = options.baudRate ?? 9600;
  const commands = options.commandSet ?? epsonPoleCommands;
  const description = `Pole display ${options.path} ${baudRate} (${commands.name})`;
  const port = new SerialPort({ path: options.path, baudRate, autoOpen: false });
  const listeners = new Set<(event: { reason: string }) => void>();
  let closing = false;

  await new Promise<void>((resolve, reject) => {
    port.open((error) => {
      if (error) reject(new Error(`Pole display ${options.path}: ${error.message}`));
      else resolve();
    });
  });

  const closedBy = (reason: string): void => {
    clearInterval(presence);
    if (closing) return;
    closing = true;
    for (const listener of listeners) listener({ reason });
  };
  // serialport does not always see a pty or USB adapter vanish while nothing is read; the
  // device node going away is the sure sign (checked each second, as for the other roles).
  const presence = setInterval(() => {
    if (!existsSync(options.path)) {
      if (port.isOpen) port.close();
      closedBy(`${options.path} disconnected`);
    }
  }, 1_000);
  presence.unref();
  // Displays send nothing, but reading is how serialport learns the device has gone away.
  port.on('data', () => undefined);
  port.on('close', (error: Error | null) => {
    closedBy(`${options.path} disconnected${error ? `: ${error.message}` : ''}`);
  });
  port.on('error', (error: Error) => {
    if (port.isOpen) port.close();
    closedBy(`${options.path} failed: ${error.message}`);
  });

  const send = (bytes: Uint8Array): Promise<void> =>
    new Promise((resolve, reject) => {
      if (closing || !port.isOpen) {
        reject(new Error(`${description} is closed`));
        return;
      }
      port.write(Buffer.from(bytes));
      port.drain((error) => {
        if (error) reject(new Error(`${description}: ${error.message}`));
        else resolve();
      });
    });

  await send(
    commands.init(options.brightness === undefined ? {} : { brightness: options.brightness }),
  );

  return {
    description,
    show: (screen) => send(commands.screen(screen)),
    clear: () => send(commands.clear()),
    onClosed: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(presence);
        const wasClosing = closing;
        closing = true;
        if (wasClosing || !port.isOpen) resolve();
        else port.close(() => resolve());
      }),
  };
}
