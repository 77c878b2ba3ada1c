/**
 * Relating alerts to incidents through Sentinel's ARM API (seed 004; SPEC.md §7): add an alert
 * to an incident (a relation), remove it, list an incident's relations. Graph has no such API.
 * Also every alert that involves an entity (an entity's Timeline), which Graph cannot answer
 * either: the mock serves it under `mock/v1/entities/alerts`; live mode matches recent alerts.
 */
import type { Alert } from '@/domain/graph';
import type { IncidentStatus } from '@/domain/enums';
import { involves, type EntityKind } from '@/domain/entities';
import { getAlerts } from '../alerts/alerts-api';
import { armBase, isLiveMode, mockRoot } from '../config';
import { http } from '../http';
import { getIncident } from '../incidents/incidents-api';
import { scanList } from '../list-pages';
import { SENTINEL_API_VERSION } from './sentinel-lookup';

/** A relation as ARM answers it: the incident holds the alert `relatedResourceId` names. */
export type IncidentRelation = {
  id: string;
  name: string;
  type: string;
  etag?: string;
  properties: {
    relatedResourceId: string;
    relatedResourceName?: string;
    relatedResourceType?: string;
    relatedResourceKind?: string;
  };
};

type RelationList = { value: IncidentRelation[]; nextLink?: string };

const relationsUrl = (sentinelIncidentId: string, rest = '') =>
  `${armBase()}${sentinelIncidentId}/relations${rest}?api-version=${SENTINEL_API_VERSION}`;

/**
 * Adds the alert to the incident: `PUT …/incidents/{id}/relations/{relationName}`. Both ids are
 * ARM ids (the `@mock.sentinelIncidentId` and `@mock.sentinelAlertId` Graph's objects carry).
 */
export function relateAlert(
  sentinelIncidentId: string,
  sentinelAlertId: string,
  relationName: string = crypto.randomUUID(),
): Promise<IncidentRelation> {
  return http<IncidentRelation>(
    relationsUrl(sentinelIncidentId, `/${encodeURIComponent(relationName)}`),
    {
      method: 'PUT',
      body: JSON.stringify({ properties: { relatedResourceId: sentinelAlertId } }),
    },
  );
}

/** Removes a related alert from the incident: `DELETE …/relations/{relationName}`. */
export function removeAlert(sentinelIncidentId: string, relationName: string): Promise<void> {
  return http<void>(relationsUrl(sentinelIncidentId, `/${encodeURIComponent(relationName)}`), {
    method: 'DELETE',
  });
}

/** Every relation of the incident, following `nextLink` to the last page. */
export async function listRelations(
  sentinelIncidentId: string,
  signal?: AbortSignal,
): Promise<IncidentRelation[]> {
  const relations: IncidentRelation[] = [];
  let next: string | undefined = relationsUrl(sentinelIncidentId);
  while (next !== undefined) {
    const page: RelationList = await http<RelationList>(next, { signal });
    relations.push(...page.value);
    next = page.nextLink;
  }
  return relations;
}

/** An incident an alert belongs to, as an entity's timeline names it. */
type AlertIncident = {
  incidentId: string;
  displayName: string;
  status: IncidentStatus;
  /** Alerts it holds, home and related. */
  alertCount: number;
};

/** One alert that involves an entity, with every incident it belongs to (its home first). */
export type EntityAlert = { alert: Alert; incidents: AlertIncident[] };

/**
 * How many of the most recent alerts live mode reads to find an entity's alerts: Graph has no
 * query for them, so the console matches evidence itself.
 */
export const LIVE_ENTITY_SCAN_LIMIT = 500;

/**
 * Every alert that involves the entity, oldest first. The mock answers it (a mock extension);
 * in live mode the console reads the {@link LIVE_ENTITY_SCAN_LIMIT} most recent alerts from
 * Graph's `alerts_v2` and keeps those whose evidence names the entity, each with its home
 * incident (Graph does not say which incidents an alert is related to).
 */
export async function getEntityAlerts(
  kind: EntityKind,
  key: string,
  signal?: AbortSignal,
): Promise<EntityAlert[]> {
  if (isLiveMode()) return scanEntityAlerts(kind, key, signal);
  const query = new URLSearchParams({ kind, key });
  const body = await http<{ value: EntityAlert[] }>(`${mockRoot()}/entities/alerts?${query}`, {
    signal,
  });
  return body.value;
}

async function scanEntityAlerts(
  kind: EntityKind,
  key: string,
  signal?: AbortSignal,
): Promise<EntityAlert[]> {
  const { items } = await scanList(
    (top) => getAlerts({ orderby: 'createdDateTime desc', top }, signal),
    LIVE_ENTITY_SCAN_LIMIT,
    signal,
  );
  const matched = items.filter((a) => involves(a, kind, key)).reverse();
  const homeIds = [...new Set(matched.map((a) => a.incidentId).filter((id) => !!id))] as string[];
  const homes = new Map<string, AlertIncident>();
  await Promise.all(
    homeIds.map(async (id) => {
      const incident = await getIncident(id, signal);
      homes.set(id, {
        incidentId: id,
        displayName: incident.displayName ?? '',
        status: incident.status ?? 'active',
        alertCount: incident.alerts?.length ?? 0,
      });
    }),
  );
  return matched.map((alert) => {
    const home = alert.incidentId ? homes.get(alert.incidentId) : undefined;
    return { alert, incidents: home ? [home] : [] };
  });
}
