/**
 * The SharedWorker that holds the browser's store: one per origin and store size (its name),
 * shared by every tab of the console. Tabs connect, hear `connected` at once and `ready` once the
 * store is open, then post the requests their service worker intercepts.
 */
import { sizeOfSharedWorker, type RelayHostMessage } from './relay-protocol';
import { readStoredRecords } from './store/idb-records';

type SharedWorkerScope = typeof globalThis & {
  name: string;
  onconnect: ((event: MessageEvent) => void) | null;
};

const scope = globalThis as SharedWorkerScope;

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  };
}

// msw builds a cookie store as its module loads and, outside Node, insists on `localStorage`,
// which no worker has: it would throw before a single request. The mock sets no cookies, so a
// stand-in that forgets everything is enough.
if (typeof localStorage === 'undefined') {
  Object.defineProperty(globalThis, 'localStorage', { value: memoryStorage(), configurable: true });
}

/** Tabs connected while the store opens: they hear how far generating the demo data is. */
const waiting = new Set<MessagePort>();
const post = (port: MessagePort, message: RelayHostMessage) => port.postMessage(message);

const size = sizeOfSharedWorker(scope.name);
// The default store's records are read while the store's code (msw, handlers, seed) loads; the
// large one lives in memory only.
const stored =
  size === 'default' && typeof indexedDB !== 'undefined' ? readStoredRecords(indexedDB) : undefined;

/**
 * The first tab's connection. Generating demo data is one long task, during which no tab can
 * connect, and a tab that connects after it began hears nothing of its progress. The browser
 * delivers a connection as a task of its own, which can come after the store's code has loaded,
 * so the store opens only once the tab that started this worker is connected.
 */
let firstConnected!: () => void;
const connected = new Promise<void>((resolve) => (firstConnected = resolve));

// Imported only now: a static import would evaluate msw before the stand-in exists.
const host = Promise.all([import('./shared-worker-host'), connected]).then(([m]) =>
  m.openStoreHost(
    size,
    (done, total) => {
      for (const port of waiting) post(port, { type: 'progress', done, total });
    },
    stored,
  ),
);
let opened = false;
host.then(
  () => {
    opened = true;
    waiting.clear();
  },
  () => waiting.clear(),
);

scope.onconnect = (event: MessageEvent) => {
  const port = event.ports[0];
  if (!port) return;
  const early = !opened;
  if (early) waiting.add(port);
  post(port, { type: 'connected' });
  firstConnected();
  host.then(
    (h) => h.serve(port, { early }),
    (error: unknown) =>
      post(port, {
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
