/** Fetchers for `security/incidents` (SPEC.md §3.1–3.2). */
import type { Incident, ODataCollection } from '@/domain/graph';
import { http } from '../http';
import { buildODataQuery, type ODataListParams } from '../odata-query';

/** OData options of the incident list, as Graph names them (without the `$`). */
export type IncidentListParams = ODataListParams;

/** Defender's default queue: new and in-progress incidents, most recently updated first. */
export const DEFAULT_INCIDENT_LIST_PARAMS = {
  filter: "status eq 'active' or status eq 'inProgress'",
  orderby: 'lastUpdateDateTime desc',
  top: 50,
  count: true,
} as const satisfies IncidentListParams;

/** Builds the query string (with its leading `?`, or empty) for a list of incidents. */
export const buildIncidentsQuery = buildODataQuery;

/** Lists incidents (one page) with Graph's OData options. */
export function getIncidents(
  params: IncidentListParams,
  signal?: AbortSignal,
): Promise<ODataCollection<Incident>> {
  return http<ODataCollection<Incident>>(`/security/incidents${buildIncidentsQuery(params)}`, {
    signal,
  });
}

/** Reads one incident with its alerts expanded. */
export function getIncident(id: string, signal?: AbortSignal): Promise<Incident> {
  return http<Incident>(`/security/incidents/${encodeURIComponent(id)}?$expand=alerts`, { signal });
}
