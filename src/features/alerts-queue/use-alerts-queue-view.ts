import { useMemo } from 'react';
import { useUrlView } from '@/components/use-url-view';
import {
  alertsQueueView,
  NO_FILTERS,
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
 * The alerts queue's view as the URL holds it (see useUrlView), and the ways to change it.
 * Changing filters, search or sort goes back to the first page.
 */
export function useAlertsQueueView(): [AlertsQueueView, AlertsQueueViewActions] {
  const { view, update } = useUrlView(alertsQueueView);
  const actions = useMemo<AlertsQueueViewActions>(
    () => ({
      setFilter: (key, values) =>
        update((v) => ({ ...v, filters: { ...v.filters, [key]: values }, page: 1 })),
      clearFilters: () => update((v) => ({ ...v, filters: NO_FILTERS, search: '', page: 1 })),
      setSearch: (search) => update((v) => ({ ...v, search: search.trim(), page: 1 })),
      setSort: (sort) => update((v) => ({ ...v, sort, page: 1 })),
      setPage: (page, options) => update((v) => ({ ...v, page: Math.max(1, page) }), options),
    }),
    [update],
  );
  return [view, actions];
}
