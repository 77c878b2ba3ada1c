/**
 * What real Graph refuses in `$filter` on incidents — `contains(displayName, …)`,
 * `customTags/any(…)`, `alerts/any(…)` — the console does itself in live mode: search by name
 * over the incidents it read, a number as a lookup by id, tags and sources over the same pages.
 * Pure, so the rules are tested without a browser.
 */
import type { IncidentListParams } from '@/api/incidents/incidents-api';
import { describeScan, type LocalFiltering, type ScanExtent } from '@/components/use-local-list';
import type { Incident } from '@/domain/graph';
import { alertSources } from '@/domain/sources';
import type { QueueFilters } from './queue-state';

/** Incident ids are numbers: a search of digits only is read as one. */
const INCIDENT_ID = /^\d+$/;

/** The list the console reads to filter itself: the view's, from its start (it pages itself). */
export function scanParams(params: IncidentListParams): IncidentListParams {
  const { top: _top, skip: _skip, ...rest } = params;
  return rest;
}

/** Whether any filter is one live mode applies in the console. */
function hasLocalFilter(filters: QueueFilters): boolean {
  return filters.search.trim() !== '' || filters.tags.length > 0 || filters.sources.length > 0;
}

/** How live mode answers these filters (mock mode asks the server for all of them). */
export function localFiltering(filters: QueueFilters): LocalFiltering {
  const search = filters.search.trim();
  if (INCIDENT_ID.test(search)) return { kind: 'lookup', id: search };
  return hasLocalFilter(filters) ? { kind: 'scan' } : { kind: 'none' };
}

/**
 * Whether an incident passes the filters Graph could not apply, with the mock's meanings: the
 * name contains the search (any case) or the id is it; it carries one of the tags (any case);
 * one of its alerts comes from one of the sources.
 */
export function matchesLocalFilters(incident: Incident, filters: QueueFilters): boolean {
  const search = filters.search.trim().toLowerCase();
  if (
    search !== '' &&
    !(incident.displayName ?? '').toLowerCase().includes(search) &&
    (incident.id ?? '') !== search
  ) {
    return false;
  }
  if (filters.tags.length > 0) {
    const tags = new Set((incident.customTags ?? []).map((t) => t.toLowerCase()));
    if (!filters.tags.some((t) => tags.has(t.toLowerCase()))) return false;
  }
  if (filters.sources.length > 0) {
    const sources = alertSources(incident.alerts);
    if (!filters.sources.some((s) => sources.includes(s))) return false;
  }
  return true;
}

/** The filters the console applied itself, as the analyst knows them. */
function localFilterNames(filters: QueueFilters): string {
  const names = [
    filters.search.trim() !== '' && 'the search',
    filters.tags.length > 0 && 'the tag filter',
    filters.sources.length > 0 && 'the service source filter',
  ].filter((n): n is string => typeof n === 'string');
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** What the console did instead of asking Graph, in a sentence the queue shows above the list. */
export function describeLocalFiltering(
  filtering: LocalFiltering,
  filters: QueueFilters,
  scan?: ScanExtent,
): string | undefined {
  if (filtering.kind === 'none') return undefined;
  if (filtering.kind === 'lookup') {
    return (
      `Looked up incident ID ${filtering.id} in Microsoft Graph: Graph cannot search incident ` +
      'names, so a number is read as an ID. The other filters and the time range do not narrow a lookup.'
    );
  }
  if (!scan) return undefined;
  return describeScan(localFilterNames(filters), 'incidents', scan);
}
