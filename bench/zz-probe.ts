import { openDatabase } from '@main/ledger/database';
import { CatalogStore } from '@main/catalog/catalog-store';
import { matchExpression } from '@main/catalog/search-terms';
import { searchQueries } from './search-queries';
const db = openDatabase('/tmp/cat1m/ledger.sqlite');
const c = new CatalogStore(db);
const qs = searchQueries(1000, 20_261_122);
const t: [number, string][] = [];
for (const q of qs) { const s = process.hrtime.bigint(); c.search(q, 20); t.push([Number(process.hrtime.bigint() - s) / 1e6, q]); }
t.sort((a, b) => b[0] - a[0]);
console.log(t.slice(0, 15).map(([ms, q]) => `${ms.toFixed(1)} ${q} ${matchExpression(q)}`).join('\n'));
const variants: Record<string, string> = {
  norank: 'SELECT rowid FROM products_fts WHERE products_fts MATCH ? LIMIT 200',
  rank: 'SELECT rowid, rank FROM products_fts WHERE products_fts MATCH ? LIMIT 200',
};
for (const [name, sql] of Object.entries(variants)) {
  const st = db.prepare(sql); const d: number[] = [];
  for (const q of qs) { const m = matchExpression(q)!; const s = process.hrtime.bigint(); st.all(m); d.push(Number(process.hrtime.bigint() - s) / 1e6); }
  d.sort((a, b) => a - b); console.log(name, 'p50', d[500]?.toFixed(2), 'p99', d[990]?.toFixed(2));
}
