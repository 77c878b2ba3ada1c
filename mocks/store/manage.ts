/**
 * Managing one incident (SPEC.md §3.3, §3.4, §8): PATCH of its updatable properties and comments.
 * Each operation validates everything before staging anything, so a refusal changes nothing.
 */
import {
  ALERT_STATUS_LABELS,
  CLASSIFICATIONS,
  CLASSIFICATION_LABELS,
  DETERMINATIONS,
  DETERMINATION_LABELS,
  INCIDENT_STATUS_LABELS,
  parseEnum,
  SEVERITY_LABELS,
} from '@/domain/enums';
import type {
  AlertClassification,
  AlertDetermination,
  AlertSeverity,
  IncidentStatus,
} from '@/domain/enums';
import { checkClassificationPair, determinationAfterReclassifying } from '@/domain/classification';
import { writeDenial, type Persona } from '@/domain/identity';
import { LIMITS } from '@/domain/limits';
import { SETTABLE_SEVERITIES } from '@/domain/severity';
import { etagOf, fail, ok, type IncidentStore } from './incident-store';
import type { AlertRecord, CommentRecord, IncidentRecord, Result } from './types';

export const UPDATABLE_INCIDENT_PROPERTIES = [
  'assignedTo',
  'classification',
  'customTags',
  'description',
  'determination',
  'displayName',
  'resolvingComment',
  'severity',
  'status',
  'summary',
] as const;
type Updatable = (typeof UPDATABLE_INCIDENT_PROPERTIES)[number];

/** A validated PATCH: only the properties the client sent. */
export type IncidentPatch = {
  assignedTo?: string | null;
  classification?: AlertClassification | null;
  determination?: AlertDetermination | null;
  customTags?: string[];
  description?: string | null;
  displayName?: string;
  resolvingComment?: string | null;
  severity?: AlertSeverity;
  status?: IncidentStatus;
  summary?: string | null;
};

const bad = (message: string) => fail<never>(400, 'BadRequest', message);

/** A client's value as it appeared in its JSON, for messages: 'critical', 42, null, {…}. */
const quote = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

function nullableText(
  body: Record<string, unknown>,
  key: string,
  max: number,
): Result<string | null> {
  const v = body[key];
  if (v === null) return ok(null);
  if (typeof v !== 'string') return bad(`Property '${key}' must be a string or null.`);
  if (v.length > max)
    return bad(`Property '${key}' is ${v.length} characters long; the limit is ${max}.`);
  return ok(v.trim() === '' ? null : v);
}

