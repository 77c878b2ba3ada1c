import { useCallback } from 'react';
import { alertQueries } from '@/api/alerts/alert-queries';
import { LOCAL_SCAN_LIMIT, useLocalList } from '@/components/use-local-list';
import type { Alert } from '@/domain/graph';
import { toAlertListParams, ALERTS_PAGE_SIZE, type AlertsQueueView } from './alerts-queue-view';
import {
  alertScanParams,
  alertSearchFiltering,
  alertSearchNote,
  matchesAlertSearch,
} from './live-search';

/**
 * The queue's page of alerts. Graph filters, searches and pages in mock mode; in live mode a
 * search is an id lookup or a match over the first pages the other filters give, paged by the
 * console, and `note` says which.
 */
export function useQueueAlerts(view: AlertsQueueView, upn: string, live: boolean) {
  const filtering = live ? alertSearchFiltering(view.search) : ({ kind: 'none' } as const);
  const params = toAlertListParams(view, upn, { live });
  const { search } = view;
  const matches = useCallback((alert: Alert) => matchesAlertSearch(alert, search), [search]);
  return useLocalList({
    filtering,
    enabled: true,
    list: alertQueries.list(params),
    scan: alertQueries.scan(alertScanParams(params), LOCAL_SCAN_LIMIT),
    lookup: alertQueries.lookup,
    matches,
    page: view.page,
    pageSize: ALERTS_PAGE_SIZE,
    note: (scan) => alertSearchNote(filtering, scan),
  });
}
