import { SEVERITY_RANK, type AlertSeverity } from './enums';

/**
 * An incident's severity is the highest severity of its alerts (seed 003, "Assign or change
 * incident severity"). With no alerts there is nothing to derive from: `undefined`.
 */
export function deriveSeverity(
  alertSeverities: Iterable<AlertSeverity>,
): AlertSeverity | undefined {
  let best: AlertSeverity | undefined;
  for (const s of alertSeverities) {
    if (best === undefined || SEVERITY_RANK[s] > SEVERITY_RANK[best]) best = s;
  }
  return best;
}

/** The severities an analyst may set by hand on an incident (seed 003). */
export const SETTABLE_SEVERITIES = [
  'high',
  'medium',
  'low',
  'informational',
] as const satisfies readonly AlertSeverity[];
