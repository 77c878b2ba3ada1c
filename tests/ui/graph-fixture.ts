/** Reads what the mock serves, to compare the UI against the API instead of hard-coding the seed. */
import { GRAPH_BASE } from '@/api/config';
import { buildIncidentsQuery, type IncidentListParams } from '@/api/incidents/incidents-api';
import type { Incident, ODataCollection } from '@/domain/graph';

/** Lists incidents as `upn` sees them (straight through fetch, not the app's client). */
export async function listIncidentsAs(
  upn: string,
  params: IncidentListParams,
): Promise<ODataCollection<Incident>> {
  const response = await fetch(`${GRAPH_BASE}/security/incidents${buildIncidentsQuery(params)}`, {
    headers: { Authorization: `Bearer mock.${upn}` },
  });
  if (!response.ok) throw new Error(`listIncidentsAs ${upn}: ${response.status}`);
  return (await response.json()) as ODataCollection<Incident>;
}

/** "1,234 incidents" as the list shows a total. */
export function totalText(count: number): string {
  return `${new Intl.NumberFormat().format(count)} ${count === 1 ? 'incident' : 'incidents'}`;
}
