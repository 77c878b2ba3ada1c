/**
 * `moveAlerts` (SPEC.md §3.6, §6): validate every rule of src/domain/move.ts, then re-home the
 * alerts in one transaction — to an existing incident or to a new one named from its alerts.
 */
import { CORRELATION_ACTOR } from '@/domain/activity';
import {
  correlationReasonLabel,
  parseCorrelationReasons,
  type CorrelationReason,
} from '@/domain/correlation';
import { writeDenial, type Persona } from '@/domain/identity';
import { LIMITS } from '@/domain/limits';
import { checkMove, incidentsLeftEmpty, type MovingAlert } from '@/domain/move';
import { deriveSeverity } from '@/domain/severity';
import { fail, ok, type IncidentStore, type Tx } from './incident-store';
import { automaticName } from './summary';
import type { AlertRecord, IncidentRecord, Result } from './types';

export type MoveRequest = {
  alertIds: string[];
  /** The destination; null creates a new incident. */
  incidentId: string | null;
  alertComment: string | null;
  newCorrelationReasons: CorrelationReason[];
};

export type MovePlan = MoveRequest & { leftEmpty: string[] };

const bad = (message: string) => fail<never>(400, 'BadRequest', message);
const KNOWN = ['alertIds', 'incidentId', 'alertComment', 'newCorrelationReasons'];

/** Reads the action's body: `{ alertIds, incidentId?, alertComment?, newCorrelationReasons? }`. */
export function parseMoveRequest(body: Record<string, unknown>): Result<MoveRequest> {
  const unknown = Object.keys(body).filter((k) => !KNOWN.includes(k) && !k.startsWith('@odata.'));
  if (unknown.length) {
    return bad(
      `Unknown parameter ${unknown.map((k) => `'${k}'`).join(', ')}. moveAlerts takes alertIds, incidentId, alertComment and newCorrelationReasons.`,
    );
  }
  const ids = body.alertIds;
  if (!Array.isArray(ids) || ids.length === 0) {
    return bad("Parameter 'alertIds' is required: an array of one or more alert ids.");
  }
  if (ids.some((id) => typeof id !== 'string' || id.trim() === '')) {
    return bad("Every member of 'alertIds' must be a non-empty string id.");
  }
  const alertIds = (ids as string[]).map((id) => id.trim());
  const dupes = [...new Set(alertIds.filter((id, i) => alertIds.indexOf(id) !== i))];
  if (dupes.length) return bad(`Alert ${dupes.join(', ')} is listed more than once in 'alertIds'.`);
  const target = body.incidentId;
  if (
    target !== undefined &&
    target !== null &&
    (typeof target !== 'string' || target.trim() === '')
  ) {
    return bad("Parameter 'incidentId' must be an incident id, or null to create a new incident.");
  }
  const comment = body.alertComment;
  if (comment !== undefined && comment !== null && typeof comment !== 'string') {
    return bad("Parameter 'alertComment' must be a string.");
  }
  if (typeof comment === 'string' && comment.length > LIMITS.maxCommentLength) {
    return bad(
      `The comment is ${comment.length} characters long; the limit is ${LIMITS.maxCommentLength}.`,
    );
  }
  const reasonsText = body.newCorrelationReasons;
  if (reasonsText !== undefined && reasonsText !== null && typeof reasonsText !== 'string') {
    return bad("Parameter 'newCorrelationReasons' must be a string of correlationReason members.");
  }
  const reasons = parseCorrelationReasons(reasonsText);
  if (!reasons.ok) {
    return bad(`Unknown correlation reason ${reasons.unknown.map((r) => `'${r}'`).join(', ')}.`);
  }
  return ok({
    alertIds,
    incidentId: typeof target === 'string' ? target.trim() : null,
    alertComment: typeof comment === 'string' && comment.trim() !== '' ? comment : null,
    newCorrelationReasons: reasons.reasons,
  });
}

