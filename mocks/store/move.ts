/**
 * `moveAlerts` (SPEC.md §3.6, §6): validate every rule of src/domain/move.ts, then re-home the
 * alerts in one transaction — to an existing incident or to a new one named from its alerts.
 */
import { mergeLocked } from '@/domain/outcome';
import * as audit from '@/domain/audit';
import type { CorrelationReason } from '@/domain/correlation';
import type { Persona } from '@/domain/identity';
import { checkMove, incidentsLeftEmpty, moveDenial, type MovingAlert } from '@/domain/move';
import { isDefenderAlert } from '@/domain/relations';
import { deriveSeverity } from '@/domain/severity';
import { fail, ok, type IncidentStore, type Tx } from './incident-store';
import { guidOf } from './seed/random';
import { automaticName } from './summary';
import type { AlertRecord, IncidentRecord, Outcome } from './types';

export type MoveRequest = {
  alertIds: string[];
  /** The destination; null creates a new incident. */
  incidentId: string | null;
  alertComment: string | null;
  newCorrelationReasons: CorrelationReason[];
};

export type MovePlan = MoveRequest & { leftEmpty: string[] };

const bad = (message: string) => fail<never>('invalid', message);

/** Ids for a message: the first twenty, then how many more (a body may list 100,000). */
function namedIds(ids: string[]): string {
  const shown = ids.slice(0, 20).join(', ');
  return ids.length > 20 ? `${shown} and ${(ids.length - 20).toLocaleString('en-US')} more` : shown;
}

/** Validates a move without changing anything: the same answer the real move would give. */
function planMove(store: IncidentStore, persona: Persona, request: MoveRequest): Outcome<MovePlan> {
  const missing = request.alertIds.filter((id) => {
    const a = store.alert(id);
    return !a || !store.canSeeAlert(persona, a);
  });
  if (missing.length) {
    return fail(
      'notFound',
      `${missing.length === 1 ? 'Alert' : 'Alerts'} ${namedIds(missing)} ${missing.length === 1 ? 'was' : 'were'} not found.`,
    );
  }
  const alerts = request.alertIds.map((id) => store.alert(id) as AlertRecord);
  let destination: IncidentRecord | undefined;
  if (request.incidentId !== null) {
    destination = store.incident(request.incidentId);
    if (!destination || !store.canSee(persona, request.incidentId)) {
      return fail('notFound', `Incident ${request.incidentId} was not found.`);
    }
  }
  // Taking an alert out of an incident changes that incident too (SPEC.md §11.3).
  const target = (id: string) => ({ id, sources: store.sourcesOf(id) });
  const denial = moveDenial(
    persona,
    alerts.map((a) => a.serviceSource),
    destination ? target(destination.id) : null,
    [...new Set(alerts.map((a) => a.incidentId))].map(target),
  );
  const moving: MovingAlert[] = alerts.map((a) => ({
    id: a.id,
    title: a.title,
    incidentId: a.incidentId,
  }));
  const checks = checkMove(
    moving,
    destination
      ? {
          id: destination.id,
          status: destination.status,
          alertCount:
            store.alertIdsOf(destination.id).length +
            store.relations().filter((r) => r.incidentId === destination.id).length,
        }
      : null,
    denial,
  );
  const denied = checks.find((c) => c.id === 'permission' && !c.passed);
  if (denied) return fail('forbidden', denied.problem ?? 'You cannot move these alerts.');
  const involved = new Set(alerts.map((a) => a.incidentId));
  if (destination) involved.add(destination.id);
  const locked = [...involved].filter((id) => store.isLocked(id));
  if (locked.length) {
    return mergeLocked(locked);
  }
  const failed = checks.find((c) => !c.passed);
  if (failed) return bad(failed.problem ?? failed.label);

  const remaining = new Map([...involved].map((id) => [id, store.alertIdsOf(id).length]));
  return ok({ ...request, leftEmpty: incidentsLeftEmpty(moving, request.incidentId, remaining) });
}

