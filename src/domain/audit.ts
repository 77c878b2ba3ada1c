/**
 * The activity log's wording, once (SPEC.md §10): every audit and comment entry the seed or the
 * store writes is built here, so an entry reads the same whether the demo data or a live
 * operation wrote it. Builders return drafts; the writer stamps id, incident, time and actor.
 *
 * An entry that concerns alerts lists them in `alertIds`, so that `redactForReader` can leave out
 * or re-word what a scoped reader may not see (SPEC.md §11.3).
 */
import type { ActivityEntry } from './activity';
import { CORRELATION_ACTOR, SYSTEM_ACTOR } from './activity';
import { correlationReasonLabel, type CorrelationReason } from './correlation';
import {
  ALERT_STATUS_LABELS,
  CLASSIFICATION_LABELS,
  DETERMINATION_LABELS,
  INCIDENT_STATUS_LABELS,
  SEVERITY_LABELS,
  type AlertClassification,
  type AlertDetermination,
  type AlertSeverity,
  type IncidentStatus,
} from './enums';

/** An entry before it is filed: the writer adds id, incident and time, and the actor if absent. */
export type AuditDraft = Omit<
  ActivityEntry,
  'id' | 'incidentId' | 'createdDateTime' | 'performedBy'
> & { performedBy?: string };

