/**
 * A queue row: the incident plus what Graph does not carry on it but the queue shows, derived
 * from its expanded alerts (SPEC.md §12.4): alert count (with the alerts related to it, seed
 * 004), service sources, first/last activity.
 */
import type { ServiceSource } from '@/domain/enums';
import type { Alert, Incident } from '@/domain/graph';
import { heldAlertCount } from '@/domain/relations';

export type QueueRow = {
  id: string;
  /** The incident's name, or "Incident <id>" when it has none. */
  name: string;
  incident: Incident;
  /** Its home alerts (Graph's `alerts`): the expanded row lists them. */
  alerts: readonly Alert[];
  /** Every alert it holds, home and related, as Sentinel's `alertsCount` counts them. */
  alertCount: number;
  sources: readonly ServiceSource[];
  firstActivity: string | undefined;
  lastActivity: string | undefined;
};

// Rows keep their identity while the incident object does (React Query's structural sharing),
// so memoized rows do not re-render on a refetch that changed nothing.
const cache = new WeakMap<Incident, QueueRow>();

function earliest(a: string | undefined, b: string | null | undefined): string | undefined {
  if (!b) return a;
  return a === undefined || Date.parse(b) < Date.parse(a) ? b : a;
}

function latest(a: string | undefined, b: string | null | undefined): string | undefined {
  if (!b) return a;
  return a === undefined || Date.parse(b) > Date.parse(a) ? b : a;
}

export function toQueueRow(incident: Incident): QueueRow {
  const cached = cache.get(incident);
  if (cached) return cached;
  const alerts = incident.alerts ?? [];
  const sources = new Set<ServiceSource>();
  let firstActivity: string | undefined;
  let lastActivity: string | undefined;
  for (const alert of alerts) {
    if (alert.serviceSource) sources.add(alert.serviceSource);
    firstActivity = earliest(firstActivity, alert.firstActivityDateTime ?? alert.createdDateTime);
    lastActivity = latest(lastActivity, alert.lastActivityDateTime ?? alert.firstActivityDateTime);
  }
  const id = incident.id ?? '';
  const row: QueueRow = {
    id,
    name: incident.displayName?.trim() || `Incident ${id}`,
    incident,
    alerts,
    alertCount: heldAlertCount(incident),
    sources: [...sources],
    firstActivity,
    lastActivity,
  };
  cache.set(incident, row);
  return row;
}