/** Moves the alerts; answers the destination's id (the new incident's when one was created). */
export function moveAlerts(
  store: IncidentStore,
  persona: Persona,
  request: MoveRequest,
): Outcome<{ targetId: string; plan: MovePlan }> {
  const planned = planMove(store, persona, request);
  if (!planned.ok) return planned;
  const plan = planned.value;
  return store.transact(persona.upn, (tx) =>
    ok({ targetId: applyMove(store, tx, persona, plan), plan }),
  );
}

function applyMove(store: IncidentStore, tx: Tx, persona: Persona, plan: MovePlan): string {
  const alerts = plan.alertIds.map((id) => store.alert(id) as AlertRecord);
  let targetId = plan.incidentId;
  if (targetId === null) {
    targetId = tx.nextIncidentId();
    const first = alerts[0] as AlertRecord;
    const workspaces = new Set(alerts.map((a) => JSON.stringify(a.workspace)));
    tx.createIncident({
      id: targetId,
      tenantId: first.tenantId ?? '',
      displayName: automaticName(alerts),
      status: 'active',
      severity: deriveSeverity(alerts.map((a) => a.severity)) ?? 'informational',
      assignedTo: null,
      classification: null,
      determination: null,
      customTags: [],
      systemTags: [],
      comments: [],
      createdDateTime: tx.now,
      lastUpdateDateTime: tx.now,
      lastModifiedBy: persona.upn,
      redirectIncidentId: null,
      resolvingComment: null,
      summary: null,
      description: null,
      priorityScore: null,
      nameIsAutomatic: true,
      severitySetByHand: false,
      workspace: workspaces.size === 1 && first.workspace ? { ...first.workspace } : null,
      armName: guidOf(`incident:${targetId}`),
      // Sentinel raised it only if every alert is Sentinel's own; otherwise it is Defender's.
      provider: alerts.every((a) => !isDefenderAlert(a.serviceSource)) ? 'sentinel' : 'defender',
      version: 0,
    });
    tx.record(targetId, audit.incidentCreatedByMove(targetId, persona.upn, plan.alertIds));
  }
  const target = tx.incident(targetId) as IncidentRecord;
  for (const alert of alerts) {
    if (alert.incidentId === targetId) continue;
    const from = tx.incident(alert.incidentId) as IncidentRecord;
    const edit = tx.editAlert(alert.id);
    edit.incidentId = targetId;
    edit.incidentWebUrl = `https://security.microsoft.com/incidents/${targetId}?tid=${target.tenantId}`;
    edit.lastUpdateDateTime = tx.now;
    if (target.assignedTo) edit.assignedTo = target.assignedTo;
    tx.record(
      targetId,
      audit.alertMovedIn(
        alert,
        from.id,
        targetId,
        persona.upn,
        plan.newCorrelationReasons,
        plan.alertComment,
      ),
    );
    tx.record(from.id, audit.alertMovedOut(alert, from.id, target, persona.upn, plan.alertComment));
    // Editing the source marks it changed, so its etag and last update follow the alerts.
    tx.editIncident(from.id).lastModifiedBy = persona.upn;
  }
  if (plan.incidentId !== null) tx.editIncident(targetId).lastModifiedBy = persona.upn;
  // An alert moving into an incident it was related to is now at home there: the relation goes.
  const moving = new Set(plan.alertIds);
  const relations = store.relations();
  if (relations.some((r) => r.incidentId === targetId && moving.has(r.alertId))) {
    tx.relations = relations.filter((r) => !(r.incidentId === targetId && moving.has(r.alertId)));
  }

  // An incident left without alerts is resolved (our documented choice; Defender's is unpublished).
  for (const id of plan.leftEmpty) {
    const empty = tx.editIncident(id);
    const was = empty.status;
    empty.status = 'resolved';
    empty.resolvingComment = audit.emptiedResolvingComment(targetId);
    tx.record(id, audit.resolvedWhenEmptied(targetId, was));
  }
  return targetId;
}