/** Parses a PATCH body into an IncidentPatch, or names the first thing wrong with it. */
export function parseIncidentPatch(body: Record<string, unknown>): Result<IncidentPatch> {
  const patch: IncidentPatch = {};
  for (const key of Object.keys(body)) {
    if (key.startsWith('@odata.')) continue;
    if (!(UPDATABLE_INCIDENT_PROPERTIES as readonly string[]).includes(key)) {
      return bad(
        `Cannot set property '${key}'. Updatable properties: ${UPDATABLE_INCIDENT_PROPERTIES.join(', ')}.`,
      );
    }
  }
  const has = (k: Updatable) => Object.hasOwn(body, k);
  if (has('assignedTo')) {
    const r = nullableText(body, 'assignedTo', 256);
    if (!r.ok) return r;
    patch.assignedTo = r.value?.trim() ?? null;
  }
  for (const key of ['description', 'summary', 'resolvingComment'] as const) {
    if (!has(key)) continue;
    const r = nullableText(body, key, LIMITS.maxCommentLength);
    if (!r.ok) return r;
    patch[key] = r.value;
  }
  if (has('displayName')) {
    const v = body.displayName;
    if (typeof v !== 'string' || v.trim() === '') {
      return bad("Property 'displayName' must be a non-empty string.");
    }
    if (v.length > LIMITS.maxDisplayNameLength) {
      return bad(
        `Property 'displayName' is ${v.length} characters long; the limit is ${LIMITS.maxDisplayNameLength}.`,
      );
    }
    patch.displayName = v.trim();
  }
  if (has('classification')) {
    const v = body.classification;
    if (v === null) patch.classification = null;
    else {
      const parsed = typeof v === 'string' ? parseEnum(CLASSIFICATIONS, v) : undefined;
      if (!parsed || parsed === 'unknownFutureValue') {
        return bad(
          `${quote(v)} is not a valid classification. Valid values: ${CLASSIFICATIONS.slice(0, 4).join(', ')}.`,
        );
      }
      patch.classification = parsed === 'unknown' ? null : parsed;
    }
  }
  if (has('determination')) {
    const v = body.determination;
    if (v === null) patch.determination = null;
    else {
      const parsed = typeof v === 'string' ? parseEnum(DETERMINATIONS, v) : undefined;
      if (!parsed || parsed === 'unknownFutureValue') {
        return bad(
          `${quote(v)} is not a valid determination. Valid values: ${DETERMINATIONS.filter((d) => d !== 'unknownFutureValue').join(', ')}.`,
        );
      }
      patch.determination = parsed === 'unknown' ? null : parsed;
    }
  }
  if (has('severity')) {
    const v = body.severity;
    const parsed = typeof v === 'string' ? parseEnum(SETTABLE_SEVERITIES, v) : undefined;
    if (!parsed) {
      return bad(
        `${quote(v)} is not a severity an incident can be set to. Valid values: ${SETTABLE_SEVERITIES.join(', ')}.`,
      );
    }
    patch.severity = parsed;
  }
  if (has('status')) {
    const v = body.status;
    const parsed =
      typeof v === 'string'
        ? parseEnum(
            [
              'active',
              'inProgress',
              'resolved',
              'redirected',
              'awaitingAction',
              'unknownFutureValue',
            ] as const,
            v,
          )
        : undefined;
    if (parsed === 'redirected') {
      return bad(
        "Status 'redirected' cannot be set: only merging incidents redirects one. Use mergeIncidents.",
      );
    }
    if (parsed === 'awaitingAction') {
      return bad("Status 'awaitingAction' can only be set by Microsoft Defender Experts.");
    }
    if (!parsed || parsed === 'unknownFutureValue') {
      return bad(`${quote(v)} is not a valid status. Valid values: active, inProgress, resolved.`);
    }
    patch.status = parsed;
  }
  if (has('customTags')) {
    const v = body.customTags;
    if (!Array.isArray(v) || v.some((t) => typeof t !== 'string')) {
      return bad("Property 'customTags' must be an array of strings.");
    }
    const tags: string[] = [];
    for (const raw of v as string[]) {
      const t = raw.trim();
      if (t === '') return bad('A custom tag cannot be empty.');
      if (t.length > LIMITS.maxTagLength) {
        return bad(
          `Custom tag '${t.slice(0, 40)}…' is ${t.length} characters long; the limit is ${LIMITS.maxTagLength}.`,
        );
      }
      if (!tags.some((x) => x.toLowerCase() === t.toLowerCase())) tags.push(t);
    }
    if (tags.length > LIMITS.maxTagsPerIncident) {
      return bad(
        `An incident can have at most ${LIMITS.maxTagsPerIncident} custom tags; ${tags.length} were sent.`,
      );
    }
    patch.customTags = tags;
  }
  return ok(patch);
}

/** The checks every write to an existing incident makes, in Graph's order: 404, 403, 400, 409, 412. */
export function checkWritable(
  store: IncidentStore,
  persona: Persona,
  id: string,
  ifMatch: string | null | undefined,
): Result<IncidentRecord> {
  const incident = store.incident(id);
  if (!incident || !store.canSee(persona, id))
    return fail(404, 'NotFound', `Incident ${id} was not found.`);
  const denial = writeDenial(persona, store.sourcesOf(id), `incident ${id}`);
  if (denial) return fail(403, 'Forbidden', denial);
  if (incident.status === 'redirected') {
    return bad(
      `Incident ${id} was merged into incident ${incident.redirectIncidentId} and can no longer be changed; change incident ${store.finalIncidentId(id)} instead.`,
    );
  }
  if (store.locked.has(id)) {
    return fail(
      409,
      'Conflict',
      `Incident ${id} is being merged; try again when the merge has finished.`,
    );
  }
  if (ifMatch && ifMatch !== '*' && ifMatch !== etagOf(incident)) {
    return fail(
      412,
      'PreconditionFailed',
      `Incident ${id} was changed by someone else (your version ${ifMatch}, current ${etagOf(incident)}). Reload it and try again.`,
    );
  }
  return ok(incident);
}

const show = (v: string | null | undefined) =>
  v === null || v === undefined || v === '' ? 'Unassigned' : v;
const label = (labels: Record<string, string>, v: string | null | undefined) =>
  v ? (labels[v] ?? v) : 'Not set';

/**
 * PATCH an incident. Side effects (SPEC.md §8): assigning also assigns every alert; resolving
 * resolves every unresolved alert; one audit entry per changed field. Sending values equal to the
 * current ones changes nothing and logs nothing.
 */
