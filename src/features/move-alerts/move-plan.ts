/**
 * What the move flyout previews before Save (seed 001; SPEC.md §6): the same rules the server
 * enforces (src/domain/move.ts), fed with what the flyout has loaded.
 */
import type { MoveAlertsRequest } from '@/api/alerts/alerts-api';
import { formatCorrelationReasons, type CorrelationReason } from '@/domain/correlation';
import type { Alert, Incident } from '@/domain/graph';
import { heldAlertCount } from '@/domain/relations';
import { CAN_MANAGE_ANNOTATION, incidentWriteDenial, type Persona } from '@/domain/identity';
import { alertSources } from '@/domain/sources';
import {
  checkMove,
  incidentsLeftEmpty,
  moveDenial,
  type MoveCheck,
  type MoveWriteTarget,
  type MoveDestination,
  type MovingAlert,
} from '@/domain/move';

/** Where the analyst sends the alerts: not chosen yet, an existing incident, or a new one. */
export type DestinationChoice = 'existing' | 'new';

/** The flyout's title, in the seed's words: one alert, or several. */
export function moveTitle(alertCount: number): string {
  return alertCount === 1
    ? 'Move alert to another incident'
    : 'Move multiple alerts to another incident';
}

/** The loaded alerts as the move rules see them. */
export function toMovingAlerts(alerts: readonly Alert[]): MovingAlert[] {
  return alerts.map((a) => ({
    id: a.id ?? '',
    title: a.title ?? a.id ?? '',
    incidentId: a.incidentId ?? '',
  }));
}

/**
 * An incident (read with its alerts) as a move destination; `related` is live mode's count of the
 * alerts Sentinel relates to it (real Graph lists only its home alerts).
 */
export function toDestination(incident: Incident, related?: number): NonNullable<MoveDestination> {
  return {
    id: incident.id ?? '',
    status: incident.status ?? 'active',
    // Home and related alike: the store's 150-alert check counts both (seed 004).
    alertCount: heldAlertCount(incident, related),
  };
}

/** An incident as the move's permission check reads it (`moveDenial`). */
const writeTarget = (incident: Incident): MoveWriteTarget => ({
  id: incident.id ?? '',
  sources: alertSources(incident.alerts),
  hidden: incident[CAN_MANAGE_ANNOTATION] === false,
});

/**
 * Whether an incident may be offered as the destination: it must not already hold every moving
 * alert, and the persona must be able to write it.
 */
export function isEligibleDestination(
  incident: Incident,
  moving: readonly MovingAlert[],
  persona: Persona | undefined,
): boolean {
  if (moving.length > 0 && moving.every((a) => a.incidentId === incident.id)) return false;
  return incidentWriteDenial(persona, incident) === undefined;
}

export type MovePreview = {
  checks: MoveCheck[];
  /** Every check passed. */
  ready: boolean;
  /** Source incidents the move would leave without alerts. */
  leftEmpty: string[];
};

/**
 * The checks and consequences of moving `alerts` to `destination` (null: a new incident).
 * `origins` maps each source incident's id to the incident; `destinationRelated` is live mode's
 * count of the alerts related to the destination.
 */
export function previewMove(
  alerts: readonly Alert[],
  destination: Incident | null,
  persona: Persona | undefined,
  origins: ReadonlyMap<string, Incident>,
  destinationRelated?: number,
): MovePreview {
  const moving = toMovingAlerts(alerts);
  const checks = checkMove(
    moving,
    destination ? toDestination(destination, destinationRelated) : null,
    persona &&
      moveDenial(
        persona,
        alertSources(alerts),
        destination ? writeTarget(destination) : null,
        [...origins].map(([id, origin]) => ({ ...writeTarget(origin), id })),
      ),
  );
  // What each source incident holds now. An incident the persona may not change holds alerts
  // it cannot see, so it is never told it will be emptied; the move is refused anyway.
  const remaining = new Map(
    [...origins].map(([id, origin]) => [
      id,
      incidentWriteDenial(persona, origin) === undefined
        ? (origin.alerts?.length ?? 0)
        : Number.POSITIVE_INFINITY,
    ]),
  );
  return {
    checks,
    ready: checks.every((c) => c.passed),
    leftEmpty: incidentsLeftEmpty(moving, destination?.id ?? null, remaining),
  };
}

/** The body of `moveAlerts` for what the analyst filled in. */
export function moveRequest(
  alertIds: readonly string[],
  destination: Incident | null,
  comment: string,
  reasons: readonly CorrelationReason[],
): MoveAlertsRequest {
  const body: MoveAlertsRequest = { alertIds: [...alertIds], incidentId: destination?.id ?? null };
  if (comment.trim() !== '') body.alertComment = comment.trim();
  if (reasons.length > 0) body.newCorrelationReasons = formatCorrelationReasons(reasons);
  return body;
}
