// `npm run bench [-- --only=fsync,commit,catalog]`: prints a table, writes bench/results/bench.json
// (bench-<sections>.json for an --only run).
import { runBench } from './runner';

await runBench(process.argv.slice(2));
