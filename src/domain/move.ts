/**
 * Moving alerts to another incident (seed 001; SPEC.md §3.6, §6): the preconditions, shared by
 * the store (which enforces them) and the move flyout (which previews them).
 */
import { INCIDENT_STATUS_LABELS, type IncidentStatus } from './enums';
import { LIMITS } from './limits';

export type MovingAlert = { id: string; title: string; incidentId: string };

/** The destination: an existing incident, or `null` for a new one. */
export type MoveDestination = {
  id: string;
  status: IncidentStatus;
  /** Alerts it holds now (home + related). */
  alertCount: number;
} | null;

type MoveCheckId = 'count' | 'destination' | 'notAlreadyThere' | 'permission' | 'alertCap';

export type MoveCheck = { id: MoveCheckId; passed: boolean; label: string; problem?: string };

/**
 * Every precondition of a move. `denial` says why the caller may not write the alerts, the
 * incidents they leave, or the destination (undefined when it may).
 */
export function checkMove(
  alerts: readonly MovingAlert[],
  destination: MoveDestination,
  denial: string | undefined,
): MoveCheck[] {
  const checks: MoveCheck[] = [
    {
      id: 'count',
      passed: alerts.length >= 1,
      label: 'At least one alert',
      ...(alerts.length === 0 ? { problem: 'Select at least one alert to move.' } : {}),
    },
  ];
  if (destination) {
    const closed = destination.status === 'resolved' || destination.status === 'redirected';
    checks.push({
      id: 'destination',
      passed: !closed,
      label: 'The destination is open',
      ...(closed
        ? {
            problem: `Incident ${destination.id} is ${INCIDENT_STATUS_LABELS[destination.status].toLowerCase()}; alerts can only be moved to an active or in-progress incident.`,
          }
        : {}),
    });
    const incoming = alerts.filter((a) => a.incidentId !== destination.id);
    checks.push({
      id: 'notAlreadyThere',
      passed: alerts.length === 0 || incoming.length > 0,
      label: 'Some alert is not already there',
      ...(alerts.length > 0 && incoming.length === 0
        ? {
            problem: `${alerts.length === 1 ? 'The alert is' : 'All the alerts are'} already in incident ${destination.id}.`,
          }
        : {}),
    });
    const total = destination.alertCount + incoming.length;
    checks.push({
      id: 'alertCap',
      passed: total <= LIMITS.maxAlertsPerIncident,
      label: `At most ${LIMITS.maxAlertsPerIncident} alerts in the destination`,
      ...(total > LIMITS.maxAlertsPerIncident
        ? {
            problem: `Incident ${destination.id} would hold ${total} alerts; an incident holds at most ${LIMITS.maxAlertsPerIncident}. Move fewer alerts or create a new incident.`,
          }
        : {}),
    });
  } else if (alerts.length > LIMITS.maxAlertsPerIncident) {
    checks.push({
      id: 'alertCap',
      passed: false,
      label: `At most ${LIMITS.maxAlertsPerIncident} alerts in the destination`,
      problem: `A new incident can hold at most ${LIMITS.maxAlertsPerIncident} alerts; ${alerts.length} were selected.`,
    });
  }
  checks.push({
    id: 'permission',
    passed: denial === undefined,
    label: 'You can change the alerts, the incidents they leave and the destination',
    ...(denial ? { problem: denial } : {}),
  });
  return checks;
}

/**
 * The incidents a move would leave without alerts: `remaining` maps each source incident to the
 * number of alerts it holds now.
 */
export function incidentsLeftEmpty(
  alerts: readonly MovingAlert[],
  destinationId: string | null,
  remaining: ReadonlyMap<string, number>,
): string[] {
  const leaving = new Map<string, number>();
  for (const a of alerts) {
    if (a.incidentId !== destinationId)
      leaving.set(a.incidentId, (leaving.get(a.incidentId) ?? 0) + 1);
  }
  return [...leaving].filter(([id, n]) => (remaining.get(id) ?? 0) <= n).map(([id]) => id);
}
