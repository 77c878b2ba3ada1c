/**
 * The store's home in the browser (ARCHITECTURE.md §1): opened once in the SharedWorker, it
 * answers every tab's relayed requests with the same handlers and `getResponse` as the HTTP
 * server in Node. Every write goes through this one store, so ids are handed out once and no tab
 * overwrites another's records; each write is answered once IndexedDB has committed it.
 */
import { openBrowserRuntime } from './browser-runtime';
import { createHandlers } from './handlers';
import { graphError } from './handlers/graph-response';
import {
  fromRelayedRequest,
  toRelayedResponse,
  transferablesOf,
  type DataChangedBroadcast,
  type RelayedResponse,
  type RelayHostMessage,
  type RelayPortMessage,
  type RelayRequestMessage,
} from './relay-protocol';
import { createResponder } from './respond';
import type { StoredRecords } from './store/idb-records';
import { DATA_CHANNEL_NAME } from './store/persistence';
import type { SeedSize } from './store/types';

const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export type StoreHost = {
  /**
   * Answers the requests one tab posts on `port`. `early` is true for a tab that connected while
   * the store was opening: only it hears of what happened then (data restored from the seed).
   */
  serve(port: MessagePort, options: { early: boolean }): void;
};

function post(port: MessagePort, message: RelayHostMessage, transfer: Transferable[] = []) {
  port.postMessage(message, transfer);
}

function isRequestMessage(data: unknown): data is RelayRequestMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    (data as RelayRequestMessage).type === 'request' &&
    typeof (data as RelayRequestMessage).id === 'number' &&
    typeof (data as RelayRequestMessage).tabId === 'string'
  );
}

export async function openStoreHost(
  size: SeedSize,
  onSeedProgress?: (done: number, total: number) => void,
  stored?: StoredRecords,
): Promise<StoreHost> {
  const opened = await openBrowserRuntime(size, {
    shared: true,
    ...(onSeedProgress ? { onSeedProgress } : {}),
    ...(stored ? { stored } : {}),
  });
  const { runtime } = opened;
  // The worker's clock starts with the worker, so this is its start → store open.
  const openedMs = performance.now();
  const respond = createResponder(createHandlers(runtime));
  const data =
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(DATA_CHANNEL_NAME);

  let commits = 0;
  runtime.store.subscribe(() => {
    commits += 1;
  });

  const answer = async ({ tabId, request }: RelayRequestMessage): Promise<RelayedResponse> => {
    try {
      const before = commits;
      const response = await respond(fromRelayedRequest(request));
      // The store cannot say which request a commit belongs to (requests interleave while a
      // merge waits or IndexedDB commits), so a write during which anything committed tells
      // the other tabs. Its own tab refetches after its mutation anyway and is left out; a
      // concurrent write can cost another tab one extra refetch, never a missed one.
      if (!READ_METHODS.has(request.method) && commits !== before) {
        data?.postMessage({
          type: 'changed',
          origin: tabId,
          store: size,
        } satisfies DataChangedBroadcast);
      }
      return await toRelayedResponse(response);
    } catch (error) {
      console.error(`[mock] ${request.method} ${request.url} failed:`, error);
      return toRelayedResponse(
        graphError(500, 'InternalServerError', 'The mock failed to handle the request.'),
      );
    }
  };

  const host: StoreHost = {
    serve(port, { early }) {
      port.onmessage = (event: MessageEvent<unknown>) => {
        const message = event.data;
        const handedOver = event.ports[0];
        if (handedOver && (message as RelayPortMessage | null)?.type === 'serve-port') {
          host.serve(handedOver, { early: false });
          return;
        }
        if (!isRequestMessage(message)) return;
        void answer(message).then((response) =>
          post(port, { type: 'response', id: message.id, response }, transferablesOf(response)),
        );
      };
      // Read now: a store whose heavy records proved unreadable runs in memory from then on,
      // and a tab that connects later must hear it too.
      const { notice, lastingNotice } = opened;
      post(port, {
        type: 'ready',
        // Only to a tab that waited for the opening: for a later one it says nothing.
        ...(early ? { openedMs } : {}),
        ...(notice && (early || lastingNotice) ? { notice } : {}),
      });
    },
  };
  return host;
}
