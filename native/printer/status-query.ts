import { isStatusByte, parseStatusAnswers, STATUS_QUERIES, statusRequest } from './printer-status';
import type { PrinterStatusReport } from './printer-status';

/** A byte stream to a printer that can answer: a socket, a serial port. */
export interface StatusLine {
  write(bytes: Uint8Array): void;
  onData(listener: (chunk: Uint8Array) => void): () => void;
}

/**
 * Sends DLE EOT 1-4 one at a time and waits for each one-byte answer. Bytes that are not
 * status answers (automatic status back, a late echo) are passed over; a printer that stays
 * silent for `timeoutMs` rejects with a message a technician can act on.
 */
export async function queryPrinterStatus(
  line: StatusLine,
  description: string,
  timeoutMs = 1_000,
): Promise<PrinterStatusReport> {
  const answers: number[] = [];
  for (const n of STATUS_QUERIES) {
    answers.push(await askOne(line, n, description, timeoutMs));
  }
  const report = parseStatusAnswers(answers);
  if (report === null) throw new Error(`${description}: status answers not understood`);
  return report;
}

function askOne(
  line: StatusLine,
  n: (typeof STATUS_QUERIES)[number],
  description: string,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(
        new Error(
          `${description}: no answer to status query ${String(n)} (does it support DLE EOT?)`,
        ),
      );
    }, timeoutMs);
    const stop = line.onData((chunk) => {
      const byte = chunk.find(isStatusByte);
      if (byte === undefined) return;
      clearTimeout(timer);
      stop();
      resolve(byte);
    });
    line.write(statusRequest(n));
  });
}
