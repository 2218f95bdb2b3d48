import { z } from 'zod';
import { isCurrencyCode } from './currency';

/** A currency crossing a boundary: an ISO 4217 code the runtime knows. */
export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .refine(isCurrencyCode, { message: 'not an ISO 4217 currency' });
