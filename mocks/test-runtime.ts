/**
 * The mock's store for tests, in any environment (Node, jsdom, Chromium): an in-memory store
 * seeded deterministically (or over a state built for the test), restored before each test.
 * The servers that put the handlers in front of it are mocks/node.ts (msw/node) and
 * tests/browser/mock-server.ts (msw's service worker, in Chromium).
 */
import { DEFAULT_SEED, inMemoryOnly, type MockRuntime } from './runtime';
import { IncidentStore, type Clock } from './store/incident-store';
import { generateSeed } from './store/seed/generate';
import type { SeedSize, StoreState } from './store/types';
/** The seed's "now" in tests, so every date in the demo data is the same on every run. */
export const TEST_NOW = new Date('2026-11-01T12:00:00Z');

export type TestRuntimeOptions = {
  seed?: number;
  size?: SeedSize;
  /** The seed's "now". */
  now?: Date;
  /** Time of the store's operations; by default a clock that starts at `now` and ticks. */
  clock?: Clock;
  /**
   * The data to serve instead of the seed (UI tests build a small store for the test); `reset()`
   * restores it. Its `seed.now` is the default `now`.
   */
  state?: StoreState;
};

/**
 * A clock that starts at `start` and moves on `stepMs` each time it is read: deterministic,
 * yet successive operations still get distinct, ordered timestamps.
 */
export function steppingClock(start: Date, stepMs = 1000): Clock {
  let t = start.getTime();
  return () => {
    const now = new Date(t);
    t += stepMs;
    return now;
  };
}

/** An in-memory runtime over the seed (or the given state); `reset()` restores the very same data. */
export function createTestRuntime(options: TestRuntimeOptions = {}): MockRuntime {
  const given = options.state;
  const { seed = given?.seed.seed ?? DEFAULT_SEED, size = given?.seed.size ?? 'default' } = options;
  const now = options.now ?? (given ? new Date(given.seed.now) : TEST_NOW);
  // Generated once; every reset shares its frozen records (`freezeRecords`).
  const pristine = freezeRecords(given ?? generateSeed({ seed, size, now }));
  const store = new IncidentStore(containersOf(pristine), {
    clock: options.clock ?? steppingClock(now),
  });
  return {
    store,
    seed: { seed, size },
    reset: () => Promise.resolve(store.replaceState(containersOf(pristine))),
    durable: inMemoryOnly,
  };
}

/**
 * Freezes every record of the state, deeply, and returns it. The store never changes a committed
 * record in place: a write stages a copy and puts the copy in the record's place (`Tx` in
 * incident-store.ts). So a reset can hand the store the same records in fresh containers
 * (`containersOf`) instead of a deep copy of the default seed (~11 MB, ~150 ms, before each test
 * that follows a change), and a record changed in place by mistake throws, failing the test
 * that did it.
 */
function freezeRecords(state: StoreState): StoreState {
  for (const group of [state.incidents, state.alerts, state.activities, state.relations]) {
    for (const record of Object.values(group)) deepFreeze(record);
  }
  return state;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}

/** The state's containers (what a write adds to, replaces in or counts up), new; its records shared. */
function containersOf(state: StoreState): StoreState {
  return {
    ...state,
    seed: { ...state.seed },
    counters: { ...state.counters },
    incidents: { ...state.incidents },
    alerts: { ...state.alerts },
    activities: Object.fromEntries(
      Object.entries(state.activities).map(([id, log]) => [id, [...log]]),
    ),
    relations: [...state.relations],
  };
}
