/** Fetchers for `security/incidents` (SPEC.md §3.1–3.2). */
import type { Incident, ODataCollection } from '@/domain/graph';
import { ApiError, http } from '../http';
import { buildODataQuery, type ODataListParams } from '../odata-query';

/** OData options of the incident list, as Graph names them (without the `$`). */
export type IncidentListParams = ODataListParams;

/** Builds the query string (with its leading `?`, or empty) for a list of incidents. */
export const buildIncidentsQuery = buildODataQuery;

/**
 * Whether the service refused options nested in `$expand` (`alerts($select=…)`) this session.
 * Graph documents them for OData but whether security/incidents honours them is unconfirmed:
 * a 400 to a nested `$expand` that plain `$expand=alerts` does not get makes every later list
 * of the session ask the plain form.
 */
let nestedExpandRefused = false;

/** Forgets what the service refused (a new session; tests). */
export function forgetRefusedExpand(): void {
  nestedExpandRefused = false;
}

/** `alerts($select=a,b)` → `alerts`: the navigation properties without their nested options. */
const plainExpand = (expand: string) => expand.replace(/\([^()]*\)/g, '');

/** Lists incidents (one page) with Graph's OData options. */
export async function getIncidents(
  params: IncidentListParams,
  signal?: AbortSignal,
): Promise<ODataCollection<Incident>> {
  const nested = params.expand !== undefined && params.expand.includes('(');
  const list = (p: IncidentListParams) =>
    http<ODataCollection<Incident>>(`/security/incidents${buildIncidentsQuery(p)}`, { signal });
  if (!nested || !params.expand) return list(params);
  const plain = { ...params, expand: plainExpand(params.expand) };
  if (nestedExpandRefused) return list(plain);
  try {
    return await list(params);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 400) throw error;
    // Remembered only when the plain form is accepted: a 400 about something else stays one.
    const page = await list(plain);
    nestedExpandRefused = true;
    return page;
  }
}

/** Reads one incident with its alerts expanded. */
export function getIncident(id: string, signal?: AbortSignal): Promise<Incident> {
  return http<Incident>(`/security/incidents/${encodeURIComponent(id)}?$expand=alerts`, { signal });
}

/** The body of `POST security/incidents/mergeIncidents` (SPEC.md §3.5). */
export type MergeIncidentsRequest = {
  incidentIds: string[];
  incidentComment?: string;
  /** correlationReason flags, comma-separated: `"sameCampaign, sameActor"`. */
  mergeReasons?: string;
};

/** Merges 2–5 incidents; answers which one survived. */
export function mergeIncidents(body: MergeIncidentsRequest): Promise<{ targetIncidentId: string }> {
  return http<{ targetIncidentId: string }>('/security/incidents/mergeIncidents', {
    method: 'POST',
    body: JSON.stringify(body),
  });
}

/** The updatable properties of an incident (SPEC.md §3.3). */
export type IncidentPatch = Partial<
  Pick<
    Incident,
    | 'displayName'
    | 'severity'
    | 'customTags'
    | 'assignedTo'
    | 'status'
    | 'classification'
    | 'determination'
    | 'resolvingComment'
    | 'summary'
    | 'description'
  >
>;

/**
 * Updates an incident with only the given properties. With `etag` the write carries `If-Match`
 * and a stale etag is refused (412) without changing anything.
 */
export function updateIncident(id: string, patch: IncidentPatch, etag?: string): Promise<Incident> {
  return http<Incident>(`/security/incidents/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: JSON.stringify(patch),
    headers: etag ? { 'If-Match': etag } : undefined,
  });
}

/** Adds a comment to an incident; answers the whole comment list. */
export function addIncidentComment(
  id: string,
  comment: string,
): Promise<{ value: NonNullable<Incident['comments']> }> {
  return http(`/security/incidents/${encodeURIComponent(id)}/comments`, {
    method: 'POST',
    body: JSON.stringify({ comment }),
  });
}
