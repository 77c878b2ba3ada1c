/**
 * Request bodies, parsed one way for every route (ARCHITECTURE.md §2: HTTP only at the edge):
 * the route kit reads the JSON object, and one of these parsers turns it into the typed request
 * the store takes, or refuses it with a message naming what was wrong.
 */
import { checkComment } from '@/domain/comments';
import { parseCorrelationReasons } from '@/domain/correlation';
import { parseEnum } from '@/domain/enums';
import { parseIncidentPatch } from '@/domain/incident-patch';
import { LIMITS } from '@/domain/limits';
import { mergeCountProblem } from '@/domain/merge';
import { ok, refuse, type Outcome } from '@/domain/outcome';
import { UPDATABLE_ALERT_PROPERTIES, type AlertPatch } from '../store/alert-ops';
import type { MergeRequest } from '../store/merge';
import type { MoveRequest } from '../store/move';
import type { RelateRequest } from '../store/relation-ops';

export { parseIncidentPatch };

/** A parser of one route's body. */
export type BodyParser<T> = (body: Record<string, unknown>) => Outcome<T>;

const bad = (message: string) => refuse('invalid', message);

/** A client's value as it appeared in its JSON, for messages: 'critical', 42, null, {…}. */
const quote = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

/** Reads the action's body: `{ incidentIds, incidentComment?, mergeReasons? }`. */
const MERGE_PARAMETERS = ['incidentIds', 'incidentComment', 'mergeReasons'];

