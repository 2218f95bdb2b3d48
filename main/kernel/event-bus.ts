import type { EventName, EventPayload } from '@app/api/contract';

type AnyListener = (name: EventName, payload: unknown) => void;

/** Services publish contract events here; each host forwards them to its renderer. */
export class EventBus {
  private readonly listeners = new Set<AnyListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  /** One event, with its payload typed. */
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.subscribe((event, payload) => {
      // The name matches, so the payload is that event's (emit() is typed by name).
      if (event === name) listener(payload as EventPayload<E>);
    });
  }

  subscribe(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
