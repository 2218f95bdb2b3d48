import { z } from 'zod';
import { MAX_TAX_CLASSES, MAX_TAX_CLASS_NAME, TAX_CLASS_ID } from './tax-class';

export const taxClassIdSchema = z.string().regex(TAX_CLASS_ID);

export const taxClassSchema = z.object({
  id: taxClassIdSchema,
  name: z.string().trim().min(1).max(MAX_TAX_CLASS_NAME),
  rateBp: z.number().int().min(0).max(10_000),
});

/** The shop's classes: at least one, each id and name once. */
export const taxClassesSchema = z
  .array(taxClassSchema)
  .min(1)
  .max(MAX_TAX_CLASSES)
  .refine((classes) => new Set(classes.map((c) => c.id)).size === classes.length, {
    message: 'tax class ids repeat',
  })
  .refine((classes) => new Set(classes.map((c) => c.name.toLowerCase())).size === classes.length, {
    message: 'tax class names repeat',
  });