/** An alert as audits name it. */
export type AuditedAlert = { id: string; title: string };
/** An incident as audits name it. */
export type AuditedIncident = { id: string; displayName: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** An owner as the log shows it: the assigned user's UPN or the group's name. */
const ownerText = (owner: string | null | undefined) =>
  owner === null || owner === undefined || owner === '' ? 'Unassigned' : owner;

const labelled = (labels: Record<string, string>, value: string | null | undefined) =>
  value ? (labels[value] ?? value) : 'Not set';

const reasonsText = (title: string, reasons: readonly CorrelationReason[]) =>
  reasons.length ? ` ${title}: ${reasons.map(correlationReasonLabel).join(', ')}.` : '';

// ---------------------------------------------------------------- alerts arriving

/** The correlation engine opened the incident for its first alert. */
export function incidentCreatedFromAlert(alert: AuditedAlert): AuditDraft {
  return {
    kind: 'audit',
    performedBy: CORRELATION_ACTOR,
    category: 'incident',
    action: 'incidentCreated',
    description: `Incident created from alert '${alert.title}'.`,
    targetType: 'alert',
    targetId: alert.id,
    targetName: alert.title,
    alertIds: [alert.id],
  };
}

/** The correlation engine added an alert to the incident. */
export function alertCorrelated(alert: AuditedAlert): AuditDraft {
  return {
    kind: 'audit',
    performedBy: CORRELATION_ACTOR,
    category: 'alert',
    action: 'alertCorrelated',
    description: `Alert '${alert.title}' was correlated to this incident.`,
    targetType: 'alert',
    targetId: alert.id,
    targetName: alert.title,
    alertIds: [alert.id],
  };
}

/** Severity followed the incident's alerts (it was not set by hand). */
export function severityDerived(from: AlertSeverity, to: AlertSeverity): AuditDraft {
  return {
    kind: 'audit',
    performedBy: SYSTEM_ACTOR,
    category: 'incident',
    action: 'severityChanged',
    description: `Severity changed from ${SEVERITY_LABELS[from]} to ${SEVERITY_LABELS[to]} as the incident's alerts changed.`,
    targetType: 'incident',
    oldValue: from,
    newValue: to,
  };
}

// ---------------------------------------------------------------- managing the incident

export function displayNameChanged(from: string, to: string): AuditDraft {
  return {
    kind: 'audit',
    category: 'incident',
    action: 'displayNameChanged',
    description: `Incident name changed from '${from}' to '${to}'.`,
    targetType: 'incident',
    oldValue: from,
    newValue: to,
  };
}

/** An analyst set the severity by hand (it stops following the alerts). */
export function severitySet(from: AlertSeverity, to: AlertSeverity): AuditDraft {
  return {
    kind: 'audit',
    category: 'incident',
    action: 'severityChanged',
    description: `Severity set to ${SEVERITY_LABELS[to]} (was ${SEVERITY_LABELS[from]}).`,
    targetType: 'incident',
    oldValue: from,
    newValue: to,
  };
}

/** `note` is the resolving comment shown beside a resolution. */
export function statusChanged(
  from: IncidentStatus,
  to: IncidentStatus,
  note?: string | null,
): AuditDraft {
  return {
    kind: 'audit',
    category: 'incident',
    action: 'statusChanged',
    description: `Status changed from ${INCIDENT_STATUS_LABELS[from]} to ${INCIDENT_STATUS_LABELS[to]}.`,
    targetType: 'incident',
    oldValue: from,
    newValue: to,
    ...(to === 'resolved' && note ? { comment: note } : {}),
  };
}

export function assignmentChanged(from: string | null, to: string | null): AuditDraft {
  return {
    kind: 'audit',
    category: 'assignment',
    action: 'assignedToChanged',
    description: to
      ? `Assigned to ${to} (was ${ownerText(from)}).`
      : `Unassigned (was ${ownerText(from)}).`,
    targetType: 'incident',
    oldValue: from,
    newValue: to,
  };
}

export function classificationChanged(
  from: AlertClassification | null,
  to: AlertClassification | null,
): AuditDraft {
  return {
    kind: 'audit',
    category: 'classification',
    action: 'classificationChanged',
    description: `Classification changed from ${labelled(CLASSIFICATION_LABELS, from)} to ${labelled(CLASSIFICATION_LABELS, to)}.`,
    targetType: 'incident',
    oldValue: from,
    newValue: to,
  };
}

export function determinationChanged(
  from: AlertDetermination | null,
  to: AlertDetermination | null,
): AuditDraft {
  return {
    kind: 'audit',
    category: 'classification',
    action: 'determinationChanged',
    description: `Determination changed from ${labelled(DETERMINATION_LABELS, from)} to ${labelled(DETERMINATION_LABELS, to)}.`,
    targetType: 'incident',
    oldValue: from,
    newValue: to,
  };
}

/** The custom tags changed; undefined when `before` and `after` hold the same tags. */
export function tagsChanged(
  before: readonly string[],
  after: readonly string[],
): AuditDraft | undefined {
  const added = after.filter((t) => !before.includes(t));
  const removed = before.filter((t) => !after.includes(t));
  if (added.length === 0 && removed.length === 0) return undefined;
  const parts = [
    added.length ? `added ${quoted(added)}` : '',
    removed.length ? `removed ${quoted(removed)}` : '',
  ].filter(Boolean);
  return {
    kind: 'audit',
    category: 'tag',
    action: 'customTagsChanged',
    description: `Tags ${parts.join('; ')}.`,
    targetType: 'incident',
    oldValue: [...before],
    newValue: [...after],
  };
}

const TEXT_FIELD_NAMES = {
  description: 'Description',
  summary: 'Summary',
  resolvingComment: 'Resolution note',
} as const;

/** A free-text field changed; the log says that, not the text. */
export function textFieldChanged(
  field: keyof typeof TEXT_FIELD_NAMES,
  from: string | null,
  to: string | null,
): AuditDraft {
  const name = TEXT_FIELD_NAMES[field];
  return {
    kind: 'audit',
    category: 'incident',
    action: `${field}Changed`,
    description: to ? `${name} updated.` : `${name} cleared.`,
    targetType: 'incident',
    oldValue: from,
    newValue: to,
  };
}

/** Resolving the incident resolved its open alerts too (SPEC.md §8). */
export function alertsResolvedWithIncident(alertIds: readonly string[]): AuditDraft {
  return {
    kind: 'audit',
    category: 'alert',
    action: 'alertsResolved',
    description: `Resolving the incident resolved ${plural(alertIds.length, 'linked active alert')}.`,
    newValue: [...alertIds],
    alertIds: [...alertIds],
  };
}

/** `actorName` is the commenter's display name; the entry's actor stays their UPN. */
export function commentAdded(actorName: string, comment: string): AuditDraft {
  return {
    kind: 'comment',
    category: 'comment',
    action: 'commentAdded',
    description: `${actorName} added a comment.`,
    comment,
  };
}

// ---------------------------------------------------------------- managing an alert

const ALERT_FIELD_NAMES = {
  status: 'Status',
  assignedTo: 'Assignment',
  classification: 'Classification',
  determination: 'Determination',
} as const;
export type AuditedAlertField = keyof typeof ALERT_FIELD_NAMES;

const alertValueText = (field: AuditedAlertField, value: string | null) =>
  field === 'assignedTo'
    ? ownerText(value)
    : labelled(
        field === 'status'
          ? ALERT_STATUS_LABELS
          : field === 'classification'
            ? CLASSIFICATION_LABELS
            : DETERMINATION_LABELS,
        value,
      );

/** A field of one of the incident's alerts changed (logged on the alert's incident). */
export function alertFieldChanged(
  alert: AuditedAlert,
  field: AuditedAlertField,
  from: string | null,
  to: string | null,
): AuditDraft {
  return {
    kind: 'audit',
    category:
      field === 'assignedTo' ? 'assignment' : field === 'status' ? 'alert' : 'classification',
    action: `alert${field[0]?.toUpperCase() ?? ''}${field.slice(1)}Changed`,
    description: `${ALERT_FIELD_NAMES[field]} of alert '${alert.title}' changed from ${alertValueText(field, from)} to ${alertValueText(field, to)}.`,
    targetType: 'alert',
    targetId: alert.id,
    targetName: alert.title,
    oldValue: from,
    newValue: to,
    alertIds: [alert.id],
  };
}

export function alertCommentAdded(
  actorName: string,
  alert: AuditedAlert,
  comment: string,
): AuditDraft {
  return {
    kind: 'comment',
    category: 'comment',
    action: 'alertCommentAdded',
    description: `${actorName} commented on alert '${alert.title}'.`,
    targetType: 'alert',
    targetId: alert.id,
    targetName: alert.title,
    comment,
    alertIds: [alert.id],
  };
}

// ---------------------------------------------------------------- moving alerts

/** A move created the incident for its alerts. */
export function incidentCreatedByMove(
  incidentId: string,
  by: string,
  alertIds: readonly string[],
): AuditDraft {
  return {
    kind: 'audit',
    category: 'incident',
    action: 'incidentCreated',
    description: `Incident created by ${by} from ${plural(alertIds.length, 'moved alert')}.`,
    targetType: 'incident',
    targetId: incidentId,
    alertIds: [...alertIds],
  };
}

/** An alert arrived by a move (logged on the destination). */
export function alertMovedIn(
  alert: AuditedAlert,
  fromIncidentId: string,
  toIncidentId: string,
  by: string,
  reasons: readonly CorrelationReason[],
  comment: string | null,
): AuditDraft {
  return {
    kind: 'audit',
    category: 'alert',
    action: 'alertCorrelated',
    description: `Alert '${alert.title}' (${alert.id}) was correlated to this incident, moved from incident ${fromIncidentId} by ${by}.${reasonsText('Correlation reasons', reasons)}`,
    targetType: 'alert',
    targetId: alert.id,
    targetName: alert.title,
    oldValue: fromIncidentId,
    newValue: toIncidentId,
    alertIds: [alert.id],
    ...(comment ? { comment } : {}),
  };
}

/** An alert left by a move (logged on the incident it left). */
export function alertMovedOut(
  alert: AuditedAlert,
  fromIncidentId: string,
  to: AuditedIncident,
  by: string,
  comment: string | null,
): AuditDraft {
  return {
    kind: 'audit',
    category: 'alert',
    action: 'alertMovedOut',
    description: `Alert '${alert.title}' (${alert.id}) was moved to incident '${to.displayName}' (${to.id}) by ${by}.`,
    targetType: 'alert',
    targetId: alert.id,
    targetName: alert.title,
    oldValue: fromIncidentId,
    newValue: to.id,
    alertIds: [alert.id],
    ...(comment ? { comment } : {}),
  };
}

/** A move took the incident's last alert, and an empty incident is resolved. */
export function resolvedWhenEmptied(destinationId: string, was: IncidentStatus): AuditDraft {
  return {
    kind: 'audit',
    category: 'incident',
    action: 'statusChanged',
    performedBy: CORRELATION_ACTOR,
    description: `Incident resolved: all its alerts were moved to incident ${destinationId}, leaving it empty.`,
    oldValue: was,
    newValue: 'resolved',
  };
}

/** The resolving comment an emptied incident gets. */
export const emptiedResolvingComment = (destinationId: string) =>
  `All alerts were moved to incident ${destinationId}.`;

// ---------------------------------------------------------------- relating alerts (Sentinel)

/** An alert was related to the incident besides its home incident (seed 004). */
export function alertAdded(alert: AuditedAlert, by: string): AuditDraft {
  return {
    kind: 'audit',
    category: 'relation',
    action: 'alertRelated',
    description: `Alert '${alert.title}' (${alert.id}) was added to this incident by ${by}.`,
    targetType: 'alert',
    targetId: alert.id,
    targetName: alert.title,
    alertIds: [alert.id],
  };
}

/** A related alert was removed from the incident; it stays in its home incident. */
export function alertRemoved(alert: AuditedAlert, by: string): AuditDraft {
  return {
    kind: 'audit',
    category: 'relation',
    action: 'alertUnrelated',
    description: `Alert '${alert.title}' (${alert.id}) was removed from this incident by ${by}.`,
    targetType: 'alert',
    targetId: alert.id,
    targetName: alert.title,
    alertIds: [alert.id],
  };
}

// ---------------------------------------------------------------- merging incidents

/** Facts the target's merge audit keeps, so it can be re-worded for a scoped reader. */
export type MergeFacts = {
  sourceIncidentIds: string[];
  sourceNames: string[];
  movedAlertIds: string[];
  mergeReasons: CorrelationReason[];
};

function mergedDescription(facts: MergeFacts, movedCount: number): string {
  const named = facts.sourceIncidentIds
    .map((id, i) => `'${facts.sourceNames[i] ?? ''}' (${id})`)
    .join(', ');
  const which = facts.sourceIncidentIds.length === 1 ? 'incident' : 'incidents';
  return `Merged ${which} ${named} into this incident; ${plural(movedCount, 'alert')} moved here.${reasonsText('Merge reasons', facts.mergeReasons)}`;
}

/** The merge, as the target's log tells it. */
export function incidentsMerged(
  target: AuditedIncident,
  sources: readonly AuditedIncident[],
  movedAlertIds: readonly string[],
  mergeReasons: readonly CorrelationReason[],
  comment: string | null,
): AuditDraft {
  const facts: MergeFacts = {
    sourceIncidentIds: sources.map((s) => s.id),
    sourceNames: sources.map((s) => s.displayName),
    movedAlertIds: [...movedAlertIds],
    mergeReasons: [...mergeReasons],
  };
  return {
    kind: 'audit',
    category: 'merge',
    action: 'incidentsMerged',
    description: mergedDescription(facts, movedAlertIds.length),
    targetType: 'incident',
    targetId: target.id,
    targetName: target.displayName,
    newValue: facts,
    alertIds: [...movedAlertIds],
    ...(comment ? { comment } : {}),
  };
}

/** The merge, as each source's log tells it. */
export function mergedInto(
  target: AuditedIncident,
  by: string,
  mergeReasons: readonly CorrelationReason[],
  was: IncidentStatus,
): AuditDraft {
  return {
    kind: 'audit',
    category: 'merge',
    action: 'mergedInto',
    performedBy: CORRELATION_ACTOR,
    description: `Merged into incident '${target.displayName}' (${target.id}) by ${by}; its alerts, tags and activity moved there.${reasonsText('Merge reasons', mergeReasons)}`,
    targetType: 'incident',
    targetId: target.id,
    targetName: target.displayName,
    oldValue: was,
    newValue: 'redirected',
  };
}

/** The comment an analyst gave with a merge. */
export function mergeCommented(actorName: string, comment: string): AuditDraft {
  return {
    kind: 'comment',
    category: 'comment',
    action: 'commentAdded',
    description: `${actorName} commented on the merge.`,
    comment,
  };
}

/** The target's automatic name followed its new alerts. */
export function renamedByMerge(from: string, to: string): AuditDraft {
  return {
    kind: 'audit',
    category: 'incident',
    action: 'displayNameChanged',
    performedBy: CORRELATION_ACTOR,
    description: `Incident name changed from '${from}' to '${to}' after the merge.`,
    oldValue: from,
    newValue: to,
  };
}

const CARRIED_FIELD_NAMES = {
  assignedTo: 'Assigned to',
  classification: 'Classification',
  determination: 'Determination',
} as const;

/** An owner, classification or determination the target took from a merged incident. */
export function carriedByMerge(
  field: keyof typeof CARRIED_FIELD_NAMES,
  from: string | null,
  to: string | null,
): AuditDraft {
  return {
    kind: 'audit',
    category: field === 'assignedTo' ? 'assignment' : 'classification',
    action: `${field}Changed`,
    performedBy: CORRELATION_ACTOR,
    description: `${CARRIED_FIELD_NAMES[field]} set to ${field === 'assignedTo' ? ownerText(to) : labelled(field === 'classification' ? CLASSIFICATION_LABELS : DETERMINATION_LABELS, to)} from a merged incident.`,
    oldValue: from,
    newValue: to,
  };
}

/** Tags the target took from merged incidents; undefined when none was new. */
export function tagsAddedByMerge(
  before: readonly string[],
  after: readonly string[],
): AuditDraft | undefined {
  const added = after.filter((t) => !before.includes(t));
  if (added.length === 0) return undefined;
  return {
    kind: 'audit',
    category: 'tag',
    action: 'customTagsChanged',
    performedBy: CORRELATION_ACTOR,
    description: `Tags added from merged incidents: ${quoted(added)}.`,
    oldValue: [...before],
    newValue: [...after],
  };
}

// ---------------------------------------------------------------- what a reader may see

/**
 * The entry as a reader who may see only some alerts reads it (SPEC.md §11.3): unchanged when
 * it concerns no hidden alert, left out (undefined) when it concerns only hidden ones, and
 * re-worded from its facts when it concerns both — so no text, id or count gives a hidden alert
 * away.
 */
export function redactForReader(
  entry: ActivityEntry,
  canSeeAlert: (alertId: string) => boolean,
): ActivityEntry | undefined {
  const ids = entry.alertIds ?? [];
  if (ids.length === 0) return entry;
  const visible = ids.filter(canSeeAlert);
  if (visible.length === ids.length) return entry;
  if (visible.length === 0) return undefined;
  switch (entry.action) {
    case 'incidentsMerged': {
      const facts = entry.newValue as MergeFacts;
      const redacted: MergeFacts = { ...facts, movedAlertIds: visible };
      return {
        ...entry,
        description: mergedDescription(redacted, visible.length),
        newValue: redacted,
        alertIds: visible,
      };
    }
    case 'alertsResolved':
      return {
        ...entry,
        description: alertsResolvedWithIncident(visible).description,
        newValue: visible,
        alertIds: visible,
      };
    case 'incidentCreated':
      return {
        ...entry,
        description: incidentCreatedByMove(entry.incidentId, entry.performedBy, visible)
          .description,
        alertIds: visible,
      };
    default:
      // An entry about several alerts that no rule above re-words says too much: leave it out.
      return undefined;
  }
}
