/**
 * An incident's alerts as Sentinel counts them (seed 004): its home alerts (Graph's `alerts`)
 * and the alerts related to it (`@mock.relatedAlertIds`), read one by one from `alerts_v2`.
 */
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import { alertQueries } from '@/api/alerts/alert-queries';
import type { Alert, Incident } from '@/domain/graph';

/** One alert of an incident: homed in it, or related to it from its home incident. */
export type IncidentMember = { alert: Alert; related: boolean };

export type IncidentMembers = {
  /** Home alerts, then the related alerts loaded so far. */
  members: IncidentMember[];
  /** Related alerts are still loading. */
  isPending: boolean;
  /** Why a related alert could not be read, if one could not. */
  error: Error | null;
  /** Tries the failed reads again. */
  refetch: () => void;
};

const NO_ALERTS: Alert[] = [];

/** The incident's alerts, home and related (the related ones are read by id). */
export function useIncidentMembers(incident: Incident): IncidentMembers {
  const home = incident.alerts ?? NO_ALERTS;
  const relatedIds = incident['@mock.relatedAlertIds'] ?? [];
  // A stable combine: the result keeps its identity until an alert changes.
  const combine = useCallback(
    (results: UseQueryResult<Alert>[]): IncidentMembers => {
      const failed = results.find((r) => r.isError);
      return {
        members: [
          ...home.map((alert) => ({ alert, related: false })),
          ...results.flatMap((r) => (r.data ? [{ alert: r.data, related: true }] : [])),
        ],
        isPending: results.some((r) => r.isPending),
        error: failed?.error ?? null,
        refetch: () => {
          for (const r of results) if (r.isError) void r.refetch();
        },
      };
    },
    [home],
  );
  return useQueries({ queries: relatedIds.map((id) => alertQueries.detail(id)), combine });
}
