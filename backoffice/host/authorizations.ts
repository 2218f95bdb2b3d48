import { randomInt } from 'node:crypto';
import { canonicalJson } from '@app/ledger/canonical-json';
import { authorizationRequestSchema } from '@app/sync/protocol';
import type { AuthorizationRequest, AuthorizationResponse } from '@app/sync/protocol';
import type { HostContext, Reply } from './reply';
import { badRequest, fail, ok } from './reply';
import { sha256Hex } from './idempotency';
import { decideAuthorization } from './test-cards';
import type { CardDecision } from './test-cards';
import { isSettled } from './settlements';
import type { SqlRunner } from '../store/sql';
import { lockTerminal } from './terminal-lock';

type AuthorizationRow = {
  fingerprint: string;
  outcome: CardDecision['outcome'];
  response: string | null;
  batch_no: string;
};

/**
 * upstream-sync-v1 "Card and QR authorization": POST /v1/authorizations. Track 2 is read
 * once, to decide and mask; nothing derived from it but the masked number is kept.
 */
export async function authorize(
  ctx: HostContext,
  terminalId: string,
  idempotencyKey: string | undefined,
  json: unknown,
): Promise<Reply> {
  const parsed = authorizationRequestSchema.safeParse(json);
  // Only the fields' names: a message quoting the input could echo track 2.
  if (!parsed.success) {
    return badRequest(`invalid ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  }
  const request = parsed.data;
  if (request.authId !== idempotencyKey) return badRequest('Idempotency-Key must be the authId');
  // A refund may name its sale (refAuthId) instead of the card: the host pays back to it.
  const byReference =
    request.kind === 'refund' &&
    request.refAuthId !== undefined &&
    request.track2 === undefined &&
    request.qrCode === undefined;
  const wellFormed =
    byReference ||
    (request.entryMode === 'swipe'
      ? request.track2 !== undefined && request.qrCode === undefined
      : request.qrCode !== undefined && request.track2 === undefined);
  if (!wellFormed) return badRequest('swipe carries track2 only, qr carries qrCode only');

  return ctx.db.transaction(async (tx): Promise<Reply> => {
    await lockTerminal(tx, terminalId);
    const decision = byReference
      ? await decideRefund(tx, terminalId, request)
      : decideAuthorization(request);
    const fingerprint = fingerprintOf(request, decision.cardMasked);
    const known = await findAuthorization(tx, terminalId, request.authId);
    // "Replaying the same authId returns the first answer; it never charges twice."
    if (known !== undefined) {
      if (known.fingerprint !== fingerprint) return fail(409, { error: 'idempotency_conflict' });
      return known.response === null ? { hang: true } : ok(200, JSON.parse(known.response));
    }
    const answer = answerOf(decision);
    await tx.execute(
      `INSERT INTO authorizations (terminal_id, auth_id, fingerprint, kind, amount, currency,
         entry_mode, card_masked, batch_no, trace_no, outcome, response, created_at, ref_auth_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        terminalId,
        request.authId,
        fingerprint,
        request.kind,
        request.amount,
        request.currency,
        request.entryMode,
        decision.cardMasked,
        request.batchNo,
        request.traceNo,
        decision.outcome,
        answer === null ? null : JSON.stringify(answer),
        ctx.now(),
        request.refAuthId ?? null,
      ],
    );
    return answer === null ? { hang: true } : ok(200, answer);
  });
}

/** POST /v1/authorizations/<authId>/reversal (冲正): idempotent, the first answer stands. */
export function reverse(ctx: HostContext, terminalId: string, authId: string): Promise<Reply> {
  return ctx.db.transaction(async (tx): Promise<Reply> => {
    await lockTerminal(tx, terminalId);
    const [done] = await tx.query<{ reversed: number }>(
      'SELECT reversed FROM reversals WHERE terminal_id = $1 AND auth_id = $2',
      [terminalId, authId],
    );
    if (done !== undefined) return ok(200, { reversed: done.reversed === 1 });
    const known = await findAuthorization(tx, terminalId, authId);
    const reversed = known?.outcome === 'approved' && !(await isVoided(tx, terminalId, authId));
    await tx.execute(
      'INSERT INTO reversals (terminal_id, auth_id, reversed, at) VALUES ($1, $2, $3, $4)',
      [terminalId, authId, reversed ? 1 : 0, ctx.now()],
    );
    return ok(200, { reversed });
  });
}

