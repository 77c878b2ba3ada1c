/**
 * Managing one alert (SPEC.md §3.7): PATCH of its status, owner, classification and
 * determination, and comments. Changes are logged on the alert's incident, one audit per field.
 */
import { mergeLocked } from '@/domain/outcome';
import * as audit from '@/domain/audit';
import { checkClassificationPair, determinationAfterReclassifying } from '@/domain/classification';
import type { AlertClassification, AlertDetermination } from '@/domain/enums';
import { alertWriteDenial, type Persona } from '@/domain/identity';
import { fail, ok, type IncidentStore } from './incident-store';
import type { AlertRecord, CommentRecord, Outcome } from './types';

export const UPDATABLE_ALERT_PROPERTIES = [
  'assignedTo',
  'classification',
  'determination',
  'status',
] as const;

/** A parsed alert PATCH: only the properties the client sent; an unset value is `null`. */
export type AlertPatch = {
  assignedTo?: string | null;
  status?: 'new' | 'inProgress' | 'resolved';
  classification?: AlertClassification | null;
  determination?: AlertDetermination | null;
};

/** The checks every write to an alert makes: 404, 403, 409 (its incident is being merged). */
function checkAlertWritable(
  store: IncidentStore,
  persona: Persona,
  id: string,
): Outcome<AlertRecord> {
  const alert = store.alert(id);
  if (!alert || !store.canSeeAlert(persona, alert)) {
    return fail('notFound', `Alert ${id} was not found.`);
  }
  const denial = alertWriteDenial(persona, id, [alert.serviceSource]);
  if (denial) return fail('forbidden', denial);
  if (store.isLocked(alert.incidentId)) {
    return mergeLocked([alert.incidentId], id);
  }
  return ok(alert);
}

/**
 * PATCH an alert. Classification and determination follow the incident's rules: changing only
 * the classification clears a determination that no longer fits; a mismatched pair is refused.
 */
export function updateAlert(
  store: IncidentStore,
  persona: Persona,
  id: string,
  patch: AlertPatch,
): Outcome<AlertRecord> {
  const writable = checkAlertWritable(store, persona, id);
  if (!writable.ok) return writable;
  const current = writable.value;
  const next: Pick<AlertRecord, 'assignedTo' | 'classification' | 'determination' | 'status'> = {
    assignedTo: patch.assignedTo !== undefined ? patch.assignedTo : (current.assignedTo ?? null),
    classification:
      patch.classification !== undefined ? patch.classification : (current.classification ?? null),
    determination: current.determination ?? null,
    status: patch.status ?? current.status,
  };
  if (patch.determination !== undefined) next.determination = patch.determination;
  else if (patch.classification !== undefined) {
    next.determination = determinationAfterReclassifying(next.classification, next.determination);
  }
  const problem = checkClassificationPair(next.classification, next.determination);
  if (problem) return fail('invalid', problem);

  const changed = (['status', 'assignedTo', 'classification', 'determination'] as const).filter(
    (k) => (current[k] ?? null) !== next[k],
  );
  if (changed.length === 0) return ok(current);
  return store.transact(persona.upn, (tx) => {
    const edit = tx.editAlert(id);
    Object.assign(edit, next);
    edit.lastUpdateDateTime = tx.now;
    if (next.status === 'resolved' && current.status !== 'resolved') edit.resolvedDateTime = tx.now;
    if (next.status !== 'resolved') edit.resolvedDateTime = null;
    // The incident changed too (its alert did): its etag and last update follow.
    tx.editIncident(current.incidentId).lastModifiedBy = persona.upn;
    for (const k of changed) {
      tx.record(
        current.incidentId,
        audit.alertFieldChanged(current, k, current[k] ?? null, next[k] ?? null),
      );
    }
    return ok(edit);
  });
}

/** Adds a comment to an alert: on the alert (Graph `comments`) and in its incident's log. */
export function addAlertComment(
  store: IncidentStore,
  persona: Persona,
  id: string,
  comment: string,
): Outcome<CommentRecord[]> {
  const writable = checkAlertWritable(store, persona, id);
  if (!writable.ok) return writable;
  const alert = writable.value;
  return store.transact(persona.upn, (tx) => {
    const edit = tx.editAlert(id);
    const comments: CommentRecord[] = [
      ...((edit.comments ?? []) as CommentRecord[]),
      { comment, createdByDisplayName: persona.upn, createdDateTime: tx.now },
    ];
    edit.comments = comments;
    edit.lastUpdateDateTime = tx.now;
    tx.editIncident(alert.incidentId).lastModifiedBy = persona.upn;
    tx.record(alert.incidentId, audit.alertCommentAdded(persona.displayName, alert, comment));
    return ok(comments);
  });
}
