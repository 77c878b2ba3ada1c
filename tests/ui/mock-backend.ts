/**
 * The mock backend for a UI test file, whatever serves it (msw/node in jsdom: mock-server.ts;
 * msw's service worker in Chromium: tests/browser/mock-server.ts): the real handlers over a small
 * store built for the file (tests/ui/test-store.ts), restored before each test.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { ok, type Outcome } from '@/domain/outcome';
import { createTestRuntime } from '@mocks/test-runtime';
import type { MockRuntime } from '@mocks/runtime';
import type { IncidentStore } from '@mocks/store/incident-store';
import type { StoreState } from '@mocks/store/types';

/** Releases of requests held by `holdRequests`, released after each test. */
const heldRequests = new Set<() => void>();

/** How a test file's mock server (msw/node's, or msw's worker in Chromium) starts and stops. */
export type ServerLifecycle<S> = {
  create: (runtime: MockRuntime) => S;
  start: (server: S) => unknown;
  stop: (server: S) => unknown;
};

/**
 * Serves `state` for this file's tests through the server `lifecycle` makes (unhandled requests
 * fail the test), restored before each test. `use` serves another state for the rest of one test.
 */
export function serveForFile<S extends { resetHandlers: () => void }>(
  state: StoreState,
  lifecycle: ServerLifecycle<S>,
) {
  const runtime = createTestRuntime({ state });
  const server = lifecycle.create(runtime);
  beforeAll(() => lifecycle.start(server));
  beforeEach(() => runtime.reset());
  afterEach(() => {
    for (const release of heldRequests) release();
    heldRequests.clear();
    server.resetHandlers();
  });
  afterAll(() => lifecycle.stop(server));
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

/** A read refused in Graph's error envelope, for a test's `server.use` (500 unless told). */
export const graphError = (message: string, status = 500, code = 'InternalServerError') =>
  HttpResponse.json({ error: { code, message } }, { status });
