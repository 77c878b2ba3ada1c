/**
 * Moving alerts to another incident (seed 001; SPEC.md §3.6, §6): the preconditions, shared by
 * the store (which enforces them) and the move flyout (which previews them).
 */
import { INCIDENT_STATUS_LABELS, type IncidentStatus, type ServiceSource } from './enums';
import { MERGE_AND_MOVE_PERMISSION, writeDenial, type Persona } from './identity';
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

/**
 * An incident a move writes, as its permission check reads it: the sources of its alerts, and
 * whether it holds data the caller cannot see (the `@mock.canManage` annotation, for the UI).
 */
export type MoveWriteTarget = { id: string; sources: Iterable<ServiceSource>; hidden?: boolean };

/**
 * Why the persona may not make this move, worded as the server refuses it, or `undefined`: it
 * must be allowed to change the alerts and the destination together, the destination itself,
 * and every incident the alerts leave (SPEC.md §11.3). The store refuses with it and the flyout
 * previews it.
 */
export function moveDenial(
  persona: Persona,
  alertSources: Iterable<ServiceSource>,
  destination: MoveWriteTarget | null,
  origins: readonly MoveWriteTarget[],
): string | undefined {
  const permission = MERGE_AND_MOVE_PERMISSION;
  const what = destination ? `the alerts or incident ${destination.id}` : 'the alerts';
  const together = [...alertSources, ...(destination ? destination.sources : [])];
  const incident = (target: MoveWriteTarget) =>
    writeDenial(persona, target.sources, `incident ${target.id}`, {
      permission,
      hidden: target.hidden ?? false,
    });
  return (
    writeDenial(persona, together, what, { permission }) ??
    (destination ? incident(destination) : undefined) ??
    origins
      .filter((origin) => origin.id !== destination?.id)
      .map(incident)
      .find((denial) => denial !== undefined)
  );
}
