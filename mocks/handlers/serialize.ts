/**
 * Store records → Graph wire JSON. Evolvable enum members (after `unknownFutureValue`) are only
 * emitted when the client sent `Prefer: include-unknown-enum-members` (SPEC.md §2.6, §4).
 */
import { DETECTION_SOURCES, INCIDENT_STATUSES, isEvolvable, SERVICE_SOURCES } from '@/domain/enums';
import type { Alert, Incident } from '@/domain/graph';
import { CAN_MANAGE_ANNOTATION, writeDenial, type Persona } from '@/domain/identity';
import { etagOf, type IncidentStore } from '../store/incident-store';
import { armAlertId, armIncidentId } from './arm-serialize';
import { PORTAL } from './portal';
import { readableText } from './readable-text';
import type { AlertRecord, IncidentRecord } from '../store/types';

export type WireOptions = {
  includeUnknownEnums: boolean;
  /** `$select`: properties to keep (id and the etag always stay). */
  select?: readonly string[];
};

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

/**
 * Mock extensions on an alert (OData instance annotations; real Graph has none): the alert's id
 * in Sentinel's ARM API, and every incident it belongs to that the reader may see — its home
 * first, then those it is related to (seed 004).
 */
export type AlertAnnotations = { store: IncidentStore; persona: Persona };

export function alertToWire(
  alert: AlertRecord,
  options: WireOptions & { annotate?: AlertAnnotations },
): Alert {
  const annotate = options.annotate;
  const { select } = options;
  // Only what is selected is built: a queue page asks 14 of an alert's ~40 properties, and
  // leaves its evidence out.
  const wanted = (key: string) => select === undefined || select.includes(key);
  const wire: Record<string, unknown> = {};
  for (const key of Object.keys(alert) as (keyof AlertRecord)[]) {
    if (key === 'workspace' || key === 'systemAlertId') continue;
    if (key === 'id' || wanted(key)) wire[key] = alert[key];
  }
  if (annotate && select === undefined) {
    wire['@mock.sentinelAlertId'] = armAlertId(alert);
    wire['@mock.incidentIds'] = annotate.store
      .incidentIdsOfAlert(alert.id)
      .filter((id) => annotate.store.canSee(annotate.persona, id));
  }
  if (wanted('serviceSource')) {
    wire.serviceSource = evolvable(
      SERVICE_SOURCES,
      alert.serviceSource,
      options.includeUnknownEnums,
    );
  }
  if (alert.detectionSource && wanted('detectionSource')) {
    wire.detectionSource = evolvable(
      DETECTION_SOURCES,
      alert.detectionSource,
      options.includeUnknownEnums,
    );
  }
  return wire;
}

export function incidentToWire(
  store: IncidentStore,
  persona: Persona,
  incident: IncidentRecord,
  options: WireOptions & {
    expandAlerts?: boolean;
    /** `$expand=alerts($select=…)`: the properties each expanded alert keeps. */
    alertSelect?: readonly string[];
  },
): Incident {
  const { displayName, summary } = readableText(store, persona, incident);
  const wire: Incident = {
    '@odata.etag': etagOf(incident),
    // Mock extensions (seed 004): its ARM id in Sentinel, and the alerts related to it besides
    // its home alerts (Graph's `alerts` stays the home alerts).
    '@mock.sentinelIncidentId': armIncidentId(incident),
    '@mock.relatedAlertIds': store
      .relationsOf(incident.id)
      .map((r) => r.alertId)
      .filter((id) => {
        const alert = store.alert(id);
        return alert !== undefined && store.canSeeAlert(persona, alert);
      }),
    [CAN_MANAGE_ANNOTATION]:
      writeDenial(persona, store.sourcesOf(incident.id), `incident ${incident.id}`) === undefined,
    id: incident.id,
    tenantId: incident.tenantId,
    status: evolvable(INCIDENT_STATUSES, incident.status, options.includeUnknownEnums),
    incidentWebUrl: `${PORTAL}/incident2/${incident.id}/overview?tid=${incident.tenantId}`,
    redirectIncidentId: incident.redirectIncidentId,
    displayName,
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
    summary,
    priorityScore: incident.priorityScore,
    comments: incident.comments,
  };
  const selected = pick(wire as Record<string, unknown>, options.select) as Incident;
  if (options.expandAlerts) {
    selected.alerts = store
      .alertsOf(incident.id)
      .filter((a) => store.canSeeAlert(persona, a))
      .map((a) =>
        alertToWire(a, {
          includeUnknownEnums: options.includeUnknownEnums,
          ...(options.alertSelect ? { select: options.alertSelect } : {}),
        }),
      );
  }
  return selected;
}
