/** msw/node in front of a UI test file's mock backend (mock-backend.ts), in jsdom. */
import { createTestServer } from '@mocks/node';
import type { StoreState } from '@mocks/store/types';
import { serveForFile } from './mock-backend';

/** msw/node for this file, over `state` (`serveForFile`). */
export function setupMockServer(state: StoreState) {
  return serveForFile(state, {
    create: createTestServer,
    start: (server) => server.listen({ onUnhandledRequest: 'error' }),
    stop: (server) => server.close(),
  });
}
