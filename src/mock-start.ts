/**
 * Starts the demo backend before anything else of the app runs. The built index.html runs this
 * module as a chunk of its own ahead of the app's (vite.config.ts `mockStartFirst`), so the
 * store's SharedWorker is created while the app's chunk is still downloading; main.tsx imports it
 * first too, which is all the dev server needs. The store begins to open (in its SharedWorker,
 * reading IndexedDB) and msw's chunk begins to load while React, Fluent and the router are still
 * being evaluated. With `VITE_MOCK=off` or in live mode (`VITE_MODE=live`) nothing is loaded. The
 * only place besides main.tsx that touches mocks/: the small, msw-free opening of the store
 * (mocks/open-store.ts) statically, everything else through a dynamic import.
 */
import type { MockStarted } from '../mocks/browser';
import { openStore, type OpeningStore } from '../mocks/open-store';

const opening: OpeningStore | undefined =
  import.meta.env.VITE_MOCK === 'off' || import.meta.env.VITE_MODE === 'live'
    ? undefined
    : openStore();

export const mockStarted: Promise<MockStarted> | undefined =
  opening &&
  import('../mocks/browser').then(async ({ startMockWorker }) => startMockWorker(opening));

/** Tells `listener` how far generating the demo data is, while the store is being opened. */
export function onSeedProgress(listener: (done: number, total: number) => void): void {
  if (!opening) return;
  const stop = opening.onSeedProgress(listener);
  opening.backend.then(stop, stop);
}
