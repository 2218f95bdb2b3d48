import { z } from 'zod';
import { appErrorSchema } from './schemas';

/**
 * Messages on the browser host's WebSocket. Electron IPC carries the same command names
 * and results, one channel per command (see main/electron/ipc-bridge.ts).
 */
export const requestMessageSchema = z.strictObject({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  command: z.string().max(64),
  input: z.unknown(),
});

export const resultSchema = z.union([
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: appErrorSchema }),
]);

export const serverMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('result'), id: z.number().int(), result: resultSchema }),
  z.strictObject({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);

export type RequestMessage = z.output<typeof requestMessageSchema>;
export type ServerMessage = z.output<typeof serverMessageSchema>;
