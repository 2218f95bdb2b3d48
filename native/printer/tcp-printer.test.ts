import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { createTcpPrinter } from './tcp-printer';
import { encodeReceipt } from './receipt-encoder';
import { decodeEscPos } from './escpos-decoder';
import type { DecodedPage } from './decoded-printout';
import { sampleReceipt } from './sample-receipt';
import { startTcpPrinterSim } from '../sim/tcp-printer-sim';
import type { TcpPrinterSim } from '../sim/tcp-printer-sim';

let sim: TcpPrinterSim | null = null;
let server: Server | null = null;
const sockets = new Set<Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await sim?.close();
  sim = null;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

const listen = async (onConnection?: (socket: Socket) => void) => {
  server = createServer((socket) => {
    sockets.add(socket);
    onConnection?.(socket);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

describe('TCP 9100 printer', () => {
  it('prints a Chinese receipt that the simulated printer decodes exactly', async () => {
    sim = await startTcpPrinterSim();
    const printed = new Promise<DecodedPage>((resolve) => sim!.onPage(resolve));
    const bytes = encodeReceipt(sampleReceipt(58));
    await createTcpPrinter({ host: '127.0.0.1', port: sim.port }).write(bytes);
    const page = await printed;
    expect(page).toEqual(decodeEscPos(bytes).pages[0]);
    expect(page.cut).toBe(true);
    expect(page.lines.some((l) => l.kind === 'text' && l.text.startsWith('合计'))).toBe(true);
  });

  it('rejects with the address and cause when nothing listens', async () => {
    const port = await listen(() => undefined);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = null;
    await expect(
      createTcpPrinter({ host: '127.0.0.1', port }).write(Uint8Array.of(0x1b, 0x40)),
    ).rejects.toThrow(`Printer 127.0.0.1:${String(port)}: refused the connection`);
  });

  it('gives up on a printer that accepts but never takes the data', async () => {
    const port = await listen((socket) => socket.pause());
    const printer = createTcpPrinter({ host: '127.0.0.1', port, writeTimeoutMs: 300 });
    // More than the socket buffers hold, so the write can only finish if the printer reads.
    const big = new Uint8Array(64 * 1024 * 1024);
    await expect(printer.write(big)).rejects.toThrow('timed out printing');
  });

  it('says the printer reset the connection when it drops the job midway', async () => {
    const port = await listen((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const printer = createTcpPrinter({ host: '127.0.0.1', port, writeTimeoutMs: 5_000 });
    await expect(printer.write(new Uint8Array(16 * 1024 * 1024))).rejects.toThrow(
      `Printer 127.0.0.1:${String(port)}: reset the connection`,
    );
  });
});
