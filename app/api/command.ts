import type { z } from 'zod';

/** One command of the contract: what it does (for docs/api.md), its input and its output. */
export const command = <I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
) => ({
  summary,
  input,
  output,
});
