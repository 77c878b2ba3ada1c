/**
 * `mergeIncidents` (SPEC.md §3.5, §5): validate every rule of src/domain/merge.ts, then move the
 * sources' content into the target in one transaction. A refusal changes nothing.
 */
import { CORRELATION_ACTOR } from '@/domain/activity';
import {
  correlationReasonLabel,
  parseCorrelationReasons,
  type CorrelationReason,
} from '@/domain/correlation';
import { writeDenial, type Persona } from '@/domain/identity';
import { LIMITS } from '@/domain/limits';
import {
  checkMerge,
  chooseMergeTarget,
  distinctSetValues,
  REDIRECTED_TAG,
  unitedTags,
  type MergeCandidate,
} from '@/domain/merge';
import { fail, ok, type IncidentStore, type Tx } from './incident-store';
import { automaticName } from './summary';
import type { IncidentRecord, Result } from './types';

export type MergeRequest = {
  incidentIds: string[];
  incidentComment: string | null;
  mergeReasons: CorrelationReason[];
};

/** What a valid merge will do; returned by the dry run the preview and the handler use. */
export type MergePlan = MergeRequest & { targetId: string; sourceIds: string[] };

const bad = (message: string) => fail<never>(400, 'BadRequest', message);
const KNOWN = ['incidentIds', 'incidentComment', 'mergeReasons'];

/** Reads the action's body: `{ incidentIds, incidentComment?, mergeReasons? }`. */
export function parseMergeRequest(body: Record<string, unknown>): Result<MergeRequest> {
  const unknown = Object.keys(body).filter((k) => !KNOWN.includes(k) && !k.startsWith('@odata.'));
  if (unknown.length) {
    return bad(
      `Unknown parameter ${unknown.map((k) => `'${k}'`).join(', ')}. mergeIncidents takes incidentIds, incidentComment and mergeReasons.`,
    );
  }
  const ids = body.incidentIds;
  if (!Array.isArray(ids)) {
    return bad(
      `Parameter 'incidentIds' is required: an array of ${LIMITS.minIncidentsPerMerge} to ${LIMITS.maxIncidentsPerMerge} incident ids.`,
    );
  }
  if (ids.some((id) => typeof id !== 'string' || id.trim() === '')) {
    return bad("Every member of 'incidentIds' must be a non-empty string id.");
  }
  const incidentIds = (ids as string[]).map((id) => id.trim());
  const dupes = [...new Set(incidentIds.filter((id, i) => incidentIds.indexOf(id) !== i))];
  if (dupes.length)
    return bad(`Incident ${dupes.join(', ')} is listed more than once in 'incidentIds'.`);
  if (
    incidentIds.length < LIMITS.minIncidentsPerMerge ||
    incidentIds.length > LIMITS.maxIncidentsPerMerge
  ) {
    return bad(
      `A merge takes ${LIMITS.minIncidentsPerMerge} to ${LIMITS.maxIncidentsPerMerge} incidents; ${incidentIds.length} ${incidentIds.length === 1 ? 'was' : 'were'} given.`,
    );
  }
  const comment = body.incidentComment;
  if (comment !== undefined && comment !== null && typeof comment !== 'string') {
    return bad("Parameter 'incidentComment' must be a string.");
  }
  if (typeof comment === 'string' && comment.length > LIMITS.maxCommentLength) {
    return bad(
      `The merge comment is ${comment.length} characters long; the limit is ${LIMITS.maxCommentLength}.`,
    );
  }
  const reasonsText = body.mergeReasons;
  if (reasonsText !== undefined && reasonsText !== null && typeof reasonsText !== 'string') {
    return bad(
      'Parameter \'mergeReasons\' must be a string of correlationReason members, e.g. "sameCampaign, sameActor".',
    );
  }
  const reasons = parseCorrelationReasons(reasonsText);
  if (!reasons.ok) {
    return bad(
      `Unknown merge reason ${reasons.unknown.map((r) => `'${r}'`).join(', ')}. mergeReasons takes correlationReason members such as sameCampaign, sameActor, sharedIndicators.`,
    );
  }
  return ok({
    incidentIds,
    incidentComment: typeof comment === 'string' && comment.trim() !== '' ? comment : null,
    mergeReasons: reasons.reasons,
  });
}

/** An incident as the merge rules see it. */
export function mergeCandidate(store: IncidentStore, incident: IncidentRecord): MergeCandidate {
  const related = store.relations().filter((r) => r.incidentId === incident.id).length;
  return {
    id: incident.id,
    displayName: incident.displayName,
    status: incident.status,
    assignedTo: incident.assignedTo,
    classification: incident.classification,
    determination: incident.determination,
    createdDateTime: incident.createdDateTime,
    customTags: incident.customTags,
    alertCount: store.alertIdsOf(incident.id).length + related,
  };
}