export function updateIncident(
  store: IncidentStore,
  persona: Persona,
  id: string,
  body: Record<string, unknown>,
  ifMatch?: string | null,
): Result<IncidentRecord> {
  const writable = checkWritable(store, persona, id, ifMatch);
  if (!writable.ok) return writable;
  const parsed = parseIncidentPatch(body);
  if (!parsed.ok) return parsed;
  const patch = parsed.value;
  const current = writable.value;

  const classification =
    patch.classification !== undefined ? patch.classification : current.classification;
  const determination =
    patch.determination !== undefined
      ? patch.determination
      : patch.classification !== undefined
        ? determinationAfterReclassifying(classification, current.determination)
        : current.determination;
  const pairProblem = checkClassificationPair(classification, determination);
  if (pairProblem) return bad(pairProblem);

  return store.transact(persona.upn, (tx) => {
    const before = tx.incident(id) as IncidentRecord;
    const changes: {
      field: string;
      from: unknown;
      to: unknown;
      text: string;
      category: 'incident' | 'assignment' | 'classification' | 'tag';
    }[] = [];
    const next = structuredClone(before);
    if (patch.displayName !== undefined && patch.displayName !== before.displayName) {
      changes.push({
        field: 'displayName',
        from: before.displayName,
        to: patch.displayName,
        category: 'incident',
        text: `Incident name changed from '${before.displayName}' to '${patch.displayName}'.`,
      });
      next.displayName = patch.displayName;
      next.nameIsAutomatic = false;
    }
    if (
      patch.severity !== undefined &&
      (patch.severity !== before.severity || !before.severitySetByHand)
    ) {
      changes.push({
        field: 'severity',
        from: before.severity,
        to: patch.severity,
        category: 'incident',
        text: `Severity set to ${SEVERITY_LABELS[patch.severity]} (was ${SEVERITY_LABELS[before.severity]}).`,
      });
      next.severity = patch.severity;
      next.severitySetByHand = true;
    }
    if (patch.status !== undefined && patch.status !== before.status) {
      changes.push({
        field: 'status',
        from: before.status,
        to: patch.status,
        category: 'incident',
        text: `Status changed from ${INCIDENT_STATUS_LABELS[before.status]} to ${INCIDENT_STATUS_LABELS[patch.status]}.`,
      });
      next.status = patch.status;
    }
    if (patch.assignedTo !== undefined && patch.assignedTo !== before.assignedTo) {
      changes.push({
        field: 'assignedTo',
        from: before.assignedTo,
        to: patch.assignedTo,
        category: 'assignment',
        text: patch.assignedTo
          ? `Assigned to ${patch.assignedTo} (was ${show(before.assignedTo)}).`
          : `Unassigned (was ${show(before.assignedTo)}).`,
      });
      next.assignedTo = patch.assignedTo;
    }
    if (classification !== before.classification) {
      changes.push({
        field: 'classification',
        from: before.classification,
        to: classification,
        category: 'classification',
        text: `Classification changed from ${label(CLASSIFICATION_LABELS, before.classification)} to ${label(CLASSIFICATION_LABELS, classification)}.`,
      });
      next.classification = classification;
    }
    if (determination !== before.determination) {
      changes.push({
        field: 'determination',
        from: before.determination,
        to: determination,
        category: 'classification',
        text: `Determination changed from ${label(DETERMINATION_LABELS, before.determination)} to ${label(DETERMINATION_LABELS, determination)}.`,
      });
      next.determination = determination;
    }
    if (patch.customTags !== undefined) {
      const added = patch.customTags.filter((t) => !before.customTags.includes(t));
      const removed = before.customTags.filter((t) => !patch.customTags?.includes(t));
      if (added.length || removed.length) {
        const parts = [
          added.length ? `added ${added.map((t) => `'${t}'`).join(', ')}` : '',
          removed.length ? `removed ${removed.map((t) => `'${t}'`).join(', ')}` : '',
        ].filter(Boolean);
        changes.push({
          field: 'customTags',
          from: before.customTags,
          to: patch.customTags,
          category: 'tag',
          text: `Tags ${parts.join('; ')}.`,
        });
        next.customTags = patch.customTags;
      }
    }
    for (const key of ['description', 'summary', 'resolvingComment'] as const) {
      const v = patch[key];
      if (v !== undefined && v !== before[key]) {
        const name =
          key === 'resolvingComment'
            ? 'Resolution note'
            : key === 'summary'
              ? 'Summary'
              : 'Description';
        changes.push({
          field: key,
          from: before[key],
          to: v,
          category: 'incident',
          text: v ? `${name} updated.` : `${name} cleared.`,
        });
        next[key] = v;
      }
    }
    if (changes.length === 0) return ok(before);

    next.lastModifiedBy = persona.upn;
    Object.assign(tx.editIncident(id), next);
    for (const c of changes) {
      tx.record(id, {
        kind: 'audit',
        category: c.category,
        action: `${c.field}Changed`,
        description: c.text,
        targetType: 'incident',
        targetId: id,
        targetName: next.displayName,
        oldValue: c.from,
        newValue: c.to,
        ...(c.field === 'status' && next.status === 'resolved' && next.resolvingComment
          ? { comment: next.resolvingComment }
          : {}),
      });
    }
    const alerts = tx.alertsOf(id);
    if (next.assignedTo !== before.assignedTo) {
      for (const a of alerts)
        if (a.assignedTo !== next.assignedTo) tx.editAlert(a.id).assignedTo = next.assignedTo;
    }
    if (next.status === 'resolved' && before.status !== 'resolved') {
      const open = alerts.filter((a) => a.status === 'new' || a.status === 'inProgress');
      for (const a of open) {
        const edit = tx.editAlert(a.id);
        edit.status = 'resolved';
        edit.resolvedDateTime = tx.now;
        edit.lastUpdateDateTime = tx.now;
      }
      if (open.length) {
        tx.record(id, {
          kind: 'audit',
          category: 'alert',
          action: 'alertsResolved',
          description: `Resolving the incident resolved ${open.length} linked active alert${open.length === 1 ? '' : 's'}.`,
          newValue: open.map((a) => a.id),
        });
      }
    }
    return ok(tx.incident(id) as IncidentRecord);
  });
}

