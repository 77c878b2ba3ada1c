/** Fetchers for `security/alerts_v2` (SPEC.md §3.7). */
import type { Alert, ODataCollection } from '@/domain/graph';
import { http } from '../http';
import { buildODataQuery, odataString, type ODataListParams } from '../odata-query';

/** OData options of the alerts list, as Graph names them (without the `$`). */
export type AlertListParams = ODataListParams;

/** Lists alerts (one page) with Graph's OData options. */
export function getAlerts(
  params: AlertListParams,
  signal?: AbortSignal,
): Promise<ODataCollection<Alert>> {
  return http<ODataCollection<Alert>>(`/security/alerts_v2${buildODataQuery(params)}`, { signal });
}

/** Ids one `id in (…)` read asks for at most: one page (50) answers them all, in a short URL. */
export const MAX_IDS_PER_READ = 50;

/**
 * Reads alerts by id in one request (`$filter=id in ('a','b')`, a mock extension: Graph lists no
 * `id` filter on alerts_v2). Answers those the caller may see, in any order; at most
 * {@link MAX_IDS_PER_READ} ids.
 */
export async function getAlertsByIds(
  ids: readonly string[],
  signal?: AbortSignal,
): Promise<Alert[]> {
  if (ids.length === 0) return [];
  if (ids.length > MAX_IDS_PER_READ) {
    throw new RangeError(`At most ${MAX_IDS_PER_READ} alert ids per read; got ${ids.length}.`);
  }
  const filter = `id in (${ids.map(odataString).join(',')})`;
  const page = await getAlerts({ filter, top: MAX_IDS_PER_READ }, signal);
  return page.value;
}

/** Reads one alert with its evidence. */
export function getAlert(id: string, signal?: AbortSignal): Promise<Alert> {
  return http<Alert>(`/security/alerts_v2/${encodeURIComponent(id)}`, { signal });
}

/** The body of `POST security/alerts_v2/moveAlerts` (SPEC.md §3.6). */
export type MoveAlertsRequest = {
  alertIds: string[];
  /** The destination; `null` or absent creates a new incident. */
  incidentId?: string | null;
  alertComment?: string;
  /** correlationReason flags, comma-separated. */
  newCorrelationReasons?: string;
};

/** Moves alerts to an existing or a new incident; answers the destination's id. */
export function moveAlerts(body: MoveAlertsRequest): Promise<{ targetIncidentId: string }> {
  return http<{ targetIncidentId: string }>('/security/alerts_v2/moveAlerts', {
    method: 'POST',
    body: JSON.stringify(body),
  });
}

/** The updatable properties of an alert. */
export type AlertPatch = Partial<
  Pick<Alert, 'status' | 'classification' | 'determination' | 'assignedTo'>
>;

/** Updates an alert with only the given properties; `etag` makes a stale write a 412. */
export function updateAlert(id: string, patch: AlertPatch, etag?: string): Promise<Alert> {
  return http<Alert>(`/security/alerts_v2/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: JSON.stringify(patch),
    headers: etag ? { 'If-Match': etag } : undefined,
  });
}

/** Adds a comment to an alert; answers the whole comment list. */
export function addAlertComment(
  id: string,
  comment: string,
): Promise<{ value: NonNullable<Alert['comments']> }> {
  return http(`/security/alerts_v2/${encodeURIComponent(id)}/comments`, {
    method: 'POST',
    body: JSON.stringify({ comment }),
  });
}
