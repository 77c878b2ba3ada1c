import type { QueryClient } from '@tanstack/react-query';
import { setStartupNotice } from './startup-notice';

/** The channel the mock announces committed changes on (ARCHITECTURE.md §6). */
export const DATA_CHANNEL = 'soc-console-data';

export type DataChangeFilter = {
  /** This tab's id as the mock knows it: its own writes refetch after their mutation already. */
  tabId?: string;
  /** The store this tab shows: a change to another one is none of its business. */
  store?: string;
};

/**
 * `notice`: the store's data was replaced under the tabs after it had answered (its stored
 * evidence or activity logs turned out unusable), and this says why.
 */
type DataChanged = { type: 'changed'; origin?: unknown; store?: unknown; notice?: unknown };

function isDataChanged(data: unknown): data is DataChanged {
  return (
    typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'changed'
  );
}

/**
 * Refetches everything when the mock says the data changed, unless the message names this tab
 * as the writer or another store. `filter` is read when a message arrives, so a caller may fill
 * it in later.
 */
export function listenForDataChanges(
  queryClient: QueryClient,
  filter: DataChangeFilter = {},
): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(DATA_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (!isDataChanged(data)) return;
    if (filter.tabId !== undefined && data.origin === filter.tabId) return;
    if (filter.store !== undefined && data.store !== undefined && data.store !== filter.store)
      return;
    if (typeof data.notice === 'string' && data.notice !== '') {
      setStartupNotice({ intent: 'warning', message: data.notice });
    }
    void queryClient.invalidateQueries();
  };
  return () => channel.close();
}
