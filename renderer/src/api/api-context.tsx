import { createContext, useContext, useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import type { CountertopApi, EventName, EventPayload } from '@app/api/contract';

const ApiContext = createContext<CountertopApi | null>(null);

export function ApiProvider({ api, children }: { api: CountertopApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): CountertopApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

/** Subscribes to a contract event for the component's lifetime. */
export function useEvent<E extends EventName>(
  name: E,
  listener: (payload: EventPayload<E>) => void,
) {
  const api = useApi();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => api.on(name, (payload) => latest.current(payload)), [api, name]);
}
