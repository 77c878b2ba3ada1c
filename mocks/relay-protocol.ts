/**
 * What the page and the SharedWorker that holds the store say to each other over a MessagePort.
 * A fetch Request or Response cannot be posted, so each crosses as plain data with its body as
 * an ArrayBuffer, transferred rather than copied.
 */
import type { SeedSize } from './store/types';

/** A Request as it crosses the port. Header pairs keep repeated headers apart. */
export type RelayedRequest = {
  method: string;
  url: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
};

/** A Response as it crosses the port, or a network error (msw's `HttpResponse.error()`). */
export type RelayedResponse =
  | {
      status: number;
      statusText: string;
      headers: [string, string][];
      body: ArrayBuffer | null;
    }
  | { networkError: true };

/** Page → SharedWorker. `tabId` says which tab wrote, so that tab is not told of its own write. */
export type RelayRequestMessage = {
  type: 'request';
  id: number;
  tabId: string;
  request: RelayedRequest;
};

/**
 * Page → SharedWorker: serve requests on the port sent with this message too. The page hands its
 * other end to the service worker, which then relays the tab's requests without the page.
 */
export type RelayPortMessage = { type: 'serve-port' };

/** SharedWorker → page. */
export type RelayHostMessage =
  /** The worker's script runs: the store is opening (which can take seconds). */
  | { type: 'connected' }
  /** The demo data is being generated: `done` of `total` incidents so far. */
  | { type: 'progress'; done: number; total: number }
  /**
   * The store is open; `notice` is what the analyst must be told of it. `openedMs`: how long
   * after the worker started its store was open (the worker's clock), for the speed figures;
   * sent only to a tab that connected while the store was opening.
   */
  | { type: 'ready'; notice?: string; openedMs?: number }
  /** The store could not be opened in the worker: the page runs it itself. */
  | { type: 'failed'; message: string }
  | { type: 'response'; id: number; response: RelayedResponse };

/** Posted on the 'soc-console-data' BroadcastChannel after a write, so other tabs refetch. */
export type DataChangedBroadcast = {
  type: 'changed';
  /** The tab whose request wrote. */
  origin: string;
  /** Which store changed: tabs on the other one need not refetch. */
  store: SeedSize;
};

/** One SharedWorker per store size: a SharedWorker is shared by origin, script and name. */
export const sharedWorkerName = (size: SeedSize) => `soc-console-mock-${size}`;

export const sizeOfSharedWorker = (name: string): SeedSize =>
  name === sharedWorkerName('large') ? 'large' : 'default';

/** Statuses whose response must have no body (the Response constructor throws otherwise). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

async function bodyOf(message: Request | Response): Promise<ArrayBuffer | null> {
  if (message.body === null) return null;
  const body = await message.arrayBuffer();
  return body.byteLength === 0 ? null : body;
}

export async function toRelayedRequest(request: Request): Promise<RelayedRequest> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return {
    method: request.method,
    url: request.url,
    headers: [...request.headers],
    body: hasBody ? await bodyOf(request) : null,
  };
}

export function fromRelayedRequest(relayed: RelayedRequest): Request {
  return new Request(relayed.url, {
    method: relayed.method,
    headers: relayed.headers,
    ...(relayed.body ? { body: relayed.body } : {}),
  });
}

export async function toRelayedResponse(response: Response): Promise<RelayedResponse> {
  if (response.type === 'error') return { networkError: true };
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body: NULL_BODY_STATUSES.has(response.status) ? null : await bodyOf(response),
  };
}

export function fromRelayedResponse(relayed: RelayedResponse): Response {
  if ('networkError' in relayed) return Response.error();
  return new Response(NULL_BODY_STATUSES.has(relayed.status) ? null : relayed.body, {
    status: relayed.status,
    statusText: relayed.statusText,
    headers: relayed.headers,
  });
}

/** The buffers to transfer with a message, so a large body is moved rather than copied. */
export function transferablesOf(relayed: RelayedRequest | RelayedResponse): Transferable[] {
  return 'body' in relayed && relayed.body ? [relayed.body] : [];
}
