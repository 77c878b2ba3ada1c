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

/**
 * What the store holds right now, by reference: its records by key in their containers' order,
 * and the rest (counters, seed) as text. Every record is frozen first, deeply (the seed's already
 * are), so from then on a write can only put a new record in a record's place, never edit one:
 * two StateRefs with the same references hold the same state, byte for byte. A test compares
 * them with `stateDifference` instead of serialising the ~11 MB demo store before and after.
 */
export type StateRefs = {
  rest: string;
  /** Per kind of record: key → the record (an activity log: its entries). */
  groups: Record<
    'incident' | 'alert' | 'activity log of incident' | 'relation',
    Map<string, readonly unknown[]>
  >;
};

export function stateRefs(store: IncidentStore): StateRefs {
  const { incidents, alerts, activities, relations, ...rest } = store.peek();
  // An activity log is a container the store appends to; its entries are records.
  for (const log of Object.values(activities)) for (const entry of log) deepFreeze(entry);
  for (const group of [incidents, alerts, relations]) {
    for (const record of Object.values(group)) deepFreeze(record);
  }
  const byKey = <T>(records: Record<string, T>) =>
    new Map(Object.entries(records).map(([key, record]) => [key, [record]]));
  return {
    rest: JSON.stringify(rest),
    groups: {
      incident: byKey(incidents),
      alert: byKey(alerts),
      'activity log of incident': new Map(
        Object.entries(activities).map(([id, log]) => [id, [...log]]),
      ),
      relation: new Map(relations.map((r) => [`${r.incidentId}/${r.relationName}`, [r]])),
    },
  };
}

/** The first difference between two StateRefs in words ("alert da123 changed"), or undefined. */
export function stateDifference(before: StateRefs, after: StateRefs): string | undefined {
  if (before.rest !== after.rest) return `the counters or seed changed: ${after.rest}`;
  for (const [kind, was] of Object.entries(before.groups)) {
    const now = after.groups[kind as keyof StateRefs['groups']];
    for (const [key, refs] of was) {
      const current = now.get(key);
      if (!current) return `${kind} ${key} was removed`;
      if (current.length !== refs.length || refs.some((ref, i) => ref !== current[i])) {
        return `${kind} ${key} changed`;
      }
    }
    for (const key of now.keys()) if (!was.has(key)) return `${kind} ${key} was added`;
    const order = [...now.keys()];
    if ([...was.keys()].some((key, i) => key !== order[i])) return `the ${kind}s were reordered`;
  }
  return undefined;
}
