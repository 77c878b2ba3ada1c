/** The incident page's tabs: the URL segment is the source of truth (`/incidents/:id/:tab`). */
export const INCIDENT_TABS = [
  { value: 'overview', label: 'Overview' },
  { value: 'alerts', label: 'Alerts' },
  { value: 'assets', label: 'Assets' },
  { value: 'activity', label: 'Activity log' },
] as const;

export type IncidentTab = (typeof INCIDENT_TABS)[number]['value'];

export function isIncidentTab(value: string | undefined): value is IncidentTab {
  return INCIDENT_TABS.some((t) => t.value === value);
}

/** The path of an incident's tab. */
export function incidentPath(incidentId: string, tab: IncidentTab = 'overview'): string {
  return `/incidents/${encodeURIComponent(incidentId)}/${tab}`;
}

/** The path of an incident's investigation graph (seed 004). */
export function investigatePath(incidentId: string): string {
  return `/incidents/${encodeURIComponent(incidentId)}/investigate`;
}

/** The query parameter naming the incidents that were merged into the one shown. */
export const MERGED_FROM = 'mergedFrom';
