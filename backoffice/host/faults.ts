/** Fires for the next N requests, or for each request with a probability (0–1). */
export type FaultTrigger = { next: number } | { probability: number };

/**
 * The failures upstream-sync-v1 "Goals" says the client must survive, on demand. Each is
 * checked per request, in this order: delayMs, fail429, fail503, fail500, then the request
 * runs (twice under duplicateDelivery), then dropAfterStore.
 */
export interface Faults {
  /** Store, then destroy the socket without answering: a response lost after commit. */
  dropAfterStore: FaultTrigger | null;
  fail500: FaultTrigger | null;
  /** "Uploading": 503 with Retry-After seconds. */
  fail503: (FaultTrigger & { retryAfterS: number }) | null;
  /** "Uploading": 429 with Retry-After seconds. */
  fail429: (FaultTrigger & { retryAfterS: number }) | null;
  delayMs: number;
  /** Handle each request twice, answering the first: the host must stay idempotent. */
  duplicateDelivery: boolean;
  /** Added to the host's clock. */
  clockSkewS: number;
}

export const noFaults: Faults = {
  dropAfterStore: null,
  fail500: null,
  fail503: null,
  fail429: null,
  delayMs: 0,
  duplicateDelivery: false,
  clockSkewS: 0,
};

type TriggeredFault = 'dropAfterStore' | 'fail500' | 'fail503' | 'fail429';

/** The faults in force, with the "next N" counters spent as they fire. */
export class FaultPlan {
  private faults: Faults = { ...noFaults };

  constructor(private readonly random: () => number = Math.random) {}

  get current(): Faults {
    return { ...this.faults };
  }

  set(changes: Partial<Faults>): void {
    this.faults = { ...this.faults, ...changes };
  }

  /** Whether the fault fires for this request; a "next N" fault counts down. */
  fires(name: TriggeredFault): boolean {
    const trigger = this.faults[name];
    if (trigger === null) return false;
    if ('probability' in trigger) return this.random() < trigger.probability;
    if (trigger.next <= 0) return false;
    this.faults = { ...this.faults, [name]: { ...trigger, next: trigger.next - 1 } };
    return true;
  }
}

/** "3" → the next 3 requests; "0.25" → a quarter of them. For CLI flags. */
export function parseTrigger(text: string): FaultTrigger {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`not a fault trigger: ${text}`);
  if (text.includes('.')) {
    if (value > 1) throw new Error(`a probability is between 0 and 1: ${text}`);
    return { probability: value };
  }
  if (!Number.isInteger(value)) throw new Error(`not a count: ${text}`);
  return { next: value };
}
