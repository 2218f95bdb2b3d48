import { openDatabase } from '@main/ledger/database';
import { CatalogStore } from '@main/catalog/catalog-store';
import { syntheticCatalog } from '@main/catalog/demo-catalog';
const db = openDatabase('/tmp/cat1m/ledger.sqlite');
new CatalogStore(db).upsertMany(syntheticCatalog(1_000_000, 20_261_122));
db.pragma('wal_checkpoint(TRUNCATE)');
db.close();
