/**
 * An incident's alerts as Sentinel counts them (seed 004): its home alerts (Graph's `alerts`)
 * and the alerts related to it. The mock names those (`@mock.relatedAlertIds`), read by id from
 * `alerts_v2` in batches of up to 50 (`$filter=id in (…)`): one request for an incident at
 * Sentinel's cap of 150 would otherwise be 150. Live mode reads them from Sentinel's relations
 * (`relatedAlertsQuery`), since real Graph has neither.
 */
import { useQueries, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { alertKeys } from '@/api/alerts/alert-keys';
import { alertQueries } from '@/api/alerts/alert-queries';
import { MAX_IDS_PER_READ } from '@/api/alerts/alerts-api';
import { isLiveMode, useLiveMode } from '@/api/config';
import { entityQueries } from '@/api/entities/entity-queries';
import {
  beyondHome,
  liveEntitiesQuery,
  relatedAlertsQuery,
  type LiveRelatedAlerts,
} from '@/api/relations/live-related';
import type { Alert, Incident } from '@/domain/graph';
import { heldAlertCount } from '@/domain/relations';

/** One alert of an incident: homed in it, or related to it from its home incident. */
export type IncidentMember = { alert: Alert; related: boolean };

export type IncidentMembers = {
  /** Home alerts, then the related alerts loaded so far. */
  members: IncidentMember[];
  /** Related alerts are still loading. */
  isPending: boolean;
  /** Why a related alert could not be read, if one could not. */
  error: Error | null;
  /** The error is a refresh that failed: the related alerts are as they were last read. */
  stale: boolean;
  /** A failed read of the related alerts is being read again (Retry). */
  isFetching: boolean;
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

/** The related alerts the mock names (none in live mode: real Graph names none). */
const mockRelatedIds = (incident: Incident, live: boolean) =>
  live ? NO_IDS : (incident['@mock.relatedAlertIds'] ?? NO_IDS);

/** The batches `useIncidentMembers` reads for `incident` in mock mode (a loader warms them). */
export const memberBatches = (incident: Incident) =>
  batches(mockRelatedIds(incident, isLiveMode()));

const notFound = (missing: readonly string[]) =>
  missing.length === 0
    ? null
    : new Error(
        `${missing.length === 1 ? 'Alert' : 'Alerts'} ${missing.join(', ')} ${missing.length === 1 ? 'was' : 'were'} not found.`,
      );

/**
 * Live mode's related alerts: Sentinel's, not counting those Graph lists as home alerts. Read
 * only in live mode.
 */
function useLiveRelated(incident: Incident, live: boolean) {
  const read = useQuery({ ...relatedAlertsQuery(incident.id ?? ''), enabled: live });
  const home = incident.alerts;
  const { data } = read;
  const alerts = useMemo(
    () => (data ? beyondHome({ alerts: home }, data) : NO_ALERTS),
    [home, data],
  );
  return { read, alerts, missing: data?.missing ?? NO_IDS };
}

/** How many alerts Sentinel relates to the incident that Graph does not list as its own. */
function liveRelatedCount(incident: Incident, data: LiveRelatedAlerts | undefined): number {
  return data ? beyondHome(incident, data).length + data.missing.length : 0;
}

/** How many alerts the incident holds, home and related, as far as they are known yet. */
export function useHeldAlertCount(incident: Incident): number {
  const live = useLiveMode();
  const { read } = useLiveRelated(incident, live);
  return live
    ? heldAlertCount(incident, liveRelatedCount(incident, read.data))
    : heldAlertCount(incident);
}

export type RelatedAlertCounts = {
  /**
   * Live mode: how many alerts are related to each incident (by id), once Sentinel has said;
   * empty in mock mode, where `heldAlertCount` reads the mock's own list.
   */
  related: ReadonlyMap<string, number>;
  /** Live mode: Sentinel is still being asked. */
  isPending: boolean;
  /** Live mode: why the related alerts of an incident could not be counted. */
  error: Error | null;
};

/** The related alerts of several incidents, for the previews' 150-alert check. */
export function useRelatedAlertCounts(incidents: readonly Incident[]): RelatedAlertCounts {
  const live = useLiveMode();
  const reads = useQueries({
    queries: incidents.map((i) => ({ ...relatedAlertsQuery(i.id ?? ''), enabled: live })),
  });
  if (!live) return { related: new Map(), isPending: false, error: null };
  const related = new Map<string, number>();
  for (const [i, incident] of incidents.entries()) {
    const data = reads[i]?.data;
    if (data) related.set(incident.id ?? '', liveRelatedCount(incident, data));
  }
  return {
    related,
    isPending: reads.some((r) => r.isPending),
    error: reads.find((r) => r.isError)?.error ?? null,
  };
}

/** The incident's alerts, home and related (the related ones are read by id). */
export function useIncidentMembers(incident: Incident): IncidentMembers {
  const client = useQueryClient();
  const live = useLiveMode();
  const fromSentinel = useLiveRelated(incident, live);
  const home = incident.alerts ?? NO_ALERTS;
  const relatedIds = mockRelatedIds(incident, live);
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
        error: failed?.error ?? notFound(missing),
        stale: failed?.isRefetchError ?? false,
        // Only a failed read being read again: not a background refresh of one that succeeded.
        isFetching: results.some((r) => r.isError && r.isFetching),
        refetch: () => {
          for (const r of results) if (r.isError || r.isSuccess) void r.refetch();
        },
      };
    },
    [home, chunks, client],
  );
  const fromMock = useQueries({ queries: chunks.map((ids) => alertQueries.byIds(ids)), combine });
  const { read, alerts, missing } = fromSentinel;
  const { isPending, isFetching, error, isRefetchError, refetch } = read;
  const fromLive = useMemo(
    (): IncidentMembers => ({
      members: [
        ...home.map((alert) => ({ alert, related: false })),
        ...alerts.map((alert) => ({ alert, related: true })),
      ],
      isPending,
      error: error ?? notFound(missing),
      stale: isRefetchError,
      isFetching,
      refetch: () => void refetch(),
    }),
    [home, alerts, missing, isPending, isFetching, error, isRefetchError, refetch],
  );
  return live ? fromLive : fromMock;
}

/**
 * The incident's assets, as its page and graph show them: the mock's, or in live mode those of
 * its home and related alerts (Graph's incident has only the home ones).
 */
export function useIncidentEntities(incidentId: string) {
  const live = useLiveMode();
  const fromMock = useQuery({ ...entityQueries.all(incidentId), enabled: !live });
  const fromLive = useQuery({ ...liveEntitiesQuery(incidentId), enabled: live });
  return live ? fromLive : fromMock;
}
