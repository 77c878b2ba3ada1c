/**
 * Relating alerts to incidents and removing them again (seed 004; SPEC.md §7), with the rules of
 * src/domain/relations.ts. The alert keeps its home incident; the incident's counts, entities and
 * severity take it in; its log says who added or removed it. A refusal changes nothing.
 */
import { mergeLocked } from '@/domain/outcome';
import * as audit from '@/domain/audit';
import { canReadSource, writeDenial, type Persona } from '@/domain/identity';
import {
  checkRelate,
  checkUnrelate,
  differentRelationType,
  sameWorkspace,
  type ExistingRelation,
  type RelatingIncident,
  type WorkspaceKey,
} from '@/domain/relations';
import { fail, ok, type IncidentStore } from './incident-store';
import type { IncidentRecord, Outcome, RelationRecord } from './types';

/** A relation request, as the ARM route reads it. */
export type RelateRequest = {
  /** The incident's Sentinel name (a GUID), from the route. */
  incidentName: string;
  relationName: string;
  /** The alert's Sentinel id, from `relatedResourceId`; null when it names something else. */
  systemAlertId: string | null;
  /** What `relatedResourceId` names, when it is not an alert (e.g. a bookmark). */
  otherResourceType?: string;
  /** The workspace `relatedResourceId` places the alert in: it must be the alert's own. */
  resourceWorkspace?: WorkspaceKey;
};

export type RelationResult = { relation: RelationRecord; incident: IncidentRecord };

/** The incident of an ARM path: unknown, or not the caller's to see, reads as Sentinel's 404. */
export function armIncident(
  store: IncidentStore,
  persona: Persona,
  incidentName: string,
): Outcome<IncidentRecord> {
  const incident = store.incidentByArmName(incidentName);
  if (!incident || !store.canSee(persona, incident.id)) {
    return fail('notFound', "Incident doesn't exist.");
  }
  return ok(incident);
}

function relatingIncident(store: IncidentStore, incident: IncidentRecord): RelatingIncident {
  return {
    armName: incident.armName,
    provider: incident.provider,
    workspace: incident.workspace,
    redirectedTo: incident.status === 'redirected' ? incident.redirectIncidentId : null,
    alertCount: store.membersOf(incident.id).length,
  };
}

/**
 * `PUT …/incidents/{incident}/relations/{relationName}`: relates the alert to the incident, or
 * finds it already related under that name (`created: false`, nothing changes).
 */
export function relateAlert(
  store: IncidentStore,
  persona: Persona,
  request: RelateRequest,
): Outcome<RelationResult & { created: boolean }> {
  const found = armIncident(store, persona, request.incidentName);
  if (!found.ok) return found;
  const incident = found.value;
  const sameName = store
    .relationsOf(incident.id)
    .find((r) => r.relationName === request.relationName);

  // Only alerts are related here: any other resource type under a taken name is the seed's 400.
  if (request.systemAlertId === null) {
    if (sameName) return differentRelationType(request.relationName, incident.armName);
    return fail(
      'invalid',
      `Failed to create relation. Only alerts (Microsoft.SecurityInsights/entities) can be related to incidents here, not ${request.otherResourceType ?? 'that resource'}.`,
    );
  }
  const alert = store.alertBySystemId(request.systemAlertId);
  const placed =
    !request.resourceWorkspace ||
    sameWorkspace(request.resourceWorkspace, alert?.workspace ?? null);
  if (!alert || !store.canSeeAlert(persona, alert) || !placed) {
    return fail('notFound', `Resource '${request.systemAlertId}' does not exist.`);
  }
  const denial =
    writeDenial(persona, store.sourcesOf(incident.id), `incident ${incident.id}`) ??
    (canReadSource(persona, alert.serviceSource)
      ? undefined
      : `${persona.upn} may not read alert ${alert.id}.`);
  if (denial) return fail('forbidden', denial);

  const existing: ExistingRelation | undefined = sameName
    ? {
        kind: 'alert',
        systemAlertId: store.alert(sameName.alertId)?.systemAlertId ?? sameName.alertId,
      }
    : undefined;
  const checked = checkRelate(
    relatingIncident(store, incident),
    {
      systemAlertId: alert.systemAlertId,
      serviceSource: alert.serviceSource,
      workspace: alert.workspace,
      inIncident:
        alert.incidentId === incident.id ||
        store.relationsOf(incident.id).some((r) => r.alertId === alert.id),
    },
    request.relationName,
    existing,
  );
  if (!checked.ok) return checked;
  if (checked.value === 'updated' && sameName) {
    return ok({ relation: sameName, incident, created: false });
  }
  if (store.isLocked(incident.id)) {
    return mergeLocked([incident.id]);
  }

  return store.transact(persona.upn, (tx) => {
    const relation: RelationRecord = {
      incidentId: incident.id,
      relationName: request.relationName,
      alertId: alert.id,
      createdDateTime: tx.now,
      createdBy: persona.upn,
      version: 1,
    };
    tx.relations = [...store.relations(), relation];
    // The incident changed (it holds another alert): its etag and last update follow.
    tx.editIncident(incident.id).lastModifiedBy = persona.upn;
    tx.record(incident.id, audit.alertAdded(alert, persona.upn));
    return ok({ relation, incident: tx.incident(incident.id) as IncidentRecord, created: true });
  });
}

/**
 * `DELETE …/incidents/{incident}/relations/{relationName}`: removes the related alert from the
 * incident (it stays in its home incident). `deleted: false` when there was nothing to delete.
 */
export function unrelateAlert(
  store: IncidentStore,
  persona: Persona,
  incidentName: string,
  relationName: string,
): Outcome<{ deleted: boolean }> {
  const found = armIncident(store, persona, incidentName);
  if (!found.ok) return found;
  const incident = found.value;
  // Refused before anything is looked up: whether a relation exists is not for a persona that
  // may not change the incident to learn.
  const denial = writeDenial(persona, store.sourcesOf(incident.id), `incident ${incident.id}`);
  if (denial) return fail('forbidden', denial);
  const relation = store.relationsOf(incident.id).find((r) => r.relationName === relationName);
  const alert = relation ? store.alert(relation.alertId) : undefined;
  // A relation to an alert this persona may not read is not there for it, as GET answers.
  if (!relation || !alert || !store.canSeeAlert(persona, alert)) return ok({ deleted: false });
  const allowed = checkUnrelate(incident, alert);
  if (!allowed.ok) return allowed;
  if (store.isLocked(incident.id)) {
    return mergeLocked([incident.id]);
  }
  return store.transact(persona.upn, (tx) => {
    tx.relations = store.relations().filter((r) => r !== relation);
    tx.editIncident(incident.id).lastModifiedBy = persona.upn;
    tx.record(incident.id, audit.alertRemoved(alert, persona.upn));
    return ok({ deleted: true });
  });
}
