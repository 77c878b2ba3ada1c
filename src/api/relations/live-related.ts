/**
 * Live mode: the alerts related to an incident from other incidents. Graph lists only an
 * incident's home alerts and has no relations, so the console asks Sentinel: the incident's
 * relations (`GET …/relations`) name each related alert's SecurityAlert entity, the incident's
 * alerts (`POST …/alerts`) give that entity's `providerAlertId`, and Graph's alert is then read by
 * id (`GET /security/alerts_v2/{id}`), which gives its home incident and its evidence. Used only
 * in live mode (the mock writes the related ids on Graph's incident); reached only from lazy
 * screens, so the first load does not carry it.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { entitiesOf } from '@/domain/entities';
import type { Alert, Incident } from '@/domain/graph';
import { SOURCE_INFO } from '@/domain/sources';
import { getAlert } from '../alerts/alerts-api';
import { sentinelWorkspaces } from '../config';
import type { IncidentEntities } from '../entities/entities-api';
import { ApiError } from '../http';
import { incidentKeys } from '../incidents/incident-keys';
import { incidentQueries } from '../incidents/incident-queries';
import { relationQueries } from './relation-queries';
import { listRelations } from './relations-api';
import { providerAlertIdOf, sentinelIncidentAlerts } from './sentinel-lookup';

/** An incident's related alerts, as far as Graph could read them. */
export type LiveRelatedAlerts = {
  /** Each related alert Graph answered for. */
  alerts: Alert[];
  /** The provider ids of related alerts Graph has no alert for. */
  missing: string[];
};

/** Graph reads of related alerts at a time: up to 150 per incident, without a flood. */
const PARALLEL_READS = 6;

/** Sentinel's own product names: Graph prefixes such an alert's provider id to make its id. */
const SENTINEL_PRODUCTS = new Set(['azure sentinel', 'microsoft sentinel']);

/**
 * Graph's alert whose provider id is `providerAlertId`, or null. Graph's id is the provider's id
 * for Defender's alerts; Sentinel's alerts get the `sn` prefix (SPEC.md §2.2.1), so that form is
 * tried first for them. Only an alert with that provider id counts.
 */
async function graphAlertOf(
  providerAlertId: string,
  productName: string,
  signal?: AbortSignal,
): Promise<Alert | null> {
  const prefix = SOURCE_INFO.microsoftSentinel.prefixes[0] ?? '';
  const ids = SENTINEL_PRODUCTS.has(productName.toLowerCase())
    ? [`${prefix}${providerAlertId}`, providerAlertId]
    : [providerAlertId];
  for (const id of ids) {
    try {
      const alert = await getAlert(id, signal);
      if (providerAlertIdOf(alert) === providerAlertId.toLowerCase()) return alert;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
  }
  return null;
}

/** Runs `work` over `items`, at most `limit` at a time, keeping their order. */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += limit) {
    out.push(...(await Promise.all(items.slice(i, i + limit).map(work))));
  }
  return out;
}

/**
 * The alerts related to the incident (Graph's id), none when Sentinel does not hold it. The
 * Sentinel incident is found as relating finds it (`relationQueries.sentinelIncident`, cached).
 */
async function liveRelatedAlerts(
  client: QueryClient,
  incidentId: string,
  signal?: AbortSignal,
): Promise<LiveRelatedAlerts> {
  const sentinelIncidentId = await client.ensureQueryData(
    relationQueries.sentinelIncident(incidentId),
  );
  if (!sentinelIncidentId) return { alerts: [], missing: [] };
  const [relations, members] = await Promise.all([
    listRelations(sentinelIncidentId, signal),
    sentinelIncidentAlerts(sentinelIncidentId, signal),
  ]);
  const entities = new Map(members.map((a) => [a.id.toLowerCase(), a]));
  // Relations to bookmarks are not alerts; a relation to an alert Sentinel no longer lists is gone.
  const related = relations.flatMap((relation) => {
    const entity = entities.get(relation.properties.relatedResourceId.toLowerCase());
    const providerAlertId = entity?.properties.providerAlertId;
    return providerAlertId
      ? [{ providerAlertId, productName: entity.properties.productName ?? '' }]
      : [];
  });
  const read = await inBatches(related, PARALLEL_READS, async (r) => ({
    ...r,
    alert: await graphAlertOf(r.providerAlertId, r.productName, signal),
  }));
  const result: LiveRelatedAlerts = { alerts: [], missing: [] };
  for (const { alert, providerAlertId } of read) {
    if (alert) result.alerts.push(alert);
    else result.missing.push(providerAlertId);
  }
  return result;
}

const NONE: LiveRelatedAlerts = { alerts: [], missing: [] };

/**
 * The alerts Sentinel relates to the incident that Graph does not already list as its own (a
 * relation may name one of the incident's home alerts).
 */
export function beyondHome(
  incident: Pick<Incident, 'alerts'>,
  related: Pick<LiveRelatedAlerts, 'alerts'>,
): Alert[] {
  const homeIds = new Set((incident.alerts ?? []).map((a) => a.id));
  return related.alerts.filter((a) => !homeIds.has(a.id));
}

/**
 * Live mode: the query of the incident's related alerts. Under the incident's key, so whatever
 * changes the incident reads them again; none when no workspace is configured (Sentinel is not
 * asked) or Sentinel does not hold the incident.
 */
export const relatedAlertsQuery = (incidentId: string) =>
  queryOptions({
    queryKey: [...incidentKeys.detail(incidentId), 'related'] as const,
    queryFn: ({ client, signal }) =>
      sentinelWorkspaces().length === 0 ? NONE : liveRelatedAlerts(client, incidentId, signal),
  });

/**
 * Live mode: the incident's assets from the evidence of its home alerts (Graph) and of its
 * related alerts, with the mock's function. If the related alerts cannot be read, its home
 * alerts' assets (the Alerts tab says what failed).
 */
export const liveEntitiesQuery = (incidentId: string) =>
  queryOptions({
    queryKey: [...incidentKeys.detail(incidentId), 'entities', 'withRelated'] as const,
    queryFn: async ({ client }): Promise<IncidentEntities> => {
      const [incident, related] = await Promise.all([
        client.fetchQuery(incidentQueries.detail(incidentId)),
        client.fetchQuery(relatedAlertsQuery(incidentId)).catch(() => NONE),
      ]);
      return { value: entitiesOf([...(incident.alerts ?? []), ...beyondHome(incident, related)]) };
    },
  });
