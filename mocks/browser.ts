/**
 * The mock in the browser: the service worker intercepts, the handlers run in the page over a
 * store persisted in IndexedDB and kept in step across tabs.
 */
import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers';
import { DEFAULT_SEED, type MockRuntime } from './runtime';
import { IncidentStore } from './store/incident-store';
import { openBrowserStore } from './store/persistence';
import { generateSeed, SEED_SIZES } from './store/seed';
import type { SeedSize } from './store/types';

/** `?mock-size=large` (remembered for the tab) opens the 10,000-incident store, for speed checks. */
const SIZE_PARAM = 'mock-size';
const SIZE_KEY = 'soc-console-mock-size';

/** Today at 00:00 UTC: the demo data is dated relative to the day it was generated. */
function startOfToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function requestedSize(): SeedSize {
  const fromUrl = new URLSearchParams(window.location.search).get(SIZE_PARAM);
  if (fromUrl === 'large' || fromUrl === 'default') sessionStorage.setItem(SIZE_KEY, fromUrl);
  return sessionStorage.getItem(SIZE_KEY) === 'large' ? 'large' : 'default';
}

/** A merge takes this long in the browser, so the console's "merging" state is visible. */
const MERGE_DELAY_MS = 800;

async function start(runtime: MockRuntime): Promise<void> {
  const worker = setupWorker(...createHandlers({ ...runtime, mergeDelayMs: MERGE_DELAY_MS }));
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
}

/**
 * Opens (or seeds) the persisted store and starts the worker. Resolves with a notice when the
 * stored demo data had to be restored from the seed or cannot be saved.
 */
export async function startMockWorker(): Promise<{ notice?: string }> {
  if (requestedSize() === 'large') {
    // Hundreds of megabytes do not belong in IndexedDB: the large store lives in memory only.
    const seed = { seed: DEFAULT_SEED, size: 'large' as const };
    const fresh = () => generateSeed({ ...seed, now: startOfToday() });
    const store = new IncidentStore(fresh());
    await start({ store, seed, reset: () => Promise.resolve(store.replaceState(fresh())) });
    const { incidents, alerts } = SEED_SIZES.large;
    return {
      notice: `Large demo store: ${incidents.toLocaleString('en-US')} incidents and about ${alerts.toLocaleString('en-US')} alerts, held in memory only — changes are lost on reload. Open the console with ?mock-size=default to return to the saved demo data.`,
    };
  }
  const seed = { seed: DEFAULT_SEED, size: 'default' as const };
  const persisted = await openBrowserStore({ ...seed, seedNow: startOfToday });
  await start({ store: persisted.store, seed, reset: () => persisted.reset() });
  return persisted.notice ? { notice: persisted.notice } : {};
}
