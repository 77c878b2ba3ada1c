/**
 * The mock in the browser: the service worker intercepts, the handlers run in the page over a
 * store persisted in IndexedDB and kept in step across tabs.
 */
import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers';
import { DEFAULT_SEED, type MockRuntime } from './runtime';
import { openBrowserStore } from './store/persistence';

/** Today at 00:00 UTC: the demo data is dated relative to the day it was generated. */
function startOfToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * Opens (or seeds) the persisted store and starts the worker. Resolves with a notice when the
 * stored demo data had to be restored from the seed or cannot be saved.
 */
export async function startMockWorker(): Promise<{ notice?: string }> {
  const seed = { seed: DEFAULT_SEED, size: 'default' as const };
  const persisted = await openBrowserStore({ ...seed, seedNow: startOfToday });
  const runtime: MockRuntime = { store: persisted.store, seed, reset: () => persisted.reset() };
  const worker = setupWorker(...createHandlers(runtime));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  return persisted.notice ? { notice: persisted.notice } : {};
}
