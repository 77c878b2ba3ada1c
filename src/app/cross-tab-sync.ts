import type { QueryClient } from '@tanstack/react-query';

/** The channel the mock announces committed changes on (ARCHITECTURE.md §6). */
export const DATA_CHANNEL = 'soc-console-data';

/** Refetches everything when another tab (or the service worker) says the data changed. */
export function listenForDataChanges(queryClient: QueryClient): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(DATA_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (
      typeof data === 'object' &&
      data !== null &&
      (data as { type?: unknown }).type === 'changed'
    ) {
      void queryClient.invalidateQueries();
    }
  };
  return () => channel.close();
}