/**
 * Validates a merge without changing anything: the same answer the real merge would give.
 * `ignoreLocks` lets the merge that holds the locks run its own validation.
 */
export function planMerge(
  store: IncidentStore,
  persona: Persona,
  body: Record<string, unknown>,
  options: { ignoreLocks?: ReadonlySet<string> } = {},
): Result<MergePlan> {
  const parsed = parseMergeRequest(body);
  if (!parsed.ok) return parsed;
  const request = parsed.value;

  const missing = request.incidentIds.filter(
    (id) => !store.incident(id) || !store.canSee(persona, id),
  );
  if (missing.length) {
    return fail(
      404,
      'NotFound',
      `${missing.length === 1 ? 'Incident' : 'Incidents'} ${missing.join(', ')} ${missing.length === 1 ? 'was' : 'were'} not found.`,
    );
  }
  const incidents = request.incidentIds.map((id) => store.incident(id) as IncidentRecord);
  const candidates = incidents.map((i) => mergeCandidate(store, i));
  const checks = checkMerge(candidates, (id) =>
    writeDenial(persona, store.sourcesOf(id), `incident ${id}`),
  );

  const denied = checks.find((c) => c.id === 'permission' && !c.passed);
  if (denied) return fail(403, 'Forbidden', denied.problem ?? 'You cannot change every incident.');

  const locked = request.incidentIds.filter(
    (id) => store.locked.has(id) && !options.ignoreLocks?.has(id),
  );
  if (locked.length) {
    return fail(
      409,
      'Conflict',
      `Incident ${locked.join(', ')} is being merged; try again when that merge has finished.`,
    );
  }
  const failed = checks.find((c) => !c.passed);
  if (failed) return bad(failed.problem ?? failed.label);

  const { target } = chooseMergeTarget(candidates);
  return ok({
    ...request,
    targetId: target.id,
    sourceIds: request.incidentIds.filter((id) => id !== target.id),
  });
}

function reasonText(reasons: readonly CorrelationReason[]): string {
  return reasons.length ? ` Merge reasons: ${reasons.map(correlationReasonLabel).join(', ')}.` : '';
}

/**
 * Merges: validates (as planMerge), then moves every source's alerts, tags and activity into the
 * target, carries the set owner/classification/determination, renames an automatically named
 * target, and redirects each source to the target.
 */
export function mergeIncidents(
  store: IncidentStore,
  persona: Persona,
  body: Record<string, unknown>,
  options: { ignoreLocks?: ReadonlySet<string> } = {},
): Result<MergePlan> {
  const planned = planMerge(store, persona, body, options);
  if (!planned.ok) return planned;
  const plan = planned.value;
  return store.transact(persona.upn, (tx) => {
    applyMerge(store, tx, persona, plan);
    return ok(plan);
  });
}

