import { requestMessageSchema } from '@app/api/wire';
import type { RequestMessage } from '@app/api/wire';

/**
 * What one frame on the API socket asked for. A frame that is not a valid request still gets
 * an answer when its `id` can be read (the client is waiting on that id); otherwise nobody
 * can be answered and the socket is closed with the reason, so the client's pending calls
 * fail at once instead of waiting forever.
 */
export type Envelope =
  | { kind: 'request'; request: RequestMessage }
  | { kind: 'answerable'; id: number; problem: string }
  | { kind: 'unanswerable'; problem: string };

export function readEnvelope(text: string | null): Envelope {
  if (text === null) return { kind: 'unanswerable', problem: 'binary frames are not accepted' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unanswerable', problem: 'the message is not JSON' };
  }
  const parsed = requestMessageSchema.safeParse(json);
  if (parsed.success) return { kind: 'request', request: parsed.data };
  const id = readableId(json);
  const issue = parsed.error.issues[0];
  const problem = issue
    ? `${issue.path.join('.') || 'message'}: ${issue.message}`
    : 'malformed message';
  return id === null ? { kind: 'unanswerable', problem } : { kind: 'answerable', id, problem };
}

/** The request's id when it is one the client could have sent (a non-negative integer). */
function readableId(json: unknown): number | null {
  if (typeof json !== 'object' || json === null || !('id' in json)) return null;
  const { id } = json;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}
