import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  NO_FILTERS,
  parseView,
  writeView,
  type AlertSort,
  type AlertsQueueView,
  type FilterKey,
} from './alerts-queue-view';

export type AlertsQueueViewActions = {
  setFilter: (key: FilterKey, values: readonly string[]) => void;
  /** Removes every filter and the search; the sort stays. */
  clearFilters: () => void;
  setSearch: (search: string) => void;
  setSort: (sort: AlertSort) => void;
  /** `replace` corrects the URL without adding a history entry (a page past the end). */
  setPage: (page: number, options?: { replace?: boolean }) => void;
};

/**
 * The alerts queue's view as the URL holds it, and the ways to change it. Every change is a new
 * history entry, so back/forward moves between views; changing filters, search or sort goes back
 * to the first page.
 */
export function useAlertsQueueView(): [AlertsQueueView, AlertsQueueViewActions] {
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => parseView(searchParams), [searchParams]);

  // A hand-edited or outdated link is rewritten in its canonical form (unknown values dropped).
  const canonical = writeView(searchParams, view).toString();
  useEffect(() => {
    if (canonical !== searchParams.toString()) {
      setSearchParams(new URLSearchParams(canonical), { replace: true });
    }
  }, [canonical, searchParams, setSearchParams]);

  const update = useCallback(
    (change: (view: AlertsQueueView) => AlertsQueueView, replace = false) =>
      setSearchParams((previous) => writeView(previous, change(parseView(previous))), {
        replace,
      }),
    [setSearchParams],
  );

  const actions = useMemo<AlertsQueueViewActions>(
    () => ({
      setFilter: (key, values) =>
        update((v) => ({ ...v, filters: { ...v.filters, [key]: values }, page: 1 })),
      clearFilters: () => update((v) => ({ ...v, filters: NO_FILTERS, search: '', page: 1 })),
      setSearch: (search) => update((v) => ({ ...v, search: search.trim(), page: 1 })),
      setSort: (sort) => update((v) => ({ ...v, sort, page: 1 })),
      setPage: (page, options) =>
        update((v) => ({ ...v, page: Math.max(1, page) }), options?.replace ?? false),
    }),
    [update],
  );

  return [view, actions];
}
