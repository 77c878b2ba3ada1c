/**
 * An incident's alerts as Sentinel counts them (seed 004): its home alerts (Graph's `alerts`)
 * and the alerts related to it (`@mock.relatedAlertIds`), read by id from `alerts_v2` in
 * batches of up to 50 (`$filter=id in (…)`): one request for an incident at Sentinel's cap of 150
 * would otherwise be 150.
 */
import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { alertKeys } from '@/api/alerts/alert-keys';
import { alertQueries } from '@/api/alerts/alert-queries';
import { MAX_IDS_PER_READ } from '@/api/alerts/alerts-api';
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
const NO_IDS: string[] = [];

/** Consecutive batches: an alert added at the end changes only the last batch's key. */
function batches(ids: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_IDS_PER_READ) {
    out.push(ids.slice(i, i + MAX_IDS_PER_READ));
  }
  return out;
}

/** The batches `useIncidentMembers` reads for `incident` (a loader warms them). */
export const memberBatches = (incident: Incident) =>
  batches(incident['@mock.relatedAlertIds'] ?? NO_IDS);

/** The incident's alerts, home and related (the related ones are read by id). */
export function useIncidentMembers(incident: Incident): IncidentMembers {
  const client = useQueryClient();
  const home = incident.alerts ?? NO_ALERTS;
  const relatedIds = incident['@mock.relatedAlertIds'] ?? NO_IDS;
  const idKey = relatedIds.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the ids' content
  const chunks = useMemo(() => batches(relatedIds), [idKey]);
  // A stable combine: the result keeps its identity until an alert changes.
  const combine = useCallback(
    (results: UseQueryResult<Alert[]>[]): IncidentMembers => {
      const read = new Map<string, Alert>();
      for (const r of results) for (const a of r.data ?? []) read.set(a.id ?? '', a);
      const related: IncidentMember[] = [];
      const missing: string[] = [];
      for (const [i, chunk] of chunks.entries()) {
        const result = results[i];
        for (const id of chunk) {
          // While a batch whose ids changed is read again, the alerts it held stay shown (as
          // the last read left them), so nothing leaves and rejoins the page.
          const alert =
            read.get(id) ??
            (result?.isPending ? client.getQueryData<Alert>(alertKeys.detail(id)) : undefined);
          if (alert) related.push({ alert, related: true });
          else if (result?.isSuccess) missing.push(id);
        }
      }
      const failed = results.find((r) => r.isError);
      return {
        members: [...home.map((alert) => ({ alert, related: false })), ...related],
        isPending: results.some((r) => r.isPending),
        error:
          failed?.error ??
          (missing.length > 0
            ? new Error(
                `${missing.length === 1 ? 'Alert' : 'Alerts'} ${missing.join(', ')} ${missing.length === 1 ? 'was' : 'were'} not found.`,
              )
            : null),
        refetch: () => {
          for (const r of results) if (r.isError || r.isSuccess) void r.refetch();
        },
      };
    },
    [home, chunks, client],
  );
  return useQueries({ queries: chunks.map((ids) => alertQueries.byIds(ids)), combine });
}
