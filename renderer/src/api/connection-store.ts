import { useSyncExternalStore } from 'react';
import type { ConnectionState } from './websocket-carrier';

/** The carrier's connection state, readable by React without tearing. */
export function createConnectionStore() {
  let state: ConnectionState = 'connecting';
  const listeners = new Set<() => void>();
  return {
    set: (next: ConnectionState) => {
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => state,
  };
}

export type ConnectionStore = ReturnType<typeof createConnectionStore>;

export const useConnection = (store: ConnectionStore): ConnectionState =>
  useSyncExternalStore(store.subscribe, store.get);
