import { z } from 'zod';
import { command } from './command';
import {
  catalogExportSchema,
  catalogSyncViewSchema,
  categorySchema,
  importPreviewSchema,
  importResultSchema,
  productInputSchema,
  productPageSchema,
  scaleLabelsSchema,
} from './catalog-schemas';
import { productSchema } from './schemas';

const none = z.strictObject({});

/** The owner's catalog and the cashier's grid (issue #7); part of contract.ts's commands. */
export const catalogCommands = {
  'catalog.get': command(
    'One product, as the owner edits it.',
    z.strictObject({ productId: z.string().min(1).max(64) }),
    productSchema,
  ),
  'catalog.list': command(
    "The owner's product list: by SKU a page at a time, or the products matching a search; " +
      'optionally one category.',
    z.strictObject({
      query: z.string().max(100).optional(),
      categoryId: z.string().max(16).optional(),
      afterSku: z.string().max(64).optional(),
      limit: z.number().int().min(1).max(200),
    }),
    productPageSchema,
  ),
  'catalog.grid': command(
    "A page of the cashier's touch grid: a category's products for sale, favourites first " +
      '(categoryId "favourites" for the favourites tab).',
    z.strictObject({
      categoryId: z.string().min(1).max(16),
      offset: z.number().int().min(0).max(1_000_000),
      limit: z.number().int().min(1).max(100),
    }),
    productPageSchema,
  ),
  'catalog.save': command(
    'Adds or changes a product (owner or manager); clashes and bad fields are refused with a reason.',
    z.strictObject({ product: productInputSchema }),
    productSchema,
  ),
  'catalog.setActive': command(
    'Deactivates a product (no longer sold, kept for history) or activates it again.',
    z.strictObject({ productId: z.string().min(1).max(64), active: z.boolean() }),
    productSchema,
  ),
  'catalog.setFavourite': command(
    "Marks a product as a favourite (first on the cashier's grid) or not.",
    z.strictObject({ productId: z.string().min(1).max(64), favourite: z.boolean() }),
    productSchema,
  ),
  'catalog.categories': command('The grid categories, in order.', none, z.array(categorySchema)),
  'catalog.saveCategories': command(
    'Adds or changes categories (names, colour, order); returns all of them.',
    z.strictObject({ categories: z.array(categorySchema).min(1).max(200) }),
    z.array(categorySchema),
  ),
  'catalog.deleteCategory': command(
    'Deletes a category that has no products; returns the rest.',
    z.strictObject({ categoryId: z.string().min(1).max(16) }),
    z.array(categorySchema),
  ),
  'catalog.importUpload': command(
    'Sends part of a CSV file for import (at most 512 KiB a chunk, in order from offset 0; ' +
      '32 MiB a file).',
    z.strictObject({
      uploadId: z.uuid(),
      offset: z.number().int().min(0),
      dataBase64: z.string().max(700_000),
    }),
    z.object({ received: z.number().int() }),
  ),
  'catalog.importDryRun': command(
    'Reads the uploaded CSV (UTF-8 or GB18030) and shows what importing it would add, change ' +
      'and refuse (each refused row with its reasons). Nothing is written.',
    z.strictObject({ uploadId: z.uuid(), fileName: z.string().max(200) }),
    importPreviewSchema,
  ),
  'catalog.importApply': command(
    'Applies the last dry run in one transaction, with catalog.importProgress events; a ' +
      'failure changes nothing.',
    z.strictObject({ importId: z.string().min(1).max(64) }),
    importResultSchema,
  ),
  'catalog.export': command(
    'The whole catalog as a CSV file the import accepts (UTF-8 with BOM, or GB18030).',
    z.strictObject({ encoding: z.enum(['utf-8', 'gb18030']) }),
    catalogExportSchema,
  ),
  'catalog.scaleLabels': command(
    "The shop's price- and weight-embedded label layouts (prefixes 20–29).",
    none,
    scaleLabelsSchema,
  ),
  'catalog.syncState': command(
    'Whether the back office manages the catalog (then editing here is refused with ' +
      'catalog_managed), the catalog version this till has applied, and the last failure.',
    none,
    catalogSyncViewSchema,
  ),
  'catalog.setScaleLabels': command(
    "Sets the shop's label layouts; a prefix left out is read as a plain barcode.",
    z.strictObject({ layouts: scaleLabelsSchema }),
    scaleLabelsSchema,
  ),
} as const;
