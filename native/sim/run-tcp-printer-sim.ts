// `npx tsx native/sim/run-tcp-printer-sim.ts [--port 9100]`: a network receipt printer that
// prints to this terminal. Point Countertop's Printer screen at 127.0.0.1 and this port.
import { startTcpPrinterSim } from './tcp-printer-sim';

const flag = process.argv.indexOf('--port');
const port = flag >= 0 ? Number(process.argv[flag + 1]) : 9100;
const sim = await startTcpPrinterSim({ port });
console.log(`Simulated TCP printer listening on 127.0.0.1:${String(sim.port)}`);
sim.onPage((page) => {
  for (const line of page.lines) {
    console.log(line.kind === 'text' ? line.text : `[${line.kind}: ${line.data}]`);
  }
  console.log(page.cut ? '---------------- cut ----------------' : '(no cut)');
});
