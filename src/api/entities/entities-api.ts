/**
 * An incident's assets: the entities its alerts' evidence names, derived by the mock under
 * `mock/v1/incidents/{id}/entities` (Graph has no such resource; SPEC.md §2.5).
 */
import { mockRoot } from '../config';
import { http } from '../http';

/** The asset groups, in the order the incident page shows them. */
export const ENTITY_KINDS = [
  'device',
  'user',
  'mailbox',
  'app',
  'ip',
  'url',
  'file',
  'process',
] as const;

export type EntityKind = (typeof ENTITY_KINDS)[number];

/** One asset of an incident and the alerts it appears in. */
export type IncidentEntity = {
  kind: EntityKind;
  /** Stable within its kind (host name, UPN, address, hash…), lower case. */
  key: string;
  name: string;
  alertIds: string[];
};

export type IncidentEntities = { value: IncidentEntity[] };

/** Reads the assets of an incident. */
export function getIncidentEntities(
  incidentId: string,
  signal?: AbortSignal,
): Promise<IncidentEntities> {
  return http<IncidentEntities>(
    `${mockRoot()}/incidents/${encodeURIComponent(incidentId)}/entities`,
    { signal },
  );
}
