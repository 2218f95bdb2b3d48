/**
 * ZVT over a serial line (PA00P016): 9600 baud, 8 data bits, no parity, 2 stop bits by
 * default (ecrterm transport_serial.py; some terminals run 115200, see HARDWARE.md).
 * SerialPort.list() never shows ptys, so the path is always given by the caller.
 */
import { SerialPort } from 'serialport';
import { ZvtLinkError, createLinkEvents } from './link';
import type { ZvtLink } from './link';
import { createSerialLinkLayer } from './serial-link-layer';
import type { SerialLinkLayerOptions } from './serial-link-layer';

export interface SerialTerminalOptions extends SerialLinkLayerOptions {
  readonly path: string;
  readonly baudRate?: 9600 | 19200 | 38400 | 57600 | 115200;
}

export function openSerialTerminal(options: SerialTerminalOptions): Promise<ZvtLink> {
  const baudRate = options.baudRate ?? 9600;
  const description = `Serial ${options.path} ${String(baudRate)} 8N2`;
  return new Promise<ZvtLink>((resolve, reject) => {
    const port = new SerialPort({
      path: options.path,
      baudRate,
      dataBits: 8,
      parity: 'none',
      stopBits: 2,
      autoOpen: false,
    });
    port.open((error) => {
      if (error) {
        reject(new ZvtLinkError('connect-failed', `${description}: ${error.message}`));
        return;
      }
      resolve(linkFromSerialPort(port, description, options));
    });
  });
}

export function linkFromSerialPort(
  port: SerialPort,
  description: string,
  options: SerialLinkLayerOptions = {},
): ZvtLink {
  const events = createLinkEvents();
  const layer = createSerialLinkLayer(
    (bytes) => {
      if (port.isOpen) port.write(Buffer.from(bytes));
    },
    (message) => events.emitApdu(message),
    options,
  );
  port.on('data', (chunk: Buffer) => layer.receive(chunk));
  port.on('error', () => undefined); // 'close' follows
  port.on('close', () => {
    const error = new ZvtLinkError('disconnected', `${description}: port closed`);
    layer.fail(error);
    events.emitClose(error);
  });
  return {
    description,
    get closed() {
      return events.closed;
    },
    onApdu: events.onApdu,
    onClose: events.onClose,
    send: (message) =>
      events.closed || !port.isOpen
        ? Promise.reject(new ZvtLinkError('disconnected', `${description}: not open`))
        : layer.send(message).catch((error: unknown) => {
            throw error instanceof ZvtLinkError
              ? new ZvtLinkError(error.code, `${description}: ${error.message}`)
              : error;
          }),
    close: () =>
      new Promise<void>((resolve) => {
        if (!port.isOpen) {
          resolve();
          return;
        }
        port.close(() => resolve());
      }),
  };
}
