/**
 * Starts the demo backend before anything else of the app runs: main.tsx imports this module
 * first, so the store begins to open (in its SharedWorker, reading IndexedDB) and msw's chunk
 * begins to load while React, Fluent and the router are still being evaluated. With
 * `VITE_MOCK=off` or in live mode (`VITE_MODE=live`) nothing is loaded. The only place besides main.tsx that touches mocks/, and
 * only through dynamic imports.
 */
import type { MockStarted } from '../mocks/browser';
import type { OpeningStore } from '../mocks/open-store';

const opening: Promise<OpeningStore> | undefined =
  import.meta.env.VITE_MOCK === 'off' || import.meta.env.VITE_MODE === 'live'
    ? undefined
    : import('../mocks/open-store').then(({ openStore }) => openStore());

export const mockStarted: Promise<MockStarted> | undefined =
  opening &&
  import('../mocks/browser').then(async ({ startMockWorker }) => startMockWorker(await opening));

/** Tells `listener` how far generating the demo data is, while the store is being opened. */
export function onSeedProgress(listener: (done: number, total: number) => void): void {
  void opening?.then((o) => {
    const stop = o.onSeedProgress(listener);
    o.backend.then(stop, stop);
  });
}
