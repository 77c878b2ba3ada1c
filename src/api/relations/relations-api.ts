/**
 * Relating alerts to incidents through Sentinel's ARM API (seed 004; SPEC.md §7): add an alert
 * to an incident (a relation), remove it, list an incident's relations. Graph has no such API.
 * Also every alert that involves an entity, which Graph cannot answer either: the mock serves it
 * under `mock/v1/entities/alerts` (an entity's Timeline).
 */
import type { Alert } from '@/domain/graph';
import type { IncidentStatus } from '@/domain/enums';
import { armBase, mockRoot } from '../config';
import type { EntityKind } from '../entities/entities-api';
import { http } from '../http';

/** The seed's `api-version` of Microsoft.SecurityInsights' incident relations. */
const RELATIONS_API_VERSION = '2022-07-01-preview';

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
  `${armBase()}${sentinelIncidentId}/relations${rest}?api-version=${RELATIONS_API_VERSION}`;

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

/** Every alert that involves the entity, oldest first (a mock extension). */
export async function getEntityAlerts(
  kind: EntityKind,
  key: string,
  signal?: AbortSignal,
): Promise<EntityAlert[]> {
  const query = new URLSearchParams({ kind, key });
  const body = await http<{ value: EntityAlert[] }>(`${mockRoot()}/entities/alerts?${query}`, {
    signal,
  });
  return body.value;
}
