/**
 * Incidents merged away before the seed's "now": the source's own short story up to the merge
 * (alerts correlated, maybe assigned, tagged, set in progress) and its final redirected record.
 * The target's side of the merge, its audit and the source's log copied in, is told by the
 * target's story in generate.ts, which calls this first.
 */
import { CORRELATION_ACTOR } from '@/domain/activity';
import * as audit from '@/domain/audit';
import type { AlertSeverity, IncidentStatus } from '@/domain/enums';
import { autoIncidentName } from '@/domain/naming';
import { deriveSeverity } from '@/domain/severity';
import type { AlertRecord, IncidentRecord } from '../types';
import { namingFacts, tally } from './derived';
import {
  assignDraft,
  correlatedDraft,
  createdDraft,
  filed,
  severityTrail,
  statusDraft,
  tagsDraft,
  type Draft,
} from './history';
import { GENERAL_ANALYSTS, type Owner } from './owners';
import type { Plan } from './plans';
import { guidOf, type Rng } from './random';
import { SEED_TENANT_ID, syncedWorkspace } from './tenant';
import { HOUR, iso, MINUTE } from './time';

/** A merge as the target's log tells it. */
export type MergeStory = {
  at: number;
  by: string;
  reason: string | null;
  /** Custom tags the source carried; they move to the target. */
  tags: string[];
  /** The source's final record and log, which the generator files under the source's id. */
  record: IncidentRecord;
  drafts: Draft[];
};

const MERGE_REASONS = [
  'Merging related incidents from the same campaign',
  'Same user and same sign-in source — one investigation',
  'Same device, same attack chain',
  'Duplicate of the incident already being worked',
];

/**
 * The incident that was merged into `target` before `now`: its log up to the merge, and its
 * final redirected record (no alerts: they live in the target now).
 */
export function generateSource(
  rng: Rng,
  nowMs: number,
  source: Plan,
  target: Plan,
  targetName: string,
  moved: AlertRecord[],
  movedTimes: readonly number[],
  targetOwner: Owner | null,
): MergeStory {
  const drafts: Draft[] = [createdDraft(source.t0, moved[0] as AlertRecord)];
  moved.forEach((a, i) => drafts.push(correlatedDraft(a, movedTimes[i] as number)));
  const summary = tally(moved);
  const severity = deriveSeverity(moved.map((a) => a.severity)) as AlertSeverity;
  const arrivals = moved.map((a, i) => ({ t: movedTimes[i] as number, severity: a.severity }));
  drafts.push(...severityTrail(arrivals, null));

  let t = Math.max(...arrivals.map((a) => a.t));
  let assignedTo: string | null = null;
  let status: IncidentStatus = 'active';
  const actor = targetOwner?.kind === 'user' ? targetOwner.id : rng.pick(GENERAL_ANALYSTS);
  // A merge needs equal owners or an unassigned side: the source is unassigned or shares it.
  if (targetOwner && rng.chance(0.3)) {
    t = Math.min(nowMs, t + rng.int(MINUTE, 4 * HOUR));
    assignedTo = targetOwner.id;
    drafts.push(assignDraft(t, actor, null, targetOwner.id));
    if (rng.chance(0.5)) {
      t = Math.min(nowMs, t + rng.int(MINUTE, 2 * HOUR));
      status = 'inProgress';
      drafts.push(statusDraft(t, actor, 'active', 'inProgress'));
    }
  }
  const tags: string[] = [];
  if (rng.chance(0.25)) {
    t = Math.min(nowMs, t + rng.int(MINUTE, 2 * HOUR));
    tags.push(rng.pick(target.theme.customTags));
    drafts.push(...tagsDraft(t, actor, [], tags));
  }

  const at = Math.min(nowMs, t + rng.int(5 * MINUTE, 12 * HOUR));
  const byAnalyst = rng.chance(0.4);
  const by = byAnalyst ? actor : CORRELATION_ACTOR;
  const reason = byAnalyst ? rng.pick(MERGE_REASONS) : null;
  const mergedInto = audit.mergedInto({ id: target.id, displayName: targetName }, by, [], status);
  drafts.push(
    filed(at, by, { ...mergedInto, performedBy: by, ...(reason ? { comment: reason } : {}) }),
  );

  const record: IncidentRecord = {
    id: source.id,
    tenantId: SEED_TENANT_ID,
    displayName: autoIncidentName(namingFacts(summary)),
    status: 'redirected',
    severity,
    assignedTo,
    classification: null,
    determination: null,
    // Tags move to the target (SPEC.md §5.4); only the system's 'Redirected' marks the source.
    customTags: [],
    systemTags: ['Redirected'],
    comments: [],
    createdDateTime: iso(source.t0),
    lastUpdateDateTime: iso(at),
    lastModifiedBy: by,
    redirectIncidentId: target.id,
    resolvingComment: null,
    // Derived from the alerts when read (src/domain/naming.ts), so it never goes stale.
    summary: null,
    description: null,
    priorityScore: null,
    nameIsAutomatic: true,
    severitySetByHand: false,
    workspace: { ...(target.workspace ?? syncedWorkspace(target.id)) },
    armName: guidOf(`incident:${source.id}`),
    provider: 'defender',
    version: source.index + 1,
  };
  return { at, by, reason, tags, record, drafts };
}