/** A comment body `{ comment }`: non-empty, at most 30,000 characters, nothing else. */
function commentText(body: Record<string, unknown>): Result<string> {
  for (const key of Object.keys(body)) {
    if (key !== 'comment' && !key.startsWith('@odata.')) {
      return bad(`Unknown property '${key}' in the comment; send { "comment": "…" }.`);
    }
  }
  const text = body.comment;
  if (typeof text !== 'string' || text.trim() === '') {
    return bad("Property 'comment' is required and must be non-empty text.");
  }
  if (text.length > LIMITS.maxCommentLength) {
    return bad(
      `The comment is ${text.length} characters long; the limit is ${LIMITS.maxCommentLength}.`,
    );
  }
  return ok(text);
}

/** Adds a comment: kept on the incident (Graph `comments`) and in the activity log. */
export function addIncidentComment(
  store: IncidentStore,
  persona: Persona,
  id: string,
  body: Record<string, unknown>,
): Result<CommentRecord[]> {
  const writable = checkWritable(store, persona, id, undefined);
  if (!writable.ok) return writable;
  const text = commentText(body);
  if (!text.ok) return text;
  return store.transact(persona.upn, (tx) => {
    const incident = tx.editIncident(id);
    incident.comments.push({
      comment: text.value,
      createdByDisplayName: persona.upn,
      createdDateTime: tx.now,
    });
    incident.lastModifiedBy = persona.upn;
    tx.record(id, {
      kind: 'comment',
      category: 'comment',
      action: 'commentAdded',
      description: `${persona.displayName} added a comment.`,
      comment: text.value,
    });
    return ok(incident.comments);
  });
}

export const UPDATABLE_ALERT_PROPERTIES = [
  'assignedTo',
  'classification',
  'determination',
  'status',
] as const;

/** The checks every write to an alert makes: 404, 403, 409 (its incident is being merged). */
function checkAlertWritable(
  store: IncidentStore,
  persona: Persona,
  id: string,
): Result<AlertRecord> {
  const alert = store.alert(id);
  if (!alert || !store.canSeeAlert(persona, alert)) {
    return fail(404, 'NotFound', `Alert ${id} was not found.`);
  }
  const denial = writeDenial(persona, [alert.serviceSource], `alert ${id}`);
  if (denial) return fail(403, 'Forbidden', denial);
  if (store.locked.has(alert.incidentId)) {
    return fail(
      409,
      'Conflict',
      `Alert ${id} belongs to incident ${alert.incidentId}, which is being merged; try again when the merge has finished.`,
    );
  }
  return ok(alert);
}

/**
 * PATCH an alert (SPEC.md §3.7): status, classification, determination, assignedTo. Changes are
 * logged on the alert's incident, one audit per field, naming the alert.
 */