/** The ids listed more than once, each once, in one pass (a body may list 100,000 of them). */
function listedTwice(ids: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

export function parseMergeRequest(body: Record<string, unknown>): Outcome<MergeRequest> {
  const unknown = Object.keys(body).filter(
    (k) => !MERGE_PARAMETERS.includes(k) && !k.startsWith('@odata.'),
  );
  if (unknown.length) {
    return bad(
      `Unknown parameter ${unknown.map((k) => `'${k}'`).join(', ')}. mergeIncidents takes incidentIds, incidentComment and mergeReasons.`,
    );
  }
  const ids = body.incidentIds;
  if (!Array.isArray(ids)) {
    return bad(
      `Parameter 'incidentIds' is required: an array of ${LIMITS.minIncidentsPerMerge} to ${LIMITS.maxIncidentsPerMerge} incident ids.`,
    );
  }
  if (ids.some((id) => typeof id !== 'string' || id.trim() === '')) {
    return bad("Every member of 'incidentIds' must be a non-empty string id.");
  }
  const incidentIds = (ids as string[]).map((id) => id.trim());
  const dupes = listedTwice(incidentIds);
  if (dupes.length)
    return bad(`Incident ${dupes.join(', ')} is listed more than once in 'incidentIds'.`);
  if (mergeCountProblem(incidentIds.length)) {
    return bad(
      `A merge takes ${LIMITS.minIncidentsPerMerge} to ${LIMITS.maxIncidentsPerMerge} incidents; ${incidentIds.length} ${incidentIds.length === 1 ? 'was' : 'were'} given.`,
    );
  }
  const comment = body.incidentComment;
  if (comment !== undefined && comment !== null && typeof comment !== 'string') {
    return bad("Parameter 'incidentComment' must be a string.");
  }
  if (typeof comment === 'string' && comment.length > LIMITS.maxCommentLength) {
    return bad(
      `The merge comment is ${comment.length} characters long; the limit is ${LIMITS.maxCommentLength}.`,
    );
  }
  const reasonsText = body.mergeReasons;
  if (reasonsText !== undefined && reasonsText !== null && typeof reasonsText !== 'string') {
    return bad(
      'Parameter \'mergeReasons\' must be a string of correlationReason members, e.g. "sameCampaign, sameActor".',
    );
  }
  const reasons = parseCorrelationReasons(reasonsText);
  if (!reasons.ok) {
    return bad(
      `Unknown merge reason ${reasons.unknown.map((r) => `'${r}'`).join(', ')}. mergeReasons takes correlationReason members such as sameCampaign, sameActor, sharedIndicators.`,
    );
  }
  return ok({
    incidentIds,
    incidentComment: typeof comment === 'string' && comment.trim() !== '' ? comment : null,
    mergeReasons: reasons.reasons,
  });
}

/** Reads the action's body: `{ alertIds, incidentId?, alertComment?, newCorrelationReasons? }`. */
const MOVE_PARAMETERS = ['alertIds', 'incidentId', 'alertComment', 'newCorrelationReasons'];

export function parseMoveRequest(body: Record<string, unknown>): Outcome<MoveRequest> {
  const unknown = Object.keys(body).filter(
    (k) => !MOVE_PARAMETERS.includes(k) && !k.startsWith('@odata.'),
  );
  if (unknown.length) {
    return bad(
      `Unknown parameter ${unknown.map((k) => `'${k}'`).join(', ')}. moveAlerts takes alertIds, incidentId, alertComment and newCorrelationReasons.`,
    );
  }
  const ids = body.alertIds;
  if (!Array.isArray(ids) || ids.length === 0) {
    return bad("Parameter 'alertIds' is required: an array of one or more alert ids.");
  }
  if (ids.some((id) => typeof id !== 'string' || id.trim() === '')) {
    return bad("Every member of 'alertIds' must be a non-empty string id.");
  }
  const alertIds = (ids as string[]).map((id) => id.trim());
  const dupes = listedTwice(alertIds);
  if (dupes.length) return bad(`Alert ${dupes.join(', ')} is listed more than once in 'alertIds'.`);
  const target = body.incidentId;
  if (
    target !== undefined &&
    target !== null &&
    (typeof target !== 'string' || target.trim() === '')
  ) {
    return bad("Parameter 'incidentId' must be an incident id, or null to create a new incident.");
  }
  const comment = body.alertComment;
  if (comment !== undefined && comment !== null && typeof comment !== 'string') {
    return bad("Parameter 'alertComment' must be a string.");
  }
  if (typeof comment === 'string' && comment.length > LIMITS.maxCommentLength) {
    return bad(
      `The comment is ${comment.length} characters long; the limit is ${LIMITS.maxCommentLength}.`,
    );
  }
  const reasonsText = body.newCorrelationReasons;
  if (reasonsText !== undefined && reasonsText !== null && typeof reasonsText !== 'string') {
    return bad("Parameter 'newCorrelationReasons' must be a string of correlationReason members.");
  }
  const reasons = parseCorrelationReasons(reasonsText);
  if (!reasons.ok) {
    return bad(`Unknown correlation reason ${reasons.unknown.map((r) => `'${r}'`).join(', ')}.`);
  }
  return ok({
    alertIds,
    incidentId: typeof target === 'string' ? target.trim() : null,
    alertComment: typeof comment === 'string' && comment.trim() !== '' ? comment : null,
    newCorrelationReasons: reasons.reasons,
  });
}

/** A comment body `{ comment }`: the text of src/domain/comments.ts, and nothing else. */
export function parseComment(body: Record<string, unknown>): Outcome<string> {
  for (const key of Object.keys(body)) {
    if (key !== 'comment' && !key.startsWith('@odata.')) {
      return bad(`Unknown property '${key}' in the comment; send { "comment": "…" }.`);
    }
  }
  const text = body.comment;
  const problem = typeof text === 'string' ? checkComment(text) : { kind: 'empty' as const };
  if (problem?.kind === 'empty') {
    return bad("Property 'comment' is required and must be non-empty text.");
  }
  if (problem?.kind === 'tooLong') {
    return bad(`The comment is ${problem.length} characters long; the limit is ${problem.limit}.`);
  }
  return ok(text as string);
}

const ALERT_STATUSES = ['new', 'inProgress', 'resolved'] as const;

/** An alert PATCH: status, assignedTo, classification and determination (SPEC.md §3.7). */
export function parseAlertPatch(body: Record<string, unknown>): Outcome<AlertPatch> {
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
  const patch: AlertPatch = {};
  if (Object.hasOwn(body, 'assignedTo')) {
    const v = body.assignedTo;
    if (v !== null && typeof v !== 'string') {
      return bad("Property 'assignedTo' must be a string or null.");
    }
    if (typeof v === 'string' && v.length > LIMITS.maxOwnerLength) {
      return bad(
        `Property 'assignedTo' is ${v.length} characters long; the limit is ${LIMITS.maxOwnerLength}.`,
      );
    }
    patch.assignedTo = v === null || v.trim() === '' ? null : v.trim();
  }
  if (Object.hasOwn(body, 'status')) {
    const v = body.status;
    const parsed = typeof v === 'string' ? parseEnum(ALERT_STATUSES, v) : undefined;
    if (!parsed) {
      return bad(
        `${quote(v)} is not a valid alert status. Valid values: new, inProgress, resolved.`,
      );
    }
    patch.status = parsed;
  }
  // Classification and determination are read as the incident's are.
  const pairBody: Record<string, unknown> = {};
  for (const key of ['classification', 'determination'] as const)
    if (Object.hasOwn(body, key)) pairBody[key] = body[key];
  const pair = parseIncidentPatch(pairBody);
  if (!pair.ok) return pair;
  if (pair.value.classification !== undefined) patch.classification = pair.value.classification;
  if (pair.value.determination !== undefined) patch.determination = pair.value.determination;
  return ok(patch);
}

/** The body of a relation PUT: `{ properties: { relatedResourceId } }`. */
export function parseRelationBody(
  body: Record<string, unknown>,
): Outcome<Pick<RelateRequest, 'systemAlertId' | 'otherResourceType' | 'resourceWorkspace'>> {
  const properties = body.properties;
  const id =
    properties !== null && typeof properties === 'object'
      ? (properties as Record<string, unknown>).relatedResourceId
      : undefined;
  if (typeof id !== 'string' || id.trim() === '') {
    return refuse(
      'invalid',
      "Property 'properties.relatedResourceId' is required: the ARM id of the alert, …/providers/Microsoft.SecurityInsights/entities/{systemAlertId}.",
    );
  }
  const m =
    /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.OperationalInsights\/workspaces\/([^/]+)\/providers\/Microsoft\.SecurityInsights\/([^/]+)\/([^/]+)\/?$/i.exec(
      id.trim(),
    );
  if (!m) {
    return refuse(
      'invalid',
      `'${id}' is not the ARM id of a Microsoft.SecurityInsights resource: /subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.OperationalInsights/workspaces/{workspace}/providers/Microsoft.SecurityInsights/entities/{systemAlertId}.`,
    );
  }
  const [, subscriptionId = '', resourceGroup = '', workspaceName = '', type = '', name = ''] = m;
  if (type.toLowerCase() === 'entities') {
    return ok({
      systemAlertId: name,
      resourceWorkspace: { subscriptionId, resourceGroup, workspaceName },
    });
  }
  return ok({ systemAlertId: null, otherResourceType: `Microsoft.SecurityInsights/${type}` });
}
