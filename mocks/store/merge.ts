/**
 * `mergeIncidents` (SPEC.md §3.5, §5): validate every rule of src/domain/merge.ts, then move the
 * sources' content into the target in one transaction. A refusal changes nothing.
 */
import { mergeLocked } from '@/domain/outcome';
import * as audit from '@/domain/audit';
import type { CorrelationReason } from '@/domain/correlation';
import { MERGE_AND_MOVE_PERMISSION, writeDenial, type Persona } from '@/domain/identity';
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
import type { IncidentRecord, Outcome } from './types';

export type MergeRequest = {
  incidentIds: string[];
  incidentComment: string | null;
  mergeReasons: CorrelationReason[];
};

/** What a valid merge will do; returned by the dry run the preview and the handler use. */
export type MergePlan = MergeRequest & { targetId: string; sourceIds: string[] };

const bad = (message: string) => fail<never>('invalid', message);

/** An incident as the merge rules see it. */
function mergeCandidate(store: IncidentStore, incident: IncidentRecord): MergeCandidate {
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
  request: MergeRequest,
  options: { ignoreLocks?: ReadonlySet<string> } = {},
): Outcome<MergePlan> {
  const missing = request.incidentIds.filter(
    (id) => !store.incident(id) || !store.canSee(persona, id),
  );
  if (missing.length) {
    return fail(
      'notFound',
      `${missing.length === 1 ? 'Incident' : 'Incidents'} ${missing.join(', ')} ${missing.length === 1 ? 'was' : 'were'} not found.`,
    );
  }
  const incidents = request.incidentIds.map((id) => store.incident(id) as IncidentRecord);
  const candidates = incidents.map((i) => mergeCandidate(store, i));
  const checks = checkMerge(candidates, (id) =>
    writeDenial(persona, store.sourcesOf(id), `incident ${id}`, {
      permission: MERGE_AND_MOVE_PERMISSION,
    }),
  );

  const denied = checks.find((c) => c.id === 'permission' && !c.passed);
  if (denied) return fail('forbidden', denied.problem ?? 'You cannot change every incident.');

  const locked = request.incidentIds.filter(
    (id) => store.isLocked(id) && !options.ignoreLocks?.has(id),
  );
  if (locked.length) {
    return mergeLocked(locked);
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

/**
 * Merges: validates (as planMerge), then moves every source's alerts, tags and activity into the
 * target, carries the set owner/classification/determination, renames an automatically named
 * target, and redirects each source to the target.
 */
export function mergeIncidents(
  store: IncidentStore,
  persona: Persona,
  request: MergeRequest,
  options: { ignoreLocks?: ReadonlySet<string> } = {},
): Outcome<MergePlan> {
  const planned = planMerge(store, persona, request, options);
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
  // Sentinel relations of the sources follow too (unique per incident and alert). An alert that
  // was related to the target and now lives there is at home, so that relation goes.
  const arrived = new Set(moved);
  const nowAtHome = (r: { incidentId: string; alertId: string }) =>
    r.incidentId === target.id && arrived.has(r.alertId);
  const relations = store.relations();
  if (relations.some((r) => plan.sourceIds.includes(r.incidentId) || nowAtHome(r))) {
    const kept = relations.filter((r) => !plan.sourceIds.includes(r.incidentId) && !nowAtHome(r));
    for (const r of relations.filter((x) => plan.sourceIds.includes(x.incidentId))) {
      const alreadyRelated = kept.some(
        (k) => k.incidentId === target.id && k.alertId === r.alertId,
      );
      const isHome = tx.alert(r.alertId)?.incidentId === target.id;
      if (alreadyRelated || isHome) continue;
      // Names are the caller's, unique per incident: a source's relation whose name the target
      // already uses keeps its alert related under the name suffixed with its old incident.
      const taken = (name: string) =>
        kept.some((k) => k.incidentId === target.id && k.relationName === name);
      let relationName = r.relationName;
      for (let n = 1; taken(relationName); n++) {
        relationName = `${r.relationName}-${r.incidentId}${n > 1 ? `-${n}` : ''}`;
      }
      kept.push({ ...r, incidentId: target.id, relationName });
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
  tx.record(
    target.id,
    audit.incidentsMerged(target, sources, moved, plan.mergeReasons, plan.incidentComment),
  );
  if (plan.incidentComment) {
    tx.record(target.id, audit.mergeCommented(persona.displayName, plan.incidentComment));
  }
  if (before.displayName !== target.displayName) {
    tx.record(target.id, audit.renamedByMerge(before.displayName, target.displayName));
  }
  for (const field of ['assignedTo', 'classification', 'determination'] as const) {
    if (before[field] !== target[field]) {
      tx.record(target.id, audit.carriedByMerge(field, before[field], target[field]));
    }
  }
  const tags = audit.tagsAddedByMerge(before.customTags, target.customTags);
  if (tags) tx.record(target.id, tags);

  for (const source of sources) {
    const edit = tx.editIncident(source.id);
    edit.status = 'redirected';
    edit.redirectIncidentId = target.id;
    if (!edit.systemTags.includes(REDIRECTED_TAG))
      edit.systemTags = [...edit.systemTags, REDIRECTED_TAG];
    edit.lastModifiedBy = persona.upn;
    tx.record(source.id, audit.mergedInto(target, persona.upn, plan.mergeReasons, source.status));
  }
}
