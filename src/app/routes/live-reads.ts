/**
 * The queues' first reads in live mode, where the console filters what real Graph cannot (a
 * search, tags, sources): the loader starts the read the page will ask for — an id looked up,
 * or the pages the console searches itself. Loaded only in live mode, so the mock's first load
 * does not carry it.
 */
import type { QueryClient } from '@tanstack/react-query';
import { alertQueries } from '@/api/alerts/alert-queries';
import type { AlertListParams } from '@/api/alerts/alerts-api';
import { incidentQueries } from '@/api/incidents/incident-queries';
import type { IncidentListParams } from '@/api/incidents/incidents-api';
import { LOCAL_SCAN_LIMIT } from '@/components/use-local-list';
import { alertScanParams, alertSearchFiltering } from '@/features/alerts-queue/live-search';
import { localFiltering, scanParams } from '@/features/incident-queue/local-filters';
import type { QueueFilters } from '@/features/incident-queue/queue-state';

/** Reads what the incidents queue filters itself; false when Graph's own list serves the view. */
export async function liveIncidentRead(
  queryClient: QueryClient,
  filters: QueueFilters,
  params: IncidentListParams,
): Promise<boolean> {
  const filtering = localFiltering(filters);
  if (filtering.kind === 'scan') {
    await queryClient.ensureQueryData(incidentQueries.scan(scanParams(params), LOCAL_SCAN_LIMIT));
    return true;
  }
  if (filtering.kind === 'lookup') {
    await queryClient.ensureQueryData(incidentQueries.lookup(filtering.id));
    return true;
  }
  return false;
}

/** Starts what the alerts queue's search reads; false when Graph's own list serves the view. */
export function liveAlertRead(
  queryClient: QueryClient,
  search: string,
  params: AlertListParams,
): boolean {
  const filtering = alertSearchFiltering(search);
  if (filtering.kind === 'scan') {
    void queryClient
      .ensureQueryData(alertQueries.scan(alertScanParams(params), LOCAL_SCAN_LIMIT))
      .catch(() => undefined);
    return true;
  }
  if (filtering.kind === 'lookup') {
    void queryClient.ensureQueryData(alertQueries.lookup(filtering.id)).catch(() => undefined);
    return true;
  }
  return false;
}
