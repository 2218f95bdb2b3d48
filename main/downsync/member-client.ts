import { randomUUID } from 'node:crypto';
import { holdAnswerSchema, memberLookupSchema } from '@app/sync/downsync-protocol';
import type { HoldAnswer, MemberView } from '@app/sync/downsync-protocol';
import { DomainError } from '@app/result';
import type { HostClock } from '../sync/host-clock';
import type { BackOfficeAccess } from './catalog-downsync';
import { describeAnswer, downsyncRequest } from './downsync-client';
import type { DownsyncAnswer } from './downsync-client';

/** A member as the back office last told this till: what an offline redemption is capped by. */
export interface KnownMember extends MemberView {
  /** When the back office said so (ISO). */
  at: string;
}

/**
 * downsync-v1 "Members and points" from the till: look a member up online, take a hold
 * before redeeming online, and the cap on redeeming offline.
 */
export class MemberClient {
  constructor(
    private readonly access: BackOfficeAccess,
    private readonly clock: HostClock,
    private readonly now: () => Date = () => new Date(),
    private readonly timeoutMs = 10_000,
  ) {}

  /** Members whose phone, card or id is `query`, with their balance across every till. */
  async lookup(query: string): Promise<KnownMember[]> {
    const answer = await this.send({
      method: 'GET',
      path: `/v1/members?${new URLSearchParams({ q: query.trim() }).toString()}`,
    });
    const parsed = answer.kind === 'verified' ? memberLookupSchema.safeParse(answer.json) : null;
    if (parsed?.success !== true) throw unreachable(answer);
    const at = this.now().toISOString();
    return parsed.data.members.map((member) => ({ ...member, at }));
  }

  /**
   * Takes `points` from the member's balance on the back office before the sale redeems
   * them; refuses with `points_insufficient` when another till spent them first. The same
   * holdId may be sent again after a lost answer: it never takes the points twice.
   */
  async hold(memberId: string, points: number, holdId: string = randomUUID()): Promise<HoldAnswer> {
    const answer = await this.send({
      method: 'POST',
      path: `/v1/members/${encodeURIComponent(memberId)}/holds`,
      body: JSON.stringify({ holdId, points }),
      idempotencyKey: holdId,
    });
    if (answer.kind === 'verified') {
      const parsed = holdAnswerSchema.safeParse(answer.json);
      if (parsed.success) return parsed.data;
    }
    if (answer.kind === 'error' && answer.status === 409) {
      const balance = (answer.json as { balance?: unknown } | undefined)?.balance;
      if (typeof balance === 'number') {
        throw new DomainError('points_insufficient', `balance ${balance}`, { balance });
      }
    }
    throw unreachable(answer);
  }

  private send(request: Parameters<typeof downsyncRequest>[1]): Promise<DownsyncAnswer> {
    const access = this.access();
    if (access === null) return Promise.resolve({ kind: 'no_answer', reason: 'not bound' });
    return downsyncRequest({ ...access, clock: this.clock, timeoutMs: this.timeoutMs }, request);
  }
}

/**
 * Offline, a till redeems at most what the back office last said the member has, and no
 * more than the allowance it grants this till: the most one member can overdraw here.
 */
export function offlineRedeemable(member: KnownMember): number {
  return Math.max(0, Math.min(member.balance, member.offlineAllowance));
}

function unreachable(answer: DownsyncAnswer): DomainError {
  if (answer.kind === 'refused') return new DomainError(answer.reason, describeAnswer(answer));
  return new DomainError('host_unreachable', describeAnswer(answer), {
    reason: describeAnswer(answer),
  });
}
