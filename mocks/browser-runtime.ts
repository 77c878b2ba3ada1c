/**
 * The store the browser runs, whether in the SharedWorker that every tab shares or, where that
 * cannot start, in the page itself: the persisted default store, or the large one in memory.
 */
import { DEFAULT_SEED, inMemoryOnly, type MockRuntime } from './runtime';
import { IncidentStore } from './store/incident-store';
import type { StoredRecords } from './store/idb-records';
import { openBrowserStore } from './store/persistence';
import { generateSeed } from './store/seed/generate';
import { SEED_SIZES } from './store/seed/tenant';
import type { SeedSize } from './store/types';

/** A merge takes this long in the browser, so the console's "merging" state is visible. */
const MERGE_DELAY_MS = 800;

export type BrowserRuntime = {
  runtime: MockRuntime;
  /** What the analyst must be told about the store, if anything. */
  readonly notice?: string | undefined;
  /**
   * Whether the notice describes the store for as long as it runs (in memory only, large), or
   * only the moment it was opened (stored data restored from the seed). A tab that connects to
   * an open store later sees only the first kind.
   */
  readonly lastingNotice: boolean;
};

/** Today at 00:00 UTC: the demo data is dated relative to the day it was generated. */
function startOfToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * Opens (or seeds) the store of the given size. `shared` says whether every tab shares it, which
 * decides when the large store's changes are lost.
 */
export async function openBrowserRuntime(
  size: SeedSize,
  {
    shared,
    onSeedProgress,
    stored,
  }: {
    shared: boolean;
    /** Told how far generating the demo data is, when it has to be generated. */
    onSeedProgress?: (done: number, total: number) => void;
    /** The default store's database, already being read (mocks/shared-worker.ts). */
    stored?: StoredRecords;
  },
): Promise<BrowserRuntime> {
  if (size === 'large') {
    // Hundreds of megabytes do not belong in IndexedDB: the large store lives in memory only.
    const seed = { seed: DEFAULT_SEED, size: 'large' as const };
    const fresh = () =>
      generateSeed({
        ...seed,
        now: startOfToday(),
        ...(onSeedProgress ? { onProgress: onSeedProgress } : {}),
      });
    const store = new IncidentStore(fresh());
    const { incidents, alerts } = SEED_SIZES.large;
    const lost = shared
      ? 'changes are lost once every tab using it is closed'
      : 'changes are lost on reload';
    return {
      runtime: {
        store,
        seed,
        reset: () => Promise.resolve(store.replaceState(fresh())),
        durable: inMemoryOnly,
        mergeDelayMs: MERGE_DELAY_MS,
      },
      notice: `Large demo store: ${incidents.toLocaleString('en-US')} incidents and about ${alerts.toLocaleString('en-US')} alerts, held in memory only — ${lost}. Open the console with ?mock-size=default to return to the saved demo data.`,
      lastingNotice: true,
    };
  }
  const seed = { seed: DEFAULT_SEED, size: 'default' as const };
  const persisted = await openBrowserStore({
    ...seed,
    seedNow: startOfToday,
    ...(onSeedProgress
      ? { generate: (options) => generateSeed({ ...options, onProgress: onSeedProgress }) }
      : {}),
    ...(stored ? { stored } : {}),
  });
  return {
    runtime: {
      store: persisted.store,
      seed,
      reset: () => persisted.reset(),
      durable: () => persisted.flush(),
      complete: () => persisted.complete(),
      requested: () => persisted.requested(),
      mergeDelayMs: MERGE_DELAY_MS,
    },
    // Read when a tab connects: the store can change its mind after opening (its evidence or
    // logs unreadable, and it runs in memory from then on).
    get notice() {
      return persisted.notice;
    },
    get lastingNotice() {
      return !persisted.saved;
    },
  };
}
