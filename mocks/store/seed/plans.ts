/**
 * The plan of every incident, drawn before any of them is generated: when it was created, its
 * theme, its size and final status, and which ones were merged into which. Merges pair an
 * incident with an earlier one, so the whole list is planned first and the stories are told
 * afterwards, each knowing what will be merged into it.
 */
import type { IncidentStatus } from '@/domain/enums';
import { THEMES, type Theme } from '../seed-data';
import type { WorkspaceRef } from '../types';
import type { Rng } from './random';
import { SENTINEL_WORKSPACES } from './tenant';
import { DAY, MINUTE } from './time';

export type Plan = {
  index: number;
  id: string;
  t0: number;
  theme: Theme;
  status: IncidentStatus;
  alertCount: number;
  workspace: WorkspaceRef | null;
  customName: boolean;
  severityByHand: boolean;
  /** Steps every alert's severity moves down: many incidents are low-grade noise. */
  severityShift: number;
  /** On a merge target: the incident merged into it, and how many of its alerts came from it. */
  mergedFrom: Plan | null;
  sourceAlertCount: number;
};

/** Alerts per incident, 1..12: mostly small, a long tail, ≈5.2 on average. */
const ALERT_COUNT_WEIGHTS = [14, 13, 12, 10, 9, 8, 8, 7, 6, 5, 4, 4].map(
  (w, i) => [i + 1, w] as const,
);

const SEVERITY_SHIFT_WEIGHTS = [
  [0, 50],
  [1, 35],
  [2, 15],
] as const;

const LIVE_STATUS_WEIGHTS = [
  ['active', 55],
  ['inProgress', 25],
  ['resolved', 15],
] as const satisfies readonly (readonly [IncidentStatus, number])[];

const THEME_WEIGHTS = THEMES.filter((t) => t.weight > 0).map((t) => [t, t.weight] as const);
const SENTINEL_THEME = THEMES.find((t) => t.key === 'sentinel') as Theme;

/** The plans of `n` incidents, in id order. */
export function planIncidents(rng: Rng, n: number, nowMs: number): Plan[] {
  // Creation times over the last 29 days (the alerts' activity may start up to a day before),
  // sorted so that ids grow with time as Defender's do.
  const times = new Float64Array(n);
  const oldest = nowMs - 29 * DAY;
  const newest = nowMs - 20 * MINUTE;
  for (let i = 0; i < n; i++) times[i] = Math.floor(oldest + rng.next() * (newest - oldest));
  times.sort();

  const plans: Plan[] = [];
  const isTarget = new Set<number>();
  for (let i = 0; i < n; i++) {
    const plan: Plan = {
      index: i,
      id: String(i + 1),
      t0: times[i] as number,
      theme: SENTINEL_THEME,
      status: 'active',
      alertCount: rng.weighted(ALERT_COUNT_WEIGHTS),
      workspace: null,
      customName: false,
      severityByHand: false,
      severityShift: rng.weighted(SEVERITY_SHIFT_WEIGHTS),
      mergedFrom: null,
      sourceAlertCount: 0,
    };
    plans.push(plan);

    if (rng.chance(0.08)) {
      plan.workspace = rng.chance(0.75)
        ? (SENTINEL_WORKSPACES[0] as WorkspaceRef)
        : (SENTINEL_WORKSPACES[1] as WorkspaceRef);
    } else {
      plan.theme = rng.weighted(THEME_WEIGHTS);
    }

    // ~5% were merged into an earlier, related incident (same theme, a few days back at most).
    if (i >= 10 && plan.workspace === null && rng.chance(0.055)) {
      for (let attempt = 0; attempt < 10; attempt++) {
        const j = i - rng.int(1, Math.min(i, 40));
        const target = plans[j] as Plan;
        if (
          target.status === 'redirected' ||
          target.workspace !== null ||
          target.customName ||
          target.alertCount < 2 ||
          isTarget.has(j)
        ) {
          continue;
        }
        isTarget.add(j);
        plan.status = 'redirected';
        plan.theme = target.theme;
        plan.alertCount = 0;
        target.mergedFrom = plan;
        target.sourceAlertCount = rng.int(1, Math.min(3, target.alertCount - 1));
        break;
      }
      if (plan.status === 'redirected') continue;
    }

    plan.status = rng.weighted(LIVE_STATUS_WEIGHTS);
    plan.customName = rng.chance(0.05);
    plan.severityByHand = rng.chance(0.03);
  }
  return plans;
}
