import { SerialPort } from 'serialport';
import { watchDeviceGone } from '../serial/device-gone-watch';
import { ScanFramer } from './scan-framer';
import type { ScanFrame } from './scan-framer';
import type { ScanSuffix } from './scan-suffix';
import { ScannerEventHub } from './scanner';
import type { BarcodeScanner } from './scanner';

export interface SerialScannerOptions {
  /** A device path; SerialPort.list() never lists ptys, so it is always given by hand. */
  path: string;
  /** Serial scanners default to 9600 8N1. */
  baudRate?: number;
  /** What the scanner is programmed to send after each code (default CR, the factory one). */
  suffix?: ScanSuffix;
  /** With suffix 'none': the pause that ends a code. A scanner sends a code in one burst. */
  idleGapMs?: number;
  /** With a suffix: a frame whose suffix has not come this long after its last byte is dropped. */
  partialTimeoutMs?: number;
  /** The longest code accepted (default 128). */
  maxLength?: number;
  /** Clock for the codes' timestamps. */
  now?: () => number;
}

/** Opens a serial (or USB-CDC) barcode scanner. Rejects with the path when it cannot open. */
export async function openSerialScanner(options: SerialScannerOptions): Promise<BarcodeScanner> {
  const baudRate = options.baudRate ?? 9600;
  const suffix = options.suffix ?? 'cr';
  const quietMs = suffix === 'none' ? (options.idleGapMs ?? 50) : (options.partialTimeoutMs ?? 500);
  const now = options.now ?? Date.now;
  const events = new ScannerEventHub();
  const framer = new ScanFramer({ suffix, maxLength: options.maxLength ?? 128 });
  const port = new SerialPort({ path: options.path, baudRate, autoOpen: false });
  let closing = false;
  let quietTimer: NodeJS.Timeout | undefined;

  await new Promise<void>((resolve, reject) => {
    port.open((error) => {
      if (error) reject(new Error(`Barcode scanner ${options.path}: ${error.message}`));
      else resolve();
    });
  });

  const deliver = (frames: ScanFrame[]): void => {
    for (const frame of frames) {
      if (frame.kind === 'code') events.emit('code', { text: frame.text, atMs: frame.atMs });
      else {
        const { kind, ...malformed } = frame;
        events.emit('malformed', malformed);
      }
    }
  };

  port.on('data', (chunk: Buffer) => {
    clearTimeout(quietTimer);
    deliver(framer.push(chunk, now()));
    quietTimer = framer.pending
      ? setTimeout(() => deliver(framer.flush(now())), quietMs)
      : undefined;
  });

  const closedBy = (reason: string): void => {
    clearTimeout(quietTimer);
    if (closing) return;
    closing = true;
    stopWatch();
    if (port.isOpen) port.close();
    events.emit('closed', { reason });
  };
  // serialport emits 'close' with a DisconnectedError when the device goes away.
  port.on('close', (error: Error | null) => {
    closedBy(`${options.path} disconnected${error ? `: ${error.message}` : ''}`);
  });
  port.on('error', (error: Error) => closedBy(`${options.path} failed: ${error.message}`));
  const stopWatch = watchDeviceGone(options.path, () => closedBy(`${options.path} is gone`));

  return {
    description: `Serial scanner ${options.path} ${baudRate}, suffix ${suffix}`,
    on: (event, listener) => events.on(event, listener),
    close: () =>
      new Promise<void>((resolve) => {
        clearTimeout(quietTimer);
        stopWatch();
        const wasClosing = closing;
        closing = true;
        if (wasClosing || !port.isOpen) resolve();
        else port.close(() => resolve());
      }),
  };
}
