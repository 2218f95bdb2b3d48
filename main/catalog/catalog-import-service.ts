import type { CatalogExport, ImportPreview, ImportProgress, ImportResult } from '@app/api/contract';
import { csvHeaderLine, productCsvLine } from '@app/catalog/catalog-csv';
import type { CurrencyCode } from '@app/money/currency';
import type { NamedTaxClass } from '@app/tax/tax-class';
import { DomainError } from '@app/result';
import type { CatalogStore } from './catalog-store';
import { encodeCsv } from './csv-decode';
import type { CsvEncoding } from './csv-decode';
import { planImport } from './import-plan';
import type { ImportPlan } from './import-plan';
import type { ImportJob, ImportRunner } from './import-runner';

/** Largest CSV file accepted: about 300,000 products. Bigger catalogs go in several files. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
/** One upload message's bytes: well under the browser host's 1 MiB WebSocket frame limit. */
export const MAX_CHUNK_BYTES = 512 * 1024;
const SAMPLE = 100;
const REFUSED_SHOWN = 500;

export interface CatalogImportDeps {
  catalog: CatalogStore;
  currency: () => CurrencyCode;
  taxClasses: () => readonly NamedTaxClass[];
  runner: ImportRunner;
  /** Where the worker opens the database. */
  job: Omit<ImportJob, 'plan'>;
  newId: () => string;
  emit: (progress: ImportProgress) => void;
  /** Told after an import wrote products (the cart and grid read the catalog anew). */
  onImported?: () => void;
  /** Throws `catalog_managed` while a back office manages the catalog (down-sync). */
  assertEditable?: () => void;
}

interface Upload {
  chunks: Uint8Array[];
  size: number;
}

/**
 * CSV import in three steps: the file arrives in chunks (the renderer reads it as bytes),
 * a dry run shows what would be added, changed and refused, then the plan the owner saw is
 * applied in one transaction with progress. Export writes a file the import reads back.
 */
export class CatalogImportService {
  private readonly uploads = new Map<string, Upload>();
  private pending: { id: string; plan: ImportPlan } | null = null;
  private applying = false;

  constructor(private readonly deps: CatalogImportDeps) {}

  upload(uploadId: string, offset: number, bytes: Uint8Array): { received: number } {
    if (bytes.length > MAX_CHUNK_BYTES) {
      throw new DomainError('file_too_large', 'chunk too large', {
        limit: MAX_CHUNK_BYTES / 1024 / 1024,
      });
    }
    const upload = this.uploads.get(uploadId) ?? { chunks: [], size: 0 };
    if (offset === 0) {
      // One upload at a time is enough for one owner; a new file replaces an old one.
      this.uploads.clear();
      upload.chunks = [];
      upload.size = 0;
    }
    if (offset !== upload.size) {
      throw new DomainError('invalid_input', `chunk at ${offset}, expected ${upload.size}`);
    }
    if (upload.size + bytes.length > MAX_IMPORT_BYTES) {
      this.uploads.delete(uploadId);
      throw new DomainError('file_too_large', 'file too large', {
        limit: MAX_IMPORT_BYTES / 1024 / 1024,
      });
    }
    upload.chunks.push(bytes);
    upload.size += bytes.length;
    this.uploads.set(uploadId, upload);
    return { received: upload.size };
  }

  dryRun(uploadId: string, fileName: string): ImportPreview {
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new DomainError('import_not_found', `no upload ${uploadId}`);
    this.uploads.delete(uploadId);
    const bytes = new Uint8Array(upload.size);
    let at = 0;
    for (const chunk of upload.chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return this.preview(this.plan(bytes), fileName);
  }

  /** The dry run of bytes already in hand (tests, and a file given on the command line). */
  plan(bytes: Uint8Array): { id: string; plan: ImportPlan } {
    const plan = planImport(bytes, {
      catalog: this.deps.catalog,
      currency: this.deps.currency(),
      taxClasses: this.deps.taxClasses(),
      newId: this.deps.newId,
    });
    this.pending = { id: this.deps.newId(), plan };
    return this.pending;
  }

  /** Applies the plan of the last dry run, all of it or nothing. */
  async apply(importId: string): Promise<ImportResult> {
    this.deps.assertEditable?.();
    const pending = this.pending;
    if (pending?.id !== importId || this.applying) {
      throw new DomainError('import_not_found', `no import ${importId} waiting`);
    }
    const { plan } = pending;
    const total = plan.adds.length + plan.changes.length;
    const progress = (state: ImportProgress['state'], done: number) =>
      this.deps.emit({ importId, state, done, total });
    this.applying = true;
    this.pending = null;
    progress('applying', 0);
    try {
      const outcome = await this.deps.runner(
        {
          ...this.deps.job,
          plan: { adds: plan.adds, changes: plan.changes, newCategories: plan.newCategories },
        },
        (done) => progress('applying', done),
      );
      if (!outcome.ok) {
        progress('failed', 0);
        throw new DomainError('import_failed', outcome.message, { reason: outcome.message });
      }
      progress('done', total);
      this.deps.onImported?.();
      return {
        importId,
        added: plan.adds.length,
        changed: plan.changes.length,
        unchanged: plan.unchanged,
        refused: plan.refused.length,
        categoriesAdded: plan.newCategories.length,
      };
    } finally {
      this.applying = false;
    }
  }

  /** The whole catalog as CSV, sorted by SKU. */
  exportCsv(encoding: CsvEncoding): CatalogExport {
    const currency = this.deps.currency();
    const lines = [csvHeaderLine()];
    for (const product of this.deps.catalog.all()) lines.push(productCsvLine(product, currency));
    const bytes = encodeCsv(`${lines.join('\r\n')}\r\n`, encoding);
    return {
      fileName: `catalog-${encoding}.csv`,
      encoding,
      products: lines.length - 1,
      dataBase64: Buffer.from(bytes).toString('base64'),
    };
  }

  private preview({ id, plan }: { id: string; plan: ImportPlan }, fileName: string): ImportPreview {
    const brief = (change: ImportPlan['adds'][number]) => ({
      line: change.line,
      sku: change.product.sku,
      nameEn: change.product.nameEn,
      nameZh: change.product.nameZh,
      priceMinor: change.product.priceMinor,
      fields: change.fields.map(String),
    });
    return {
      importId: id,
      fileName,
      encoding: plan.encoding,
      rows: plan.rows,
      added: plan.adds.length,
      changed: plan.changes.length,
      unchanged: plan.unchanged,
      refusedCount: plan.refused.length,
      newCategories: plan.newCategories.map((c) => c.id),
      ignoredColumns: plan.ignoredColumns,
      addSample: plan.adds.slice(0, SAMPLE).map(brief),
      changeSample: plan.changes.slice(0, SAMPLE).map(brief),
      refused: plan.refused.slice(0, REFUSED_SHOWN).map((row) => ({
        line: row.line,
        sku: row.sku,
        problems: row.problems.map((p) => ({ code: p.code, params: p.params })),
      })),
    };
  }
}
