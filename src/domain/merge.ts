/**
 * Merging incidents (seeds 000 and 002; SPEC.md §5): the preconditions, the choice of target and
 * what will move. The store enforces these functions and the UI previews them — the same code,
 * so the preview never promises what the server then refuses.
 */
import {
  CLASSIFICATION_LABELS,
  DETERMINATION_LABELS,
  INCIDENT_STATUS_LABELS,
  type AlertClassification,
  type AlertDetermination,
  type IncidentStatus,
} from './enums';
import { isUnset } from './classification';
import { LIMITS } from './limits';

/** What the rules need to know of one incident. */
export type MergeCandidate = {
  id: string;
  displayName: string;
  status: IncidentStatus;
  assignedTo: string | null;
  classification: AlertClassification | null;
  determination: AlertDetermination | null;
  createdDateTime: string;
  customTags: readonly string[];
  /** Alerts the incident holds (home + related): what the 150 cap counts. */
  alertCount: number;
};

type MergeCheckId =
  | 'count'
  | 'distinct'
  | 'status'
  | 'assignedTo'
  | 'classification'
  | 'determination'
  | 'permission'
  | 'alertCap';

/** One precondition, passed or failed, with the fix named when it fails. */
export type MergeCheck = {
  id: MergeCheckId;
  passed: boolean;
  /** What is checked, e.g. "Assigned to is the same or unset". */
  label: string;
  /** Why it failed and what to do, e.g. "Assigned to differs: a@x vs b@x. Reassign…". */
  problem?: string;
};

const unset = (v: string | null | undefined) => v === '' || isUnset(v);

/**
 * Whether `n` incidents can be merged: too few, too many, or fine (undefined). Every screen
 * and the server ask this, each wording it for its reader.
 */
export function mergeCountProblem(n: number): 'tooFew' | 'tooMany' | undefined {
  if (n < LIMITS.minIncidentsPerMerge) return 'tooFew';
  return n > LIMITS.maxIncidentsPerMerge ? 'tooMany' : undefined;
}

const FIELD_LABELS = {
  assignedTo: 'Assigned to',
  classification: 'Classification',
  determination: 'Determination',
} as const;

function shown(field: keyof typeof FIELD_LABELS, value: string): string {
  if (field === 'classification')
    return CLASSIFICATION_LABELS[value as AlertClassification] ?? value;
  if (field === 'determination') return DETERMINATION_LABELS[value as AlertDetermination] ?? value;
  return value;
}

/** The set values of a field across the incidents (unset ones are compatible with anything). */
export function distinctSetValues(
  candidates: readonly Pick<MergeCandidate, keyof typeof FIELD_LABELS>[],
  field: keyof typeof FIELD_LABELS,
): string[] {
  return [
    ...new Set(
      candidates.map((c) => c[field]).filter((v): v is NonNullable<typeof v> => !unset(v)),
    ),
  ];
}

/**
 * Every precondition of a manual merge, in the order an analyst fixes them. `denial(id)` says why
 * the caller may not change incident `id` (undefined when it may).
 */
