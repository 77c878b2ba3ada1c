/** Fetchers for `security/incidents` (SPEC.md §3.1–3.2). */
import type { Incident, ODataCollection } from '@/domain/graph';
import { http } from '../http';

/** OData options of the incident list, as Graph names them (without the `$`). */
export type IncidentListParams = {
  filter?: string;
  orderby?: string;
  top?: number;
  skip?: number;
  count?: boolean;
};

/** Defender's default queue: new and in-progress incidents, most recently updated first. */
export const DEFAULT_INCIDENT_LIST_PARAMS = {
  filter: "status eq 'active' or status eq 'inProgress'",
  orderby: 'lastUpdateDateTime desc',
  top: 50,
  count: true,
} as const satisfies IncidentListParams;

/**
 * Encodes one OData option value. Spaces become %20 (never `+`, which Graph does not read as a
 * space); quotes, parentheses, `/` and `:` stay readable since they are legal in a query.
 */
function encodeODataValue(value: string): string {
  return encodeURIComponent(value).replace(/%2F/g, '/').replace(/%3A/g, ':');
}

/** Builds the query string (with its leading `?`, or empty) for a list of incidents. */
export function buildIncidentsQuery(params: IncidentListParams): string {
  const parts: string[] = [];
  if (params.filter !== undefined && params.filter.trim() !== '') {
    parts.push(`$filter=${encodeODataValue(params.filter)}`);
  }
  if (params.orderby !== undefined && params.orderby.trim() !== '') {
    parts.push(`$orderby=${encodeODataValue(params.orderby)}`);
  }
  if (params.top !== undefined) parts.push(`$top=${params.top}`);
  if (params.skip !== undefined && params.skip > 0) parts.push(`$skip=${params.skip}`);
  if (params.count === true) parts.push('$count=true');
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

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
