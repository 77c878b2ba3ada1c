/** The mock in Node, for tests: msw/node over the same handlers the browser uses. */
import { setupServer } from 'msw/node';
import { createHandlers } from './handlers';
import type { MockRuntime } from './runtime';

/** msw/node over the runtime's handlers; the caller listens, resets handlers and closes. */
export function createTestServer(runtime: MockRuntime) {
  return setupServer(...createHandlers(runtime));
}