export function checkMerge(
  candidates: readonly MergeCandidate[],
  denial: (id: string) => string | undefined = () => undefined,
): MergeCheck[] {
  const checks: MergeCheck[] = [];
  const n = candidates.length;
  const { minIncidentsPerMerge: min, maxIncidentsPerMerge: max } = LIMITS;
  const countProblem = mergeCountProblem(n);
  checks.push({
    id: 'count',
    passed: countProblem === undefined,
    label: `${min} to ${max} incidents`,
    ...(countProblem
      ? {
          problem:
            countProblem === 'tooFew'
              ? `Select at least ${min} incidents to merge (${n} selected).`
              : `At most ${max} incidents can be merged at once (${n} selected). Merge in several steps.`,
        }
      : {}),
  });

  const ids = candidates.map((c) => c.id);
  const dupes = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (dupes.length) {
    checks.push({
      id: 'distinct',
      passed: false,
      label: 'Each incident listed once',
      problem: `Incident ${dupes.join(', ')} is listed more than once.`,
    });
  }

  const closed = candidates.filter((c) => c.status === 'resolved' || c.status === 'redirected');
  checks.push({
    id: 'status',
    passed: closed.length === 0,
    label: 'None is resolved or already merged',
    ...(closed.length
      ? {
          problem: `${closed.map((c) => `Incident ${c.id} is ${INCIDENT_STATUS_LABELS[c.status].toLowerCase()}`).join('; ')}. Resolved and merged incidents cannot be merged; reopen a resolved incident first.`,
        }
      : {}),
  });

  for (const field of ['assignedTo', 'classification', 'determination'] as const) {
    const values = distinctSetValues(candidates, field);
    const label = `${FIELD_LABELS[field]} is the same or unset`;
    checks.push({
      id: field,
      passed: values.length <= 1,
      label,
      ...(values.length > 1
        ? {
            problem: `${FIELD_LABELS[field]} differs: ${values.map((v) => shown(field, v)).join(' vs ')}. Make ${FIELD_LABELS[field]} the same on all of them, or clear it on all but one.`,
          }
        : {}),
    });
  }

  const denials = candidates.map((c) => denial(c.id)).filter((d): d is string => d !== undefined);
  checks.push({
    id: 'permission',
    passed: denials.length === 0,
    label: 'You can change every incident',
    ...(denials.length ? { problem: [...new Set(denials)].join(' ') } : {}),
  });

  const total = candidates.reduce((sum, c) => sum + c.alertCount, 0);
  checks.push({
    id: 'alertCap',
    passed: total <= LIMITS.maxAlertsPerIncident,
    label: `At most ${LIMITS.maxAlertsPerIncident} alerts after merging`,
    ...(total > LIMITS.maxAlertsPerIncident
      ? {
          problem: `The merged incident would hold ${total} alerts; an incident holds at most ${LIMITS.maxAlertsPerIncident}. Merge fewer incidents or move alerts out first.`,
        }
      : {}),
  });
  return checks;
}

const byNumericId = (a: string, b: string) => {
  const na = Number(a);
  const nb = Number(b);
  return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a < b ? -1 : a > b ? 1 : 0;
};

/**
 * Which incident survives (SPEC.md §5.3, our documented rule — Defender does not publish its
 * own): the one with the most alerts; on a tie the oldest; on a tie the lowest id.
 */
export function chooseMergeTarget(candidates: readonly MergeCandidate[]): {
  target: MergeCandidate;
  reason: string;
} {
  if (candidates.length === 0) throw new Error('chooseMergeTarget: no incidents');
  const sorted = [...candidates].sort(
    (a, b) =>
      b.alertCount - a.alertCount ||
      (a.createdDateTime < b.createdDateTime
        ? -1
        : a.createdDateTime > b.createdDateTime
          ? 1
          : 0) ||
      byNumericId(a.id, b.id),
  );
  const target = sorted[0] as MergeCandidate;
  const runnerUp = sorted[1];
  let reason: string;
  if (!runnerUp || target.alertCount > runnerUp.alertCount) {
    reason = `It has the most alerts (${target.alertCount}).`;
  } else if (target.createdDateTime < runnerUp.createdDateTime) {
    reason = `It ties on alerts (${target.alertCount}) and is the oldest.`;
  } else {
    reason = `It ties on alerts (${target.alertCount}) and age, and has the lowest id.`;
  }
  return { target, reason };
}

/** The custom tags of the merged incident: all of them, each once (first spelling wins). */
export function unitedTags(candidates: readonly Pick<MergeCandidate, 'customTags'>[]): string[] {
  const out: string[] = [];
  for (const c of candidates) {
    for (const t of c.customTags)
      if (!out.some((x) => x.toLowerCase() === t.toLowerCase())) out.push(t);
  }
  return out;
}

/** The system tag a merged-away incident carries (SPEC.md §5.4). */
export const REDIRECTED_TAG = 'Redirected';

/**
 * Why a merged-away incident takes no more changes (SPEC.md §5.4): the store refuses a change
 * with it, and the console says it before the analyst tries. `finalId` is the incident that
 * finally holds the merged content, where the caller knows it (the store follows the chain).
 */
export function mergedAwayDenial(
  incident: { id?: string | null; redirectIncidentId?: string | null },
  finalId?: string,
): string {
  const into = incident.redirectIncidentId
    ? `incident ${incident.redirectIncidentId}`
    : 'another incident';
  const instead = finalId ? `; change incident ${finalId} instead` : '';
  return `Incident ${incident.id ?? ''} was merged into ${into} and can no longer be changed${instead}.`;
}