/** Validates a move without changing anything: the same answer the real move would give. */
export function planMove(
  store: IncidentStore,
  persona: Persona,
  body: Record<string, unknown>,
): Result<MovePlan> {
  const parsed = parseMoveRequest(body);
  if (!parsed.ok) return parsed;
  const request = parsed.value;

  const missing = request.alertIds.filter((id) => {
    const a = store.alert(id);
    return !a || !store.canSeeAlert(persona, a);
  });
  if (missing.length) {
    return fail(
      404,
      'NotFound',
      `${missing.length === 1 ? 'Alert' : 'Alerts'} ${missing.join(', ')} ${missing.length === 1 ? 'was' : 'were'} not found.`,
    );
  }
  const alerts = request.alertIds.map((id) => store.alert(id) as AlertRecord);
  let destination: IncidentRecord | undefined;
  if (request.incidentId !== null) {
    destination = store.incident(request.incidentId);
    if (!destination || !store.canSee(persona, request.incidentId)) {
      return fail(404, 'NotFound', `Incident ${request.incidentId} was not found.`);
    }
  }
  const sources = new Set(alerts.map((a) => a.serviceSource));
  if (destination) for (const s of store.sourcesOf(destination.id)) sources.add(s);
  const what = destination ? `the alerts or incident ${destination.id}` : 'the alerts';
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
    writeDenial(persona, sources, what),
  );
  const denied = checks.find((c) => c.id === 'permission' && !c.passed);
  if (denied) return fail(403, 'Forbidden', denied.problem ?? 'You cannot move these alerts.');
  const involved = new Set(alerts.map((a) => a.incidentId));
  if (destination) involved.add(destination.id);
  const locked = [...involved].filter((id) => store.locked.has(id));
  if (locked.length) {
    return fail(
      409,
      'Conflict',
      `Incident ${locked.join(', ')} is being merged; try again when the merge has finished.`,
    );
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
  body: Record<string, unknown>,
): Result<{ targetId: string; plan: MovePlan }> {
  const planned = planMove(store, persona, body);
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
      workspace: workspaces.size === 1 ? first.workspace : null,
      version: 0,
    });
    tx.record(targetId, {
      kind: 'audit',
      category: 'incident',
      action: 'incidentCreated',
      description: `Incident created by ${persona.upn} from ${alerts.length} moved alert${alerts.length === 1 ? '' : 's'}.`,
      targetType: 'incident',
      targetId,
    });
  }
  const target = tx.incident(targetId) as IncidentRecord;
  const reasons = plan.newCorrelationReasons.length
    ? ` Correlation reasons: ${plan.newCorrelationReasons.map(correlationReasonLabel).join(', ')}.`
    : '';
  for (const alert of alerts) {
    if (alert.incidentId === targetId) continue;
    const from = tx.incident(alert.incidentId) as IncidentRecord;
    const edit = tx.editAlert(alert.id);
    edit.incidentId = targetId;
    edit.incidentWebUrl = `https://security.microsoft.com/incidents/${targetId}?tid=${target.tenantId}`;
    edit.lastUpdateDateTime = tx.now;
    if (target.assignedTo) edit.assignedTo = target.assignedTo;
    tx.record(targetId, {
      kind: 'audit',
      category: 'alert',
      action: 'alertCorrelated',
      description: `Alert '${alert.title}' (${alert.id}) was correlated to this incident, moved from incident ${from.id} by ${persona.upn}.${reasons}`,
      targetType: 'alert',
      targetId: alert.id,
      targetName: alert.title,
      oldValue: from.id,
      newValue: targetId,
      ...(plan.alertComment ? { comment: plan.alertComment } : {}),
    });
    tx.record(from.id, {
      kind: 'audit',
      category: 'alert',
      action: 'alertMovedOut',
      description: `Alert '${alert.title}' (${alert.id}) was moved to incident '${target.displayName}' (${targetId}) by ${persona.upn}.`,
      targetType: 'alert',
      targetId: alert.id,
      targetName: alert.title,
      oldValue: from.id,
      newValue: targetId,
      ...(plan.alertComment ? { comment: plan.alertComment } : {}),
    });
    // Editing the source marks it changed, so its etag and last update follow the alerts.
    tx.editIncident(from.id).lastModifiedBy = persona.upn;
  }
  if (plan.incidentId !== null) tx.editIncident(targetId).lastModifiedBy = persona.upn;

  // An incident left without alerts is resolved (our documented choice; Defender's is unpublished).
  for (const id of plan.leftEmpty) {
    const empty = tx.editIncident(id);
    const was = empty.status;
    empty.status = 'resolved';
    empty.resolvingComment = `All alerts were moved to incident ${targetId}.`;
    tx.record(id, {
      kind: 'audit',
      category: 'incident',
      action: 'statusChanged',
      performedBy: CORRELATION_ACTOR,
      description: `Incident resolved: all its alerts were moved to incident ${targetId}, leaving it empty.`,
      oldValue: was,
      newValue: 'resolved',
    });
  }
  return targetId;
}
