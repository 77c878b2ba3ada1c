/**
 * What the handlers run against: one store, and how to reset it. The browser worker, msw/node
 * and the HTTP server each build one (with IndexedDB, nothing, or a JSON file behind it).
 */
import type { Authenticator } from './handlers/auth';
import type { IncidentStore } from './store/incident-store';
import type { SeedSize } from './store/types';

export type MockRuntime = {
  store: IncidentStore;
  /** Which seed `reset()` restores. */
  seed: { seed: number; size: SeedSize };
  /** Restores the seeded demo data (and persists it where the runtime persists). */
  reset(): Promise<void>;
  /**
   * How long a merge takes, during which its incidents answer writes with 409 (Defender: "while
   * the incidents are merging you can't change either"). 0 in tests; the browser makes it visible.
   */
  mergeDelayMs?: number;
  /**
   * Resolves once every change committed so far is stored where this runtime keeps its data
   * (IndexedDB, the journal file, or nowhere for an in-memory store); rejects when it could not
   * be. The routes await it before answering a write: acknowledged means durable.
   */
  durable(): Promise<void>;
  /**
   * Resolves once the store holds every record, and starts reading the rest if it has not
   * begun. The browser's store opens on the records the queue needs and reads the stored
   * evidence and activity logs once requests pause (mocks/store/persistence); until then
   * only the routes that say they can (`early`) answer without calling this. Absent where the
   * store opens whole.
   */
  complete?: () => Promise<void>;
  /**
   * Who a request comes from; the mock's `Bearer mock.<upn>` scheme when absent. The HTTP
   * server's `--auth entra` sets a JWT check here (mocks/entra).
   */
  authenticate?: Authenticator;
  /**
   * Told of every request as it comes, before it is answered. The browser's store reads a
   * stored store's heavy records once requests have paused (mocks/store/persistence
   * `requested`).
   */
  requested?: () => void;
};

/** `durable()` of a runtime that keeps nothing: every change is as durable as it will get. */
export const inMemoryOnly = (): Promise<void> => Promise.resolve();

/** The demo tenant's seed unless told otherwise. */
export const DEFAULT_SEED = 20_260_101;
