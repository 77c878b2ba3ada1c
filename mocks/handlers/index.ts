/**
 * Every route of the mock: Graph security (v1.0 and beta), Sentinel's ARM incidents and
 * relations, and the mock-only extensions, bound to one runtime. The browser worker, msw/node and the HTTP server all use this list.
 */
import type { HttpHandler } from 'msw';
import type { MockRuntime } from '../runtime';
import { armHandlers } from './arm-incidents';
import { alertHandlers } from './graph-alerts';
import { incidentHandlers } from './graph-incidents';
import { mockExtensionHandlers } from './mock-extensions';

/** Builds the handler list for a runtime. */
export function createHandlers(runtime: MockRuntime): HttpHandler[] {
  return [
    ...mockExtensionHandlers(runtime),
    ...incidentHandlers(runtime),
    ...alertHandlers(runtime),
    ...armHandlers(runtime),
  ];
}
