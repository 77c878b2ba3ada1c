/**
 * What the handlers run against: one store, and how to reset it. The browser worker, msw/node
 * and the HTTP server each build one (with IndexedDB, nothing, or a JSON file behind it).
 */
import type { IncidentStore } from './store/incident-store';
import type { SeedSize } from './store/types';

export type MockRuntime = {
  store: IncidentStore;
  /** Which seed `reset()` restores. */
  seed: { seed: number; size: SeedSize };
  /** Restores the seeded demo data (and persists it where the runtime persists). */
  reset(): Promise<void>;
};

/** The demo tenant's seed unless told otherwise. */
export const DEFAULT_SEED = 20_260_101;
