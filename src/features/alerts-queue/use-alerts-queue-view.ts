import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { alertQueries } from '@/api/alerts/alert-queries';
import { useLatest } from '@/components/use-latest';
import { useUrlView } from '@/components/use-url-view';
import {
  alertsQueueView,
  NO_FILTERS,
  toAlertListParams,
  type AlertSort,
  type AlertsQueueView,
  type FilterKey,
} from './alerts-queue-view';
import { alertSearchFiltering } from './live-search';

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
 * Changing filters, search or sort goes back to the first page. As in the incidents queue, a
 * new view starts reading its alerts at the click, beside the router's render of the new URL,
 * rather than once that render has committed.
 */
export function useAlertsQueueView(
  upn: string,
  live: boolean,
): [AlertsQueueView, AlertsQueueViewActions] {
  const { view, update } = useUrlView(alertsQueueView);
  const queryClient = useQueryClient();
  // What the actions read when they are called: they stay the same functions while the view
  // changes, as they did before they prefetched.
  const latestRef = useLatest({ view, upn, live });
  const actions = useMemo<AlertsQueueViewActions>(() => {
    const change = (
      to: (v: AlertsQueueView) => AlertsQueueView,
      options?: { replace?: boolean },
    ) => {
      const { view, upn, live } = latestRef.current;
      const next = to(view);
      // Live mode searches in the console (live-search.ts): that read starts with the new URL.
      if (!live || alertSearchFiltering(next.search).kind === 'none') {
        void queryClient.prefetchQuery(alertQueries.list(toAlertListParams(next, upn, { live })));
      }
      update(to, options);
    };
    return {
      setFilter: (key, values) =>
        change((v) => ({ ...v, filters: { ...v.filters, [key]: values }, page: 1 })),
      clearFilters: () => change((v) => ({ ...v, filters: NO_FILTERS, search: '', page: 1 })),
      setSearch: (search) => change((v) => ({ ...v, search: search.trim(), page: 1 })),
      setSort: (sort) => change((v) => ({ ...v, sort, page: 1 })),
      setPage: (page, options) => change((v) => ({ ...v, page: Math.max(1, page) }), options),
    };
  }, [update, queryClient, latestRef]);
  return [view, actions];
}
