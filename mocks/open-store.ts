/**
 * Opens the demo store where it is held: the SharedWorker that every tab shares
 * (mocks/shared-worker.ts), or this page where SharedWorker is missing or does not start. Small
 * and free of msw, so src/mock-start.ts can start it before the app's own modules run, while
 * msw's part (mocks/browser.ts) is still loading.
 */
import {
  fromRelayedResponse,
  sharedWorkerName,
  toRelayedRequest,
  transferablesOf,
  type RelayHostMessage,
  type RelayPortMessage,
  type RelayRequestMessage,
} from './relay-protocol';
import type { Responder } from './respond';
import type { SeedSize } from './store/types';

/** `?mock-size=large` (remembered for the tab) opens the 10,000-incident store, for speed checks. */
const SIZE_PARAM = 'mock-size';
const SIZE_KEY = 'soc-console-mock-size';

/**
 * How long a SharedWorker may take to run its first line. Opening the store may take much longer
 * (seeding the large one) and is not timed; this only catches a worker that never loads.
 */
const CONNECT_TIMEOUT_MS = 10_000;

export type Backend = {
  respond: Responder;
  /**
   * Has the SharedWorker serve requests on `port` too (the service worker's shortcut,
   * public/mock-service-worker.js); absent when the page holds the store itself.
   */
  servePort?: (port: MessagePort) => void;
  notice?: string;
  /** Where the store runs: shared by every tab, or in this page only (the fallback). */
  host: 'shared-worker' | 'page';
};

function requestedSize(): SeedSize {
  const fromUrl = new URLSearchParams(window.location.search).get(SIZE_PARAM);
  if (fromUrl === 'large' || fromUrl === 'default') sessionStorage.setItem(SIZE_KEY, fromUrl);
  return sessionStorage.getItem(SIZE_KEY) === 'large' ? 'large' : 'default';
}

const newTabId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** Connects to the SharedWorker holding the store of `size`; rejects if it cannot serve. */
/** Told how far generating the demo data is (`done` of `total` incidents). */
type SeedProgressListener = (done: number, total: number) => void;

function connectSharedWorker(
  size: SeedSize,
  tabId: string,
  onSeedProgress: SeedProgressListener,
): Promise<Backend> {
  return new Promise((resolve, reject) => {
    let worker: SharedWorker;
    try {
      worker = new SharedWorker(new URL('./shared-worker.ts', import.meta.url), {
        type: 'module',
        name: sharedWorkerName(size),
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const port = worker.port;
    const pending = new Map<number, (response: Response) => void>();
    let nextId = 0;
    let settled = false;

    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      port.onmessage = null;
      port.close();
      reject(new Error(reason));
    };
    // A worker whose script cannot load or run says nothing at all; one that runs says so at once.
    const timer = setTimeout(
      () => fail(`the SharedWorker did not start within ${CONNECT_TIMEOUT_MS / 1000} s`),
      CONNECT_TIMEOUT_MS,
    );
    worker.onerror = () => fail('the SharedWorker failed to load');

    const respond: Responder = async (request) => {
      const relayed = await toRelayedRequest(request);
      const id = nextId++;
      return new Promise<Response>((answer) => {
        pending.set(id, answer);
        const message: RelayRequestMessage = { type: 'request', id, tabId, request: relayed };
        port.postMessage(message, transferablesOf(relayed));
      });
    };

    port.onmessage = (event: MessageEvent<RelayHostMessage>) => {
      const message = event.data;
      switch (message.type) {
        case 'connected':
          clearTimeout(timer);
          return;
        case 'progress':
          onSeedProgress(message.done, message.total);
          return;
        case 'failed':
          fail(message.message);
          return;
        case 'ready':
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          // Read by scripts/bench-browser.ts: when this page heard the store was ready, and
          // how long the worker took from its start to an open store.
          performance.mark('mock-store-ready', { detail: { workerOpenedMs: message.openedMs } });
          resolve({
            respond,
            servePort: (handed) =>
              port.postMessage({ type: 'serve-port' } satisfies RelayPortMessage, [handed]),
            host: 'shared-worker',
            ...(message.notice ? { notice: message.notice } : {}),
          });
          return;
        case 'response': {
          const answer = pending.get(message.id);
          pending.delete(message.id);
          answer?.(fromRelayedResponse(message.response));
        }
      }
    };
  });
}

/** The fallback, loaded only when needed: the page holds its own copy of the store. */
async function openInPage(size: SeedSize): Promise<Backend> {
  const { openPageStore } = await import('./page-store');
  return { ...(await openPageStore(size)), host: 'page' };
}

async function openBackend(
  size: SeedSize,
  tabId: string,
  onSeedProgress: SeedProgressListener,
): Promise<Backend> {
  if (typeof SharedWorker === 'undefined') return openInPage(size);
  try {
    return await connectSharedWorker(size, tabId, onSeedProgress);
  } catch (error) {
    console.warn(
      '[mock] the store runs in this tab only, without one writer across tabs:',
      error instanceof Error ? error.message : error,
    );
    return openInPage(size);
  }
}

/** The store being opened, with what the service worker's relay needs to know of it. */
export type OpeningStore = {
  /** Sent with each relayed request; the store names it in the data-changed broadcast of a write. */
  tabId: string;
  /** Which store this tab uses; broadcasts name it too. */
  size: SeedSize;
  backend: Promise<Backend>;
  /**
   * Calls `listener` with how far generating the demo data is (at once with the latest figure,
   * if any), while the store opens in the SharedWorker; returns the unsubscribe.
   */
  onSeedProgress(listener: SeedProgressListener): () => void;
};

/** Starts opening the store of the size the URL (or the tab) asks for. */
export function openStore(): OpeningStore {
  const size = requestedSize();
  const tabId = newTabId();
  const listeners = new Set<SeedProgressListener>();
  let last: [number, number] | undefined;
  const backend = openBackend(size, tabId, (done, total) => {
    last = [done, total];
    for (const listener of listeners) listener(done, total);
  });
  backend.catch(() => {}); // reported by whoever awaits it
  return {
    size,
    tabId,
    backend,
    onSeedProgress(listener) {
      if (last) listener(...last);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
