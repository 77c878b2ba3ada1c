/* global importScripts */
/**
 * The console's service worker in mock mode: msw's own worker (imported at the end, unchanged),
 * with one shortcut in front of it.
 *
 * msw's worker hands each intercepted request to the page, which relays it to the SharedWorker
 * that holds the store (mocks/browser.ts) and hands the answer back: two trips through the
 * page's main thread, which is often busy rendering at that moment. Once a tab's store is open,
 * the tab gives this worker a MessagePort straight to the SharedWorker (`store-port`), and the
 * tab's Graph and ARM requests go over it without touching the page. The messages are the
 * page's own relay protocol (mocks/relay-protocol.ts). A tab without a port, or whose port this
 * worker lost when the browser restarted it, is served by msw's path as before. Requests for
 * anything else (the app's own files) never reach msw: the mock answers none of them.
 */

/** What the mock answers (mocks/browser.ts, RELAYED_URLS). */
const RELAYED_ORIGINS = ['https://graph.microsoft.com/', 'https://management.azure.com/'];

/** Statuses whose response must have no body (mocks/relay-protocol.ts). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Client id → its port to the SharedWorker, the tab id it writes as, and its pending requests. */
const storePorts = new Map();

addEventListener('message', (event) => {
  const data = event.data;
  const clientId = event.source && event.source.id;
  if (!clientId) return;
  if (data === 'CLIENT_CLOSED') {
    const entry = storePorts.get(clientId);
    if (entry) entry.port.close();
    storePorts.delete(clientId);
    return;
  }
  if (!data || data.type !== 'store-port' || !event.ports[0]) return;
  // Not one of msw's messages: its listener below need not look at it.
  event.stopImmediatePropagation();
  const previous = storePorts.get(clientId);
  if (previous) previous.port.close();
  const entry = { port: event.ports[0], tabId: String(data.tabId), pending: new Map(), nextId: 0 };
  entry.port.onmessage = (message) => {
    const reply = message.data;
    if (!reply || reply.type !== 'response') return;
    const answer = entry.pending.get(reply.id);
    entry.pending.delete(reply.id);
    if (answer) answer(reply.response);
  };
  storePorts.set(clientId, entry);
  // The tab's first requests wait for this: from now on they take the port.
  if (event.ports[1]) event.ports[1].postMessage('held');
});

addEventListener('fetch', (event) => {
  const url = event.request.url;
  if (!RELAYED_ORIGINS.some((origin) => url.startsWith(origin))) {
    // The app's own files and anything else the mock does not answer: msw would ask the page
    // and be told to pass it through, so the browser fetches it straight away instead.
    event.stopImmediatePropagation();
    return;
  }
  const entry = storePorts.get(event.clientId);
  if (!entry) return;
  // Answered here: msw's listener below must not answer it too.
  event.stopImmediatePropagation();
  event.respondWith(relay(entry, event.request));
});

async function relay(entry, request) {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const body = hasBody ? await request.arrayBuffer() : null;
  const relayed = {
    method: request.method,
    url: request.url,
    headers: [...request.headers],
    body: body && body.byteLength > 0 ? body : null,
  };
  const id = entry.nextId++;
  const response = await new Promise((resolve) => {
    entry.pending.set(id, resolve);
    entry.port.postMessage(
      { type: 'request', id, tabId: entry.tabId, request: relayed },
      relayed.body ? [relayed.body] : [],
    );
  });
  if (response.networkError) return Response.error();
  return new Response(NULL_BODY_STATUSES.has(response.status) ? null : response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

importScripts('./mockServiceWorker.js');
