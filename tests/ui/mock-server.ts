/**
 * The mock backend for a UI test file: msw/node over the real handlers, serving a small store
 * built for the file (tests/ui/test-store.ts), restored before each test.
 */
import { http, type HttpHandler } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { ok, type Outcome } from '@/domain/outcome';
import { createTestRuntime, createTestServer } from '@mocks/node';
import type { IncidentStore } from '@mocks/store/incident-store';
import type { StoreState } from '@mocks/store/types';

/** Releases of requests held by `holdRequests`, released after each test. */
const heldRequests = new Set<() => void>();

/**
 * Starts msw/node for this file (unhandled requests fail the test) over `state`, restored before
 * each test. `use` serves another state for the rest of one test.
 */
export function setupMockServer(state: StoreState) {
  const runtime = createTestRuntime({ state });
  const server = createTestServer(runtime);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => runtime.reset());
  afterEach(() => {
    for (const release of heldRequests) release();
    heldRequests.clear();
    server.resetHandlers();
  });
  afterAll(() => server.close());
  const use = (other: StoreState) => runtime.store.replaceState(structuredClone(other));
  return { runtime, server, use };
}

/**
 * Makes the incidents take part in an operation that keeps running (as a merge does) until the
 * returned function is called: meanwhile the store refuses writes to them as locked.
 */
export function holdLock(
  store: IncidentStore,
  incidentIds: readonly string[],
): () => Promise<void> {
  let release: () => void = () => {};
  const held = store.runExclusive(
    incidentIds,
    () => new Promise<Outcome<null>>((resolve) => (release = () => resolve(ok(null)))),
  );
  return async () => {
    release();
    await held;
  };
}

/**
 * Holds every request to `path` until the returned function is called (then the real handlers
 * answer), as a network that has not answered yet: for tests of what a screen shows while it
 * waits for its data. Released after each test, so a forgotten release cannot hang the next one.
 */
export function holdRequests(
  server: { use: (...handlers: HttpHandler[]) => void },
  path: string,
): () => void {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  heldRequests.add(release);
  server.use(
    http.get(path, async () => {
      await gate;
    }),
  );
  return release;
}
