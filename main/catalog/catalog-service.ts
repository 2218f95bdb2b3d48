import { randomUUID } from 'node:crypto';
import type { ProductInput, ScaleLabels } from '@app/api/contract';
import { scaleLabelsSchema } from '@app/api/catalog-schemas';
import { defaultEmbeddedConfig, layoutProblem } from '@app/barcode/embedded';
import type { EmbeddedConfig, RcnPrefix } from '@app/barcode/embedded';
import type { Category, Product, ProductUnit } from '@app/catalog/product';
import { DomainError } from '@app/result';
import type { SettingsStore } from '../settings/settings-store';
import { FAVOURITES } from './catalog-store';
import type { CatalogStore, ProductPage } from './catalog-store';

const SCALE_LABELS_KEY = 'catalog.scaleLabels';

export interface CatalogServiceDeps {
  catalog: CatalogStore;
  settings: SettingsStore;
  /** Products or categories changed: grids and lists reload. */
  changed: () => void;
  /** Throws `catalog_managed` while a back office manages the catalog (down-sync). */
  assertEditable?: () => void;
}

/** The owner's and the grid's view of the catalog: the commands, over CatalogStore. */
export class CatalogService {
  constructor(private readonly deps: CatalogServiceDeps) {}

  get(productId: string): Product {
    const product = this.deps.catalog.byId(productId);
    if (!product) throw new DomainError('product_not_found', `No product ${productId}`);
    return product;
  }

  list(options: {
    query?: string;
    categoryId?: string;
    afterSku?: string;
    limit: number;
  }): ProductPage {
    const query = options.query?.trim() ?? '';
    if (query !== '') {
      const products = this.deps.catalog.search(query, options.limit, {
        ...(options.categoryId === undefined ? {} : { categoryId: options.categoryId }),
      });
      return { products, hasMore: false };
    }
    return this.deps.catalog.list({
      ...(options.categoryId === undefined ? {} : { categoryId: options.categoryId }),
      afterSku: options.afterSku ?? '',
      limit: options.limit,
    });
  }

  grid(categoryId: string, offset: number, limit: number): ProductPage {
    return this.deps.catalog.grid(
      categoryId === FAVOURITES ? FAVOURITES : categoryId,
      offset,
      limit,
    );
  }

  /** The owner's form: a missing price is refused here, everything else by the store. */
  save(input: ProductInput): Product {
    this.deps.assertEditable?.();
    if (input.priceMinor === null) {
      throw new DomainError('price_required', 'price missing', { sku: input.sku });
    }
    const product: Product = {
      id: input.id ?? randomUUID(),
      sku: input.sku.trim(),
      barcode: input.barcode.trim(),
      extraBarcodes: input.extraBarcodes.map((code) => code.trim()).filter(Boolean),
      nameEn: input.nameEn.trim(),
      nameZh: input.nameZh.trim(),
      priceMinor: input.priceMinor,
      // The store refuses anything outside the known tax classes and units.
      taxClass: input.taxClass,
      categoryId: input.categoryId === '' ? null : input.categoryId,
      costMinor: input.costMinor,
      unit: input.unit as ProductUnit,
      active: input.active,
      trackStock: input.trackStock,
      favourite: input.favourite,
      plu: input.plu === null || input.plu.trim() === '' ? null : input.plu.trim(),
    };
    if (input.id !== null && !this.deps.catalog.byId(input.id)) {
      throw new DomainError('product_not_found', `No product ${input.id}`);
    }
    const saved = this.deps.catalog.save(product);
    this.deps.changed();
    return saved;
  }

  setActive(productId: string, active: boolean): Product {
    this.deps.assertEditable?.();
    return this.update(productId, { active });
  }

  setFavourite(productId: string, favourite: boolean): Product {
    return this.update(productId, { favourite });
  }

  categories(): Category[] {
    return this.deps.catalog.categories();
  }

  saveCategories(categories: readonly Category[]): Category[] {
    this.deps.assertEditable?.();
    const saved = this.deps.catalog.saveCategories(
      categories.map((c) => ({ ...c, nameEn: c.nameEn.trim(), nameZh: c.nameZh.trim() })),
    );
    this.deps.changed();
    return saved;
  }

  deleteCategory(id: string): Category[] {
    this.deps.assertEditable?.();
    const rest = this.deps.catalog.deleteCategory(id);
    this.deps.changed();
    return rest;
  }

  /** The shop's label layouts; the GS1 common layout until the owner sets another. */
  scaleLabels(): EmbeddedConfig {
    const parsed = scaleLabelsSchema.safeParse(this.deps.settings.getValue(SCALE_LABELS_KEY));
    return parsed.success ? parsed.data : defaultEmbeddedConfig;
  }

  setScaleLabels(layouts: ScaleLabels): EmbeddedConfig {
    for (const [prefix, layout] of Object.entries(layouts) as [
      RcnPrefix,
      EmbeddedConfig[RcnPrefix],
    ][]) {
      const problem = layout === undefined ? null : layoutProblem(layout);
      if (problem !== null) {
        throw new DomainError('invalid_input', `prefix ${prefix}: ${problem}`, { prefix });
      }
    }
    this.deps.settings.setValue(SCALE_LABELS_KEY, layouts);
    return this.scaleLabels();
  }

  private update(productId: string, change: Partial<Product>): Product {
    const product = { ...this.get(productId), ...change };
    this.deps.catalog.upsertMany([product]);
    this.deps.changed();
    return product;
  }
}
