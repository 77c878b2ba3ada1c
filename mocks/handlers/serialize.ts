/**
 * Store records → Graph wire JSON. Evolvable enum members (after `unknownFutureValue`) are only
 * emitted when the client sent `Prefer: include-unknown-enum-members` (SPEC.md §2.6, §4).
 */
import { DETECTION_SOURCES, INCIDENT_STATUSES, isEvolvable, SERVICE_SOURCES } from '@/domain/enums';
import type { Alert, Incident } from '@/domain/graph';
import type { Persona } from '@/domain/identity';
import { etagOf, type IncidentStore } from '../store/incident-store';
import type { AlertRecord, IncidentRecord } from '../store/types';

export type WireOptions = {
  includeUnknownEnums: boolean;
  /** `$select`: properties to keep (id and the etag always stay). */
  select?: readonly string[];
};

export const PORTAL = 'https://security.microsoft.com';

export function wantsUnknownEnums(request: Request): boolean {
  return (request.headers.get('prefer') ?? '')
    .split(',')
    .some((p) => p.trim().toLowerCase() === 'include-unknown-enum-members');
}

function evolvable<T extends string>(values: readonly string[], value: T, include: boolean): T {
  return !include && isEvolvable(values, value) ? ('unknownFutureValue' as T) : value;
}

function pick<T extends Record<string, unknown>>(obj: T, select: readonly string[] | undefined): T {
  if (!select) return obj;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) {
    if (k === 'id' || k.startsWith('@odata.') || select.includes(k)) out[k] = obj[k];
  }
  return out as T;
}

export function alertToWire(alert: AlertRecord, options: WireOptions): Alert {
  const { workspace: _workspace, ...wire } = alert;
  void _workspace;
  return pick(
    {
      ...wire,
      serviceSource: evolvable(SERVICE_SOURCES, alert.serviceSource, options.includeUnknownEnums),
      ...(alert.detectionSource
        ? {
            detectionSource: evolvable(
              DETECTION_SOURCES,
              alert.detectionSource,
              options.includeUnknownEnums,
            ),
          }
        : {}),
    },
    options.select,
  ) as Alert;
}

export function incidentToWire(
  store: IncidentStore,
  persona: Persona,
  incident: IncidentRecord,
  options: WireOptions & { expandAlerts?: boolean },
): Incident {
  const wire: Incident = {
    '@odata.etag': etagOf(incident),
    id: incident.id,
    tenantId: incident.tenantId,
    status: evolvable(INCIDENT_STATUSES, incident.status, options.includeUnknownEnums),
    incidentWebUrl: `${PORTAL}/incident2/${incident.id}/overview?tid=${incident.tenantId}`,
    redirectIncidentId: incident.redirectIncidentId,
    displayName: incident.displayName,
    createdDateTime: incident.createdDateTime,
    lastUpdateDateTime: incident.lastUpdateDateTime,
    assignedTo: incident.assignedTo,
    classification: incident.classification,
    determination: incident.determination,
    severity: incident.severity,
    customTags: incident.customTags,
    systemTags: incident.systemTags,
    description: incident.description,
    lastModifiedBy: incident.lastModifiedBy,
    resolvingComment: incident.resolvingComment,
    summary: incident.summary,
    priorityScore: incident.priorityScore,
    comments: incident.comments,
  };
  const selected = pick(wire as Record<string, unknown>, options.select) as Incident;
  if (options.expandAlerts) {
    selected.alerts = store
      .alertsOf(incident.id)
      .filter((a) => store.canSeeAlert(persona, a))
      .map((a) => alertToWire(a, { includeUnknownEnums: options.includeUnknownEnums }));
  }
  return selected;
}
