import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { alertQueries } from '@/api/alerts/alert-queries';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { odataString } from '@/api/odata-query';
import type { Alert, Incident } from '@/domain/graph';

export type MovingAlerts = {
  /** The alerts found, in the order they were asked for. */
  alerts: Alert[];
  /** Ids asked for that the server did not return (gone, or not visible to the persona). */
  missingIds: string[];
  /** The incidents the alerts come from, by id (each read with its alerts), once loaded. */
  origins: ReadonlyMap<string, Incident>;
  isPending: boolean;
  /** The alerts could not be read at all. */
  error: Error | null;
  /** Reading them again failed: `alerts` are as they were first read. */
  refreshError: Error | null;
  isRefetching: boolean;
  refetch: () => void;
};

type OriginResult = { data?: Incident; isPending: boolean; fetchStatus: string };

/** Source incidents by id (stable: react-query re-runs it on change only). */
function combineOrigins(results: OriginResult[]) {
  const origins = new Map<string, Incident>();
  for (const { data } of results) {
    if (!data?.id) continue;
    origins.set(data.id, data);
  }
  return {
    origins,
    originsPending: results.some((r) => r.isPending && r.fetchStatus !== 'idle'),
  };
}

/**
 * Loads the alerts to move (one list request filtered by id) and the incidents they come from
 * (their detail reads, shared with the incident page's cache).
 */
export function useMovingAlerts(alertIds: readonly string[]): MovingAlerts {
  const params = useMemo(
    () => ({
      filter: alertIds.map((id) => `id eq ${odataString(id)}`).join(' or '),
      top: Math.max(1, alertIds.length),
    }),
    [alertIds],
  );
  const list = useQuery({ ...alertQueries.list(params), enabled: alertIds.length > 0 });

  const alerts = useMemo(() => {
    const byId = new Map((list.data?.value ?? []).map((a) => [a.id, a]));
    return alertIds.flatMap((id) => {
      const alert = byId.get(id);
      return alert ? [alert] : [];
    });
  }, [alertIds, list.data]);
  const missingIds = useMemo(
    () => (list.data ? alertIds.filter((id) => !alerts.some((a) => a.id === id)) : []),
    [alertIds, alerts, list.data],
  );

  const originIds = useMemo(
    () => [...new Set(alerts.flatMap((a) => (a.incidentId ? [a.incidentId] : [])))],
    [alerts],
  );
  const { origins, originsPending } = useQueries({
    queries: originIds.map((id) => incidentQueries.detail(id)),
    combine: combineOrigins,
  });

  return {
    alerts,
    missingIds,
    origins,
    isPending: (alertIds.length > 0 && list.isPending) || originsPending,
    // A list that never loaded fails the flyout; one that fails to refresh keeps what it read.
    error: list.isLoadingError ? list.error : null,
    refreshError: list.isRefetchError ? list.error : null,
    isRefetching: list.isFetching,
    refetch: () => void list.refetch(),
  };
}