function applyMerge(store: IncidentStore, tx: Tx, persona: Persona, plan: MergePlan): void {
  const all = plan.incidentIds.map((id) => tx.incident(id) as IncidentRecord);
  const target = tx.editIncident(plan.targetId);
  const sources = plan.sourceIds.map((id) => tx.incident(id) as IncidentRecord);
  const before = { ...target, customTags: [...target.customTags] };

  // Alerts (and with them their entities) move to the target.
  const moved: string[] = [];
  for (const source of sources) {
    for (const alertId of store.alertIdsOf(source.id)) {
      const alert = tx.editAlert(alertId);
      alert.incidentId = target.id;
      alert.incidentWebUrl = `https://security.microsoft.com/incidents/${target.id}?tid=${target.tenantId}`;
      moved.push(alertId);
    }
  }
  // Sentinel relations of the sources follow too (unique per incident and alert).
  const relations = store.relations();
  if (relations.some((r) => plan.sourceIds.includes(r.incidentId))) {
    const kept = relations.filter((r) => !plan.sourceIds.includes(r.incidentId));
    for (const r of relations.filter((x) => plan.sourceIds.includes(x.incidentId))) {
      const clash = kept.some(
        (k) =>
          k.incidentId === target.id &&
          (k.alertId === r.alertId || k.relationName === r.relationName),
      );
      const isHome = tx.alert(r.alertId)?.incidentId === target.id;
      if (!clash && !isHome) kept.push({ ...r, incidentId: target.id });
    }
    tx.relations = kept;
  }

  target.customTags = unitedTags(all);
  for (const field of ['assignedTo', 'classification', 'determination'] as const) {
    const [value] = distinctSetValues(all, field);
    if (value !== undefined && target[field] !== value)
      (target as Record<typeof field, unknown>)[field] = value;
  }
  if (target.assignedTo) {
    for (const a of tx.alertsOf(target.id))
      if (a.assignedTo !== target.assignedTo) tx.editAlert(a.id).assignedTo = target.assignedTo;
  }
  if (target.nameIsAutomatic) {
    target.displayName = automaticName(tx.alertsOf(target.id));
  }
  target.lastModifiedBy = persona.upn;
  if (plan.incidentComment) {
    target.comments.push({
      comment: plan.incidentComment,
      createdByDisplayName: persona.upn,
      createdDateTime: tx.now,
    });
  }

  // The sources' logs are copied into the target, each entry marked with where it came from.
  for (const source of sources) {
    for (const entry of store.activities(source.id)) {
      const { id: _id, incidentId: _incidentId, ...rest } = entry;
      void _id;
      void _incidentId;
      tx.record(target.id, { ...rest, originIncidentId: entry.originIncidentId ?? source.id });
    }
  }
  const named = sources.map((s) => `'${s.displayName}' (${s.id})`).join(', ');
  tx.record(target.id, {
    kind: 'audit',
    category: 'merge',
    action: 'incidentsMerged',
    description: `Merged ${sources.length === 1 ? 'incident' : 'incidents'} ${named} into this incident; ${moved.length} alert${moved.length === 1 ? '' : 's'} moved here.${reasonText(plan.mergeReasons)}`,
    targetType: 'incident',
    targetId: target.id,
    targetName: target.displayName,
    newValue: {
      sourceIncidentIds: plan.sourceIds,
      movedAlertIds: moved,
      mergeReasons: plan.mergeReasons,
    },
    ...(plan.incidentComment ? { comment: plan.incidentComment } : {}),
  });
  if (plan.incidentComment) {
    tx.record(target.id, {
      kind: 'comment',
      category: 'comment',
      action: 'commentAdded',
      description: `${persona.displayName} commented on the merge.`,
      comment: plan.incidentComment,
    });
  }
  if (before.displayName !== target.displayName) {
    tx.record(target.id, {
      kind: 'audit',
      category: 'incident',
      action: 'displayNameChanged',
      performedBy: CORRELATION_ACTOR,
      description: `Incident name changed from '${before.displayName}' to '${target.displayName}' after the merge.`,
      oldValue: before.displayName,
      newValue: target.displayName,
    });
  }
  for (const field of ['assignedTo', 'classification', 'determination'] as const) {
    if (before[field] !== target[field]) {
      tx.record(target.id, {
        kind: 'audit',
        category: field === 'assignedTo' ? 'assignment' : 'classification',
        action: `${field}Changed`,
        performedBy: CORRELATION_ACTOR,
        description: `${field === 'assignedTo' ? 'Assigned to' : field === 'classification' ? 'Classification' : 'Determination'} set to ${target[field]} from a merged incident.`,
        oldValue: before[field],
        newValue: target[field],
      });
    }
  }
  const addedTags = target.customTags.filter((t) => !before.customTags.includes(t));
  if (addedTags.length) {
    tx.record(target.id, {
      kind: 'audit',
      category: 'tag',
      action: 'customTagsChanged',
      performedBy: CORRELATION_ACTOR,
      description: `Tags added from merged incidents: ${addedTags.map((t) => `'${t}'`).join(', ')}.`,
      oldValue: before.customTags,
      newValue: target.customTags,
    });
  }

  for (const source of sources) {
    const edit = tx.editIncident(source.id);
    edit.status = 'redirected';
    edit.redirectIncidentId = target.id;
    if (!edit.systemTags.includes(REDIRECTED_TAG))
      edit.systemTags = [...edit.systemTags, REDIRECTED_TAG];
    edit.lastModifiedBy = persona.upn;
    tx.record(source.id, {
      kind: 'audit',
      category: 'merge',
      action: 'mergedInto',
      performedBy: CORRELATION_ACTOR,
      description: `Merged into incident '${target.displayName}' (${target.id}) by ${persona.upn}; its alerts, tags and activity moved there.${reasonText(plan.mergeReasons)}`,
      targetType: 'incident',
      targetId: target.id,
      targetName: target.displayName,
      oldValue: source.status,
      newValue: 'redirected',
    });
  }
}
