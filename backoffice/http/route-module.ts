import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A feature's HTTP routes inside the back office's one server (the down-sync, the owner's
 * dashboard). The server offers each request to its modules in turn before the
 * upstream-sync-v1 routes; a module answers it and resolves true, or leaves it and resolves
 * false. A module never throws for bad input: it answers with an error status.
 */
export interface RouteModule {
  handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean>;
}
