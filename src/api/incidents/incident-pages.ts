/**
 * Reading more of the incident list than one Graph request gives (`$top` ≤ 50): a window of it
 * (the queue's page of 100 is two requests), or the next page after another (an export).
 */
import type { Incident, ODataCollection } from '@/domain/graph';
import { LIMITS } from '@/domain/limits';
import { getNextPage, scanList, type ListScan } from '../list-pages';
import { getIncidents, type IncidentListParams } from './incidents-api';

/** Lists `params.top` incidents from `params.skip`, in requests of at most 50. */
export async function getIncidentWindow(
  params: IncidentListParams,
  signal?: AbortSignal,
): Promise<ODataCollection<Incident>> {
  const max = LIMITS.maxIncidentsTop;
  const top = params.top ?? max;
  if (top <= max) return getIncidents(params, signal);
  const skip = params.skip ?? 0;
  const requests: IncidentListParams[] = [];
  for (let offset = 0; offset < top; offset += max) {
    requests.push({ ...params, skip: skip + offset, top: Math.min(max, top - offset) });
  }
  const pages = await Promise.all(requests.map((r) => getIncidents(r, signal)));
  const first = pages[0]!;
  const last = pages[pages.length - 1]!;
  // The list may change between two requests: an incident that moved across the seam is kept once.
  const seen = new Set<string>();
  const value = pages
    .flatMap((p) => p.value)
    .filter((incident) => {
      const id = incident.id ?? '';
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  const window: ODataCollection<Incident> = { ...first, value };
  delete window['@odata.nextLink'];
  const next = last['@odata.nextLink'];
  if (next) window['@odata.nextLink'] = next;
  return window;
}

/** The next page of the incident list, from its `@odata.nextLink` (only ever Graph's). */
export const getNextIncidents = (nextLink: string, signal?: AbortSignal) =>
  getNextPage<Incident>(nextLink, signal);

/**
 * Reads the list from the start, page by page through `@odata.nextLink`, until it ends or
 * `limit` incidents are read: for what Graph cannot filter, which the console then filters
 * itself (live mode's search, tag and source filters).
 */
export function scanIncidents(
  params: IncidentListParams,
  limit: number,
  signal?: AbortSignal,
): Promise<ListScan<Incident>> {
  return scanList(
    (top) => getIncidents({ ...params, skip: undefined, top }, signal),
    limit,
    signal,
  );
}
