import { SerialPort } from 'serialport';
import { checkSwipeText } from '@app/card/swipe-diagnosis';
import { localExpiryClock, ReaderEvents } from './reader';
import type { ExpiryClock, MagstripeReader } from './reader';
import { watchDeviceGone } from '../serial/device-gone-watch';
import { SerialSwipeFramer } from './serial-framer';

export interface SerialReaderOptions {
  /** A device path; SerialPort.list() never lists ptys, so it is always given by hand. */
  path: string;
  /** Most serial readers default to 9600 8N1. */
  baudRate?: number;
  /** A swipe whose line end has not come this long after its last byte is dropped. */
  partialTimeoutMs?: number;
  now?: ExpiryClock;
}

/**
 * A serial or USB-CDC magstripe reader that sends each swipe as text ending in CR. Received
 * chunks are zeroed as soon as they are copied into the framer, and a swipe cut short is
 * dropped (and zeroed) after `partialTimeoutMs`.
 */
export async function openSerialMagstripeReader(
  options: SerialReaderOptions,
): Promise<MagstripeReader> {
  const baudRate = options.baudRate ?? 9600;
  const partialTimeoutMs = options.partialTimeoutMs ?? 500;
  const now = options.now ?? localExpiryClock;
  const description = `Serial ${options.path} ${baudRate}`;
  const events = new ReaderEvents();
  const framer = new SerialSwipeFramer();
  const port = new SerialPort({ path: options.path, baudRate, autoOpen: false });
  let closing = false;
  let partialTimer: NodeJS.Timeout | undefined;

  await new Promise<void>((resolve, reject) => {
    port.open((error) => {
      if (error) reject(new Error(`Card reader ${options.path}: ${error.message}`));
      else resolve();
    });
  });

  const dropPartial = (): void => {
    partialTimer = undefined;
    if (!framer.pending) return;
    framer.clear();
    events.emit('swipe-error', {
      code: 'swipe_incomplete',
      message: `no line end within ${partialTimeoutMs} ms of the last byte`,
      diagnosis: null,
    });
  };

  port.on('data', (chunk: Buffer) => {
    const outputs = framer.push(chunk);
    chunk.fill(0);
    for (const output of outputs) {
      if (output.kind === 'overflow') {
        events.emit('swipe-error', {
          code: 'track_too_long',
          message: 'swipe overran 256 bytes',
          diagnosis: null,
        });
        continue;
      }
      events.emitChecked(checkSwipeText(output.text, now()));
    }
    clearTimeout(partialTimer);
    partialTimer = framer.pending ? setTimeout(dropPartial, partialTimeoutMs) : undefined;
  });

  const unplugged = (reason: string): void => {
    clearTimeout(partialTimer);
    framer.clear();
    if (closing) return;
    closing = true;
    stopWatch();
    if (port.isOpen) port.close();
    events.emit('unplugged', { reason });
  };
  // serialport emits 'close' (with a DisconnectedError) when the device goes away.
  port.on('close', () => unplugged(`${options.path} closed`));
  port.on('error', (error: Error) => unplugged(error.message));
  const stopWatch = watchDeviceGone(options.path, () => unplugged(`${options.path} is gone`));

  return {
    description,
    on: (event, listener) => events.on(event, listener),
    close: () =>
      new Promise<void>((resolve) => {
        stopWatch();
        if (closing || !port.isOpen) {
          closing = true;
          resolve();
          return;
        }
        closing = true;
        port.close(() => resolve());
      }),
  };
}
