import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { alertKeys } from '@/api/alerts/alert-keys';
import { incidentKeys } from '@/api/incidents/incident-keys';
import type { Alert, Incident, ODataCollection } from '@/domain/graph';

/**
 * Every cached copy of an alert: its detail, the alert lists, the batches read by id (an
 * incident's added alerts) and its incident's `alerts`.
 */
export type AlertSnapshot = [QueryKey, unknown][];

/** Writes `change` into every cached copy of the alert and returns what was there before. */
export async function patchCachedAlert(
  qc: QueryClient,
  alert: Alert,
  change: Partial<Alert>,
): Promise<AlertSnapshot> {
  const id = alert.id ?? '';
  const incident = incidentKeys.detail(alert.incidentId ?? '');
  // Cancel first so an in-flight refetch can't overwrite the optimistic values.
  await Promise.all([
    qc.cancelQueries({ queryKey: alertKeys.detail(id) }),
    qc.cancelQueries({ queryKey: alertKeys.lists() }),
    qc.cancelQueries({ queryKey: alertKeys.idBatches() }),
    qc.cancelQueries({ queryKey: incident, exact: true }),
  ]);
  const snapshot: AlertSnapshot = [
    [alertKeys.detail(id), qc.getQueryData(alertKeys.detail(id))],
    [incident, qc.getQueryData(incident)],
    ...qc.getQueriesData({ queryKey: alertKeys.lists() }),
    ...qc.getQueriesData({ queryKey: alertKeys.idBatches() }),
  ];
  const apply = (a: Alert) => (a.id === id ? { ...a, ...change } : a);
  qc.setQueryData<Alert>(alertKeys.detail(id), (old) => old && apply(old));
  qc.setQueryData<Incident>(incident, (old) => old && { ...old, alerts: old.alerts?.map(apply) });
  qc.setQueriesData<ODataCollection<Alert>>(
    { queryKey: alertKeys.lists() },
    (old) => old && { ...old, value: old.value.map(apply) },
  );
  qc.setQueriesData<Alert[]>({ queryKey: alertKeys.idBatches() }, (old) => old?.map(apply));
  return snapshot;
}

/** Puts back what patchCachedAlert replaced. */
export function restoreCachedAlert(qc: QueryClient, snapshot: AlertSnapshot) {
  for (const [key, data] of snapshot) qc.setQueryData(key, data);
}

/**
 * Refetches what a change to an alert touches: alerts, its incident (and activity log), lists.
 * `exceptDetail` leaves out the alert's own detail, refetched already.
 */
export function invalidateAfterAlertChange(
  qc: QueryClient,
  alert: Alert,
  { exceptDetail = false }: { exceptDetail?: boolean } = {},
) {
  const detail = alertKeys.detail(alert.id ?? '');
  const sameKey = (a: readonly unknown[], b: readonly unknown[]) =>
    a.length === b.length && a.every((part, i) => part === b[i]);
  return Promise.all([
    qc.invalidateQueries({
      queryKey: alertKeys.all,
      predicate: (query) => !exceptDetail || !sameKey(query.queryKey, detail),
    }),
    qc.invalidateQueries({ queryKey: incidentKeys.detail(alert.incidentId ?? '') }),
    qc.invalidateQueries({ queryKey: incidentKeys.lists() }),
  ]);
}
