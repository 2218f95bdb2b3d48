import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { createTcpPrinter } from './tcp-printer';
import { encodeReceipt } from './receipt-encoder';
import { decodeEscPos } from './escpos-decoder';
import type { DecodedPage } from './decoded-printout';
import { sampleReceipt } from './sample-receipt';
import { drawerKickCommand } from './cash-drawer';
import { summarizeStatus } from './printer-status';
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

describe('TCP printer status and drawer', () => {
  it('asks DLE EOT 1-4 over the socket and reads each state the simulator is in', async () => {
    sim = await startTcpPrinterSim();
    const printer = createTcpPrinter({ host: '127.0.0.1', port: sim.port });
    expect(summarizeStatus(await printer.queryStatus())).toEqual({
      condition: 'ready',
      drawerOpen: false,
    });
    sim.state.setPaper('near-end');
    expect(summarizeStatus(await printer.queryStatus()).condition).toBe('paper-near-end');
    sim.state.setCover(true);
    expect(summarizeStatus(await printer.queryStatus()).condition).toBe('cover-open');
    sim.state.setCover(false);
    sim.state.setPaper('out');
    expect(summarizeStatus(await printer.queryStatus()).condition).toBe('paper-out');
  });

  it('kicks the drawer on the pin asked for, and the sensor then says open', async () => {
    sim = await startTcpPrinterSim();
    const printer = createTcpPrinter({ host: '127.0.0.1', port: sim.port });
    await printer.write(drawerKickCommand({ pin: 2, onMs: 100, offMs: 200 }));
    const deadline = Date.now() + 2_000;
    while (sim.state.drawerKicks().length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(sim.state.drawerKicks()).toMatchObject([{ pin: 2, onMs: 100, offMs: 200 }]);
    expect(summarizeStatus(await printer.queryStatus()).drawerOpen).toBe(true);
  });

  it('says so when a printer takes the connection but never answers a status query', async () => {
    const port = await listen();
    const printer = createTcpPrinter({ host: '127.0.0.1', port, statusTimeoutMs: 300 });
    const started = Date.now();
    await expect(printer.queryStatus()).rejects.toThrow(
      `Printer 127.0.0.1:${String(port)}: no answer to status query 1`,
    );
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('passes over automatic status back bytes and reads the real answers', async () => {
    // A printer with ASB on (GS a) sends a 4-byte report on connect; its bytes lack the
    // DLE EOT fixed bits (first byte bit 1 clear, the others bit 4 clear).
    const answers: Record<number, number> = { 1: 0x16, 2: 0x12, 3: 0x12, 4: 0x1e };
    const port = await listen((socket) => {
      socket.write(Uint8Array.of(0x14, 0x00, 0x00, 0x0f));
      socket.on('data', (chunk: Buffer) => {
        for (let i = 0; i + 2 < chunk.length; i += 3) {
          if (chunk[i] === 0x10 && chunk[i + 1] === 0x04) {
            socket.write(Uint8Array.of(0x00, answers[chunk[i + 2]!]!));
          }
        }
      });
    });
    const report = await createTcpPrinter({ host: '127.0.0.1', port }).queryStatus();
    expect(report).toMatchObject({ online: true, drawerPin3High: true, paperNearEnd: true });
    expect(summarizeStatus(report)).toEqual({ condition: 'paper-near-end', drawerOpen: true });
  });

  it('waits for the job on the line before asking for status', async () => {
    // A printer busy with a job for a moment (it reads nothing for 300 ms), answering status
    // on any connection at once: asked side by side, the status would come first.
    const port = await listen((socket) => {
      socket.once('data', (first: Buffer) => {
        if (first[0] === 0x10) {
          socket.write(Uint8Array.of(0x12));
          socket.on('data', () => socket.write(Uint8Array.of(0x12)));
          return;
        }
        socket.pause();
        setTimeout(() => socket.resume(), 300);
      });
    });
    const printer = createTcpPrinter({ host: '127.0.0.1', port });
    const order: string[] = [];
    // More than the socket buffers hold, so the job ends only once the printer reads.
    const job = printer.write(new Uint8Array(32 * 1024 * 1024)).then(() => order.push('job'));
    const status = printer.queryStatus().then(() => order.push('status'));
    await Promise.all([job, status]);
    expect(order).toEqual(['job', 'status']);
  });
});
