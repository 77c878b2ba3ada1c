/**
 * An incident's assets: the entities its alerts' evidence names. Graph has no such resource
 * (SPEC.md §2.5): the mock derives them under `mock/v1/incidents/{id}/entities`, from the
 * incident's home and related alerts; live mode derives them in the console, with the same
 * function, from the evidence of the alerts Graph lists in the incident (its home alerts).
 */
import { entitiesOf, type Entity } from '@/domain/entities';
import { isLiveMode, mockRoot } from '../config';
import { http } from '../http';
import { getIncident } from '../incidents/incidents-api';

/** One asset of an incident and the alerts it appears in. */
export type IncidentEntity = Entity;

export type IncidentEntities = { value: IncidentEntity[] };

/** Reads the assets of an incident. */
export function getIncidentEntities(
  incidentId: string,
  signal?: AbortSignal,
): Promise<IncidentEntities> {
  if (isLiveMode()) {
    return getIncident(incidentId, signal).then((i) => ({ value: entitiesOf(i.alerts ?? []) }));
  }
  return http<IncidentEntities>(
    `${mockRoot()}/incidents/${encodeURIComponent(incidentId)}/entities`,
    { signal },
  );
}
