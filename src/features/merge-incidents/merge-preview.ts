/**
 * What a merge of these incidents would do, computed in the browser with the very functions the
 * server enforces (src/domain/merge.ts): the checks, the target and why, and what moves to it.
 */
import type { Incident } from '@/domain/graph';
import { heldAlertCount } from '@/domain/relations';
import { incidentWriteDenial, MERGE_AND_MOVE_PERMISSION, type Persona } from '@/domain/identity';
import {
  checkMerge,
  chooseMergeTarget,
  unitedTags,
  type MergeCandidate,
  type MergeCheck,
} from '@/domain/merge';

/** An incident as the merge rules see it. */
export function toMergeCandidate(incident: Incident, related?: number): MergeCandidate {
  const id = incident.id ?? '';
  return {
    id,
    displayName: incident.displayName?.trim() || `Incident ${id}`,
    status: incident.status ?? 'active',
    assignedTo: incident.assignedTo ?? null,
    classification: incident.classification ?? null,
    determination: incident.determination ?? null,
    createdDateTime: incident.createdDateTime ?? '',
    customTags: incident.customTags ?? [],
    // Home and related alike: the store's 150-alert check counts both (seed 004). Live mode
    // passes how many Sentinel relates (real Graph lists only the home ones).
    alertCount: heldAlertCount(incident, related),
  };
}

export type MergePreview = {
  candidates: MergeCandidate[];
  checks: MergeCheck[];
  /** The failed checks; the merge button stays disabled while there is any. */
  problems: MergeCheck[];
  target: MergeCandidate;
  /** Why this one is the target, e.g. "It has the most alerts (7)." */
  targetReason: string;
  /** The custom tags the target will carry. */
  tags: string[];
  /** Alerts the target will hold, and how many of them come from the other incidents. */
  alertTotal: number;
  alertsMoving: number;
};

/**
 * The whole preview of merging `incidents` as `persona`; null when there is nothing to merge.
 * `related`: live mode's count of each incident's related alerts, by id.
 */
export function previewMerge(
  incidents: readonly Incident[],
  persona: Persona | undefined,
  related: ReadonlyMap<string, number> = new Map(),
): MergePreview | null {
  if (incidents.length === 0) return null;
  const candidates = incidents.map((i) => toMergeCandidate(i, related.get(i.id ?? '')));
  const byId = new Map(incidents.map((i) => [i.id ?? '', i]));
  const checks = checkMerge(candidates, (id) => {
    const incident = byId.get(id);
    return incident ? incidentWriteDenial(persona, incident, MERGE_AND_MOVE_PERMISSION) : undefined;
  });
  const { target, reason } = chooseMergeTarget(candidates);
  const alertTotal = candidates.reduce((sum, c) => sum + c.alertCount, 0);
  return {
    candidates,
    checks,
    problems: checks.filter((c) => !c.passed),
    target,
    targetReason: reason,
    tags: unitedTags(candidates),
    alertTotal,
    alertsMoving: alertTotal - target.alertCount,
  };
}