/** POST /v1/authorizations/<authId>/void (撤销): only an approved sale of an unsettled batch. */
export function voidAuthorization(
  ctx: HostContext,
  terminalId: string,
  authId: string,
): Promise<Reply> {
  return ctx.db.transaction(async (tx): Promise<Reply> => {
    await lockTerminal(tx, terminalId);
    if (await isVoided(tx, terminalId, authId)) return ok(200, { voided: true });
    const known = await findAuthorization(tx, terminalId, authId);
    if (known?.outcome !== 'approved' || (await isReversed(tx, terminalId, authId))) {
      return fail(404, { error: 'not_found' });
    }
    if (await isSettled(tx, terminalId, known.batch_no)) {
      return fail(409, { error: 'already_settled' });
    }
    await tx.execute('INSERT INTO voids (terminal_id, auth_id, at) VALUES ($1, $2, $3)', [
      terminalId,
      authId,
      ctx.now(),
    ]);
    return ok(200, { voided: true });
  });
}

/**
 * A refund by reference: approved up to what the sale took less what was already refunded
 * (ISO 8583 13 "invalid amount" beyond), to the card or wallet the sale charged. A sale it
 * does not know, or one voided or reversed, is 25 "unable to locate record".
 */
async function decideRefund(
  tx: SqlRunner,
  terminalId: string,
  request: AuthorizationRequest,
): Promise<CardDecision> {
  const refAuthId = request.refAuthId ?? '';
  const [sale] = await tx.query<{ amount: number; card_masked: string | null; response: string }>(
    `SELECT amount, card_masked, response FROM authorizations
     WHERE terminal_id = $1 AND auth_id = $2 AND kind = 'sale' AND outcome = 'approved'`,
    [terminalId, refAuthId],
  );
  const undone =
    (await isVoided(tx, terminalId, refAuthId)) || (await isReversed(tx, terminalId, refAuthId));
  if (sale === undefined || undone) {
    return {
      outcome: 'declined',
      cardMasked: null,
      responseCode: '25',
      message: 'unable to locate record',
    };
  }
  const cardMasked = sale.card_masked;
  if (request.amount % 100 === 91) return { outcome: 'no_answer', cardMasked };
  const [refunded] = await tx.query<{ total: number }>(
    `SELECT COALESCE(SUM(a.amount), 0) AS total FROM authorizations a
     WHERE a.terminal_id = $1 AND a.ref_auth_id = $2 AND a.kind = 'refund'
       AND a.outcome = 'approved' AND a.auth_id <> $3
       AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.terminal_id = a.terminal_id
         AND r.auth_id = a.auth_id AND r.reversed = 1)`,
    [terminalId, refAuthId, request.authId],
  );
  if ((refunded?.total ?? 0) + request.amount > sale.amount) {
    return { outcome: 'declined', cardMasked, responseCode: '13', message: 'invalid amount' };
  }
  const original = JSON.parse(sale.response) as Extract<AuthorizationResponse, { approved: true }>;
  return {
    outcome: 'approved',
    cardMasked: cardMasked ?? original.cardMasked,
    cardBrand: original.cardBrand,
    cardType: original.cardType,
  };
}

async function findAuthorization(
  tx: SqlRunner,
  terminalId: string,
  authId: string,
): Promise<AuthorizationRow | undefined> {
  const [row] = await tx.query<AuthorizationRow>(
    'SELECT fingerprint, outcome, response, batch_no FROM authorizations WHERE terminal_id = $1 AND auth_id = $2',
    [terminalId, authId],
  );
  return row;
}

const isVoided = async (tx: SqlRunner, terminalId: string, authId: string): Promise<boolean> =>
  (
    await tx.query('SELECT 1 FROM voids WHERE terminal_id = $1 AND auth_id = $2', [
      terminalId,
      authId,
    ])
  ).length > 0;

const isReversed = async (tx: SqlRunner, terminalId: string, authId: string): Promise<boolean> =>
  (
    await tx.query(
      'SELECT 1 FROM reversals WHERE terminal_id = $1 AND auth_id = $2 AND reversed = 1',
      [terminalId, authId],
    )
  ).length > 0;

/** Tells a replay from a conflicting reuse of the authId without keeping track 2. */
function fingerprintOf(request: AuthorizationRequest, cardMasked: string | null): string {
  const { track2: _track2, ...rest } = request;
  return sha256Hex(canonicalJson({ ...rest, cardMasked }));
}

function answerOf(decision: CardDecision): AuthorizationResponse | null {
  switch (decision.outcome) {
    case 'no_answer':
      return null;
    case 'declined':
      return { approved: false, responseCode: decision.responseCode, message: decision.message };
    case 'approved':
      return {
        approved: true,
        authCode: randomCode(6, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'),
        rrn: randomCode(12, '0123456789'),
        cardMasked: decision.cardMasked,
        cardBrand: decision.cardBrand,
        cardType: decision.cardType,
      };
  }
}

const randomCode = (length: number, alphabet: string): string =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)] ?? '0').join('');
