import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import type { DecodedPage } from '../printer/decoded-printout';
import { createEscPosStreamDecoder } from '../printer/escpos-decoder';

export interface TcpPrinterSim {
  port: number;
  pages(): DecodedPage[];
  onPage(listener: (page: DecodedPage) => void): () => void;
  close(): Promise<void>;
}

/**
 * A raw TCP (9100) receipt printer on loopback for tests and people without a printer:
 * every connection's bytes are decoded as a real printer would print them.
 */
export async function startTcpPrinterSim(
  options: { port?: number; host?: string } = {},
): Promise<TcpPrinterSim> {
  const pages: DecodedPage[] = [];
  const listeners = new Set<(page: DecodedPage) => void>();
  const sockets = new Set<Socket>();
  const emit = (page: DecodedPage) => {
    pages.push(page);
    for (const listener of listeners) listener(page);
  };
  const server = createServer((socket) => {
    sockets.add(socket);
    const decoder = createEscPosStreamDecoder();
    socket.on('data', (chunk) => decoder.push(chunk).forEach(emit));
    socket.on('close', () => {
      sockets.delete(socket);
      const last = decoder.flush();
      if (last) emit(last);
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    pages: () => [...pages],
    onPage: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
