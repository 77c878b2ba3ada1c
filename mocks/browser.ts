/**
 * The mock in the browser. MSW's service worker intercepts the app's Graph (and ARM) requests,
 * and this page relays each one to the SharedWorker that holds the store
 * (mocks/shared-worker.ts), so every tab shares one store and one writer and the page's frames
 * never wait on store work. Once the store is open, the page gives the service worker a port
 * straight to the SharedWorker (public/mock-service-worker.js), and the requests no longer pass
 * through the page at all. Where SharedWorker is missing or does not start, the page opens the
 * store and answers itself, with the weaker guarantees the README lists.
 */
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import { openStore, type Backend, type OpeningStore } from './open-store';
import type { SeedSize } from './store/types';
import { reportFloatingWorkerUpdates } from './worker-update';

/** What the mock answers; anything else goes to the network untouched. */
const RELAYED_URLS = ['https://graph.microsoft.com/*', 'https://management.azure.com/*'];

export type MockStarted = {
  /** What the analyst must be told about the demo data, if anything. */
  notice?: string;
  /** Sent with each relayed request; the store names it in the data-changed broadcast of a write. */
  tabId: string;
  /** Which store this tab uses; broadcasts name it too. */
  store: SeedSize;
  /** Where the store runs: shared by every tab, or in this page only (the fallback). */
  host: 'shared-worker' | 'page';
};

/** How long the app's first requests wait for the service worker to hold its port. */
const PORT_WAIT_MS = 500;

/**
 * Gives the service worker a port straight to the SharedWorker, so this tab's requests reach the
 * store without two trips through the page (public/mock-service-worker.js), and resolves once the
 * service worker says it holds it. Until then, msw's path through the page serves. A service
 * worker the browser restarts has lost the port, as it has lost msw's own record of this tab; a
 * reload starts both again.
 */
async function handPortToServiceWorker(servePort: (port: MessagePort) => void, tabId: string) {
  const worker = (await navigator.serviceWorker.ready).active;
  if (!worker) return;
  const channel = new MessageChannel();
  const reply = new MessageChannel();
  const held = new Promise<void>((resolve) => {
    reply.port1.onmessage = () => {
      reply.port1.close();
      resolve();
    };
  });
  servePort(channel.port1);
  worker.postMessage({ type: 'store-port', tabId }, [channel.port2, reply.port2]);
  await held;
}

/**
 * Starts the service worker beside the store being opened (src/mock-start.ts starts that first).
 * Requests intercepted before the store is open wait for it rather than fail.
 */
export async function startMockWorker(opening: OpeningStore = openStore()): Promise<MockStarted> {
  const { size, tabId } = opening;
  const backend: Promise<Backend> = opening.backend;
  if (typeof ServiceWorkerRegistration !== 'undefined') {
    reportFloatingWorkerUpdates(ServiceWorkerRegistration.prototype);
  }
  const worker = setupWorker(
    ...RELAYED_URLS.map((url) =>
      http.all(url, async ({ request }) => (await backend).respond(request)),
    ),
  );
  const [{ notice, host, servePort }] = await Promise.all([
    backend,
    worker.start({
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: `${import.meta.env.BASE_URL}mock-service-worker.js` },
    }),
  ]);
  if (servePort) {
    const handed = handPortToServiceWorker(servePort, tabId).catch((error: unknown) =>
      console.warn('[mock] requests keep going through the page:', error),
    );
    // Awaited before the app's first requests go out (they wait for this start), so that they
    // take the shortcut too, not two trips through a main thread busy starting the app; but
    // never for long, since msw's path serves as well.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      handed,
      new Promise((resolve) => (timer = setTimeout(resolve, PORT_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }
  return { tabId, store: size, host, ...(notice ? { notice } : {}) };
}