export function updateAlert(
  store: IncidentStore,
  persona: Persona,
  id: string,
  body: Record<string, unknown>,
): Result<AlertRecord> {
  const writable = checkAlertWritable(store, persona, id);
  if (!writable.ok) return writable;
  const current = writable.value;
  for (const key of Object.keys(body)) {
    if (
      !key.startsWith('@odata.') &&
      !(UPDATABLE_ALERT_PROPERTIES as readonly string[]).includes(key)
    ) {
      return bad(
        `Cannot set property '${key}' of an alert. Updatable properties: ${UPDATABLE_ALERT_PROPERTIES.join(', ')}.`,
      );
    }
  }
  const next: Pick<AlertRecord, 'assignedTo' | 'classification' | 'determination' | 'status'> = {
    assignedTo: current.assignedTo ?? null,
    classification: current.classification ?? null,
    determination: current.determination ?? null,
    status: current.status,
  };
  if (Object.hasOwn(body, 'assignedTo')) {
    const r = nullableText(body, 'assignedTo', 256);
    if (!r.ok) return r;
    next.assignedTo = r.value?.trim() ?? null;
  }
  if (Object.hasOwn(body, 'status')) {
    const v = body.status;
    const parsed =
      typeof v === 'string' ? parseEnum(['new', 'inProgress', 'resolved'] as const, v) : undefined;
    if (!parsed)
      return bad(
        `${quote(v)} is not a valid alert status. Valid values: new, inProgress, resolved.`,
      );
    next.status = parsed;
  }
  // Classification and determination follow the incident's rules (and its parser).
  const pairBody: Record<string, unknown> = {};
  for (const key of ['classification', 'determination'] as const)
    if (Object.hasOwn(body, key)) pairBody[key] = body[key];
  const pair = parseIncidentPatch(pairBody);
  if (!pair.ok) return pair;
  if (pair.value.classification !== undefined) next.classification = pair.value.classification;
  if (pair.value.determination !== undefined) next.determination = pair.value.determination;
  else if (pair.value.classification !== undefined) {
    next.determination = determinationAfterReclassifying(next.classification, next.determination);
  }
  const problem = checkClassificationPair(next.classification, next.determination);
  if (problem) return bad(problem);

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
    // Values in the portal's words ("In progress", "True positive"), as the incident's audits.
    const shown = (k: (typeof changed)[number], v: string | null | undefined) =>
      k === 'assignedTo'
        ? show(v)
        : label(
            k === 'status'
              ? ALERT_STATUS_LABELS
              : k === 'classification'
                ? CLASSIFICATION_LABELS
                : DETERMINATION_LABELS,
            v,
          );
    const labels = {
      status: 'Status',
      assignedTo: 'Assignment',
      classification: 'Classification',
      determination: 'Determination',
    };
    for (const k of changed) {
      tx.record(current.incidentId, {
        kind: 'audit',
        category: k === 'assignedTo' ? 'assignment' : k === 'status' ? 'alert' : 'classification',
        action: `alert${k[0]!.toUpperCase()}${k.slice(1)}Changed`,
        description: `${labels[k]} of alert '${current.title}' changed from ${shown(k, current[k] ?? null)} to ${shown(k, next[k])}.`,
        targetType: 'alert',
        targetId: id,
        targetName: current.title,
        oldValue: current[k] ?? null,
        newValue: next[k],
      });
    }
    return ok(edit);
  });
}

/** Adds a comment to an alert: on the alert (Graph `comments`) and in its incident's log. */
export function addAlertComment(
  store: IncidentStore,
  persona: Persona,
  id: string,
  body: Record<string, unknown>,
): Result<CommentRecord[]> {
  const writable = checkAlertWritable(store, persona, id);
  if (!writable.ok) return writable;
  const text = commentText(body);
  if (!text.ok) return text;
  const alert = writable.value;
  return store.transact(persona.upn, (tx) => {
    const edit = tx.editAlert(id);
    const comments: CommentRecord[] = [
      ...((edit.comments ?? []) as CommentRecord[]),
      { comment: text.value, createdByDisplayName: persona.upn, createdDateTime: tx.now },
    ];
    edit.comments = comments;
    edit.lastUpdateDateTime = tx.now;
    tx.editIncident(alert.incidentId).lastModifiedBy = persona.upn;
    tx.record(alert.incidentId, {
      kind: 'comment',
      category: 'comment',
      action: 'alertCommentAdded',
      description: `${persona.displayName} commented on alert '${alert.title}'.`,
      targetType: 'alert',
      targetId: id,
      targetName: alert.title,
      comment: text.value,
    });
    return ok(comments);
  });
}
