/** The mock backend for a UI test file: msw/node over the real handlers, fresh seed per test. */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createTestRuntime, createTestServer } from '@mocks/node';

/** Starts msw/node for this file (unhandled requests fail the test) and resets data per test. */
export function setupMockServer() {
  const runtime = createTestRuntime();
  const server = createTestServer(runtime);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => runtime.reset());
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return { runtime, server };
}
