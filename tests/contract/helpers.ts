/** Contract-test plumbing: a seeded runtime behind msw/node, and a Graph client that is just fetch. */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createTestServer } from '@mocks/node';
import { createTestRuntime, stateDifference, stateRefs } from '@mocks/test-runtime';
import type { MockRuntime } from '@mocks/runtime';
import type { IncidentStore } from '@mocks/store/incident-store';
import type { IncidentRecord } from '@mocks/store/types';

export const GRAPH = 'https://graph.microsoft.com/v1.0';
export const BETA = 'https://graph.microsoft.com/beta';
export const MOCK = 'https://graph.microsoft.com/mock/v1';

export const ANALYST = 'analyst@contoso.com';
export const ADMIN = 'admin@contoso.com';
export const READER = 'reader@contoso.com';
export const ENDPOINT = 'endpoint.analyst@contoso.com';

/**
 * Starts one msw/node server per test file over a fresh seeded store; each test starts from the
 * seed again (the runtime is reset before each test that follows a change).
 */
export function useMockGraph(): { runtime: () => MockRuntime } {
  let runtime: MockRuntime | undefined;
  let server: ReturnType<typeof createTestServer> | undefined;
  // Restoring the seed costs a deep copy of the store, so only tests after a change pay for it.
  let dirty = false;
  beforeAll(() => {
    runtime = createTestRuntime();
    runtime.store.subscribe(() => (dirty = true));
    server = createTestServer(runtime);
    server.listen({ onUnhandledRequest: 'error' });
  });
  beforeEach(async () => {
    if (dirty) await runtime?.reset();
    dirty = false;
  });
  afterEach(() => server?.resetHandlers());
  afterAll(() => server?.close());
  return {
    runtime: () => {
      if (!runtime) throw new Error('useMockGraph: runtime not started');
      return runtime;
    },
  };
}

/**
 * The store's first `n` live incidents (New or In progress) that `pred` accepts, for a test that
 * needs incidents of a kind; throws, naming `what`, when the seed has fewer.
 */
export function liveIncidents(
  store: IncidentStore,
  n: number,
  what: string,
  pred: (i: IncidentRecord) => boolean,
): IncidentRecord[] {
  const found = store
    .incidents()
    .filter((i) => (i.status === 'active' || i.status === 'inProgress') && pred(i))
    .slice(0, n);
  if (found.length < n) throw new Error(`the seed has fewer than ${n} ${what}`);
  return found;
}

export type CallOptions = {
  as?: string | null;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
};

/** Calls the mock like any Graph client would: fetch with a bearer token. */
export async function call<T = Record<string, unknown>>(
  url: string,
  { as = ANALYST, method = 'GET', body, headers = {} }: CallOptions = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const init: RequestInit = {
    method,
    headers: {
      ...(as ? { Authorization: `Bearer mock.${as}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  };
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

type GraphError = {
  error: { code: string; message: string; innerError: { date: string; 'request-id': string } };
};

/** Asserts Graph's error envelope (SPEC.md §9.1) and returns the message. */
export function expectGraphError(
  res: { status: number; body: unknown },
  status: number,
  messagePart?: string | RegExp,
): string {
  expect(res.status).toBe(status);
  const body = res.body as GraphError;
  expect(body.error).toBeDefined();
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  expect(body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  if (messagePart !== undefined) expect(body.error.message).toMatch(messagePart);
  return body.error.message;
}

/**
 * Runs `fn` and asserts the store is exactly the same before and after (law 5): the same records,
 * by reference and frozen, in the same order, and the same counters (`stateRefs`).
 */
export async function expectUnchanged(
  runtime: MockRuntime,
  fn: () => Promise<unknown>,
): Promise<void> {
  const before = stateRefs(runtime.store);
  await fn();
  expect(stateDifference(before, stateRefs(runtime.store)), 'the store changed').toBeUndefined();
}
