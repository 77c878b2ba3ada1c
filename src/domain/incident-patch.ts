/**
 * Managing an incident (seed 003; SPEC.md §3.3, §8), once: which properties a PATCH may set, what
 * each may hold, what the change does (the determination that no longer fits, the audits, the
 * alerts it assigns or resolves). The store refuses and applies through these functions, the
 * Manage incident form previews its problems through them, and the optimistic copy of the
 * incident is made by them, so the three can never disagree.
 */
import * as audit from './audit';
import type { AuditDraft } from './audit';
import {
  checkClassificationPair,
  determinationAfterReclassifying,
  isUnset,
} from './classification';
import {
  CLASSIFICATIONS,
  DETERMINATIONS,
  parseEnum,
  type AlertClassification,
  type AlertDetermination,
  type AlertSeverity,
  type IncidentStatus,
} from './enums';
import { LIMITS } from './limits';
import { ok, refuse, type Outcome } from './outcome';
import { SETTABLE_SEVERITIES } from './severity';

const UPDATABLE_INCIDENT_PROPERTIES = [
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
type UpdatableProperty = (typeof UPDATABLE_INCIDENT_PROPERTIES)[number];

/** A parsed PATCH: only the properties the client sent; an unset value is `null`. */
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

/** What a PATCH can change, as the rules see an incident. */
export type PatchableIncident = {
  displayName: string;
  severity: AlertSeverity;
  status: IncidentStatus;
  assignedTo: string | null;
  classification: AlertClassification | null;
  determination: AlertDetermination | null;
  customTags: string[];
  resolvingComment: string | null;
  summary: string | null;
  description: string | null;
  /** Once an analyst set the severity, it no longer follows the alerts. */
  severitySetByHand: boolean;
  /** While true, a merge or a move may rename the incident. */
  nameIsAutomatic: boolean;
};

/** The problems of a patch's values, by property, in words an analyst can act on. */
export type PatchProblems = Partial<Record<UpdatableProperty, string>>;

const count = (n: number) => n.toLocaleString('en-US');

const TEXT_NAMES = [
  ['resolvingComment', 'The comment'],
  ['summary', 'The summary'],
  ['description', 'The description'],
] as const;

/**
 * The value rules of a patch (lengths, emptiness, counts), whatever the incident holds. The
 * server refuses with the first one.
 */
export function valueProblems(patch: IncidentPatch): PatchProblems {
  const problems: PatchProblems = {};
  if (patch.displayName !== undefined) {
    const name = patch.displayName.trim();
    if (name === '') problems.displayName = 'Enter an incident name.';
    else if (name.length > LIMITS.maxDisplayNameLength) {
      problems.displayName = `The incident name is ${count(name.length)} characters long; the limit is ${count(LIMITS.maxDisplayNameLength)}.`;
    }
  }
  if (patch.customTags !== undefined) {
    const empty = patch.customTags.some((t) => t.trim() === '');
    const long = patch.customTags.find((t) => t.trim().length > LIMITS.maxTagLength);
    if (empty) problems.customTags = 'A custom tag cannot be empty.';
    else if (long !== undefined) {
      problems.customTags = `Tag '${long.trim().slice(0, 40)}…' is ${count(long.trim().length)} characters long; the limit is ${count(LIMITS.maxTagLength)}.`;
    } else if (patch.customTags.length > LIMITS.maxTagsPerIncident) {
      problems.customTags = `An incident can have at most ${count(LIMITS.maxTagsPerIncident)} tags; ${count(patch.customTags.length)} were given.`;
    }
  }
  for (const [key, name] of TEXT_NAMES) {
    const text = patch[key];
    if (typeof text === 'string' && text.length > LIMITS.maxCommentLength) {
      problems[key] =
        `${name} is ${count(text.length)} characters long; the limit is ${count(LIMITS.maxCommentLength)}.`;
    }
  }
  if (typeof patch.assignedTo === 'string' && patch.assignedTo.length > LIMITS.maxOwnerLength) {
    problems.assignedTo = `The owner is ${count(patch.assignedTo.length)} characters long; the limit is ${count(LIMITS.maxOwnerLength)}.`;
  }
  return problems;
}

/**
 * Every problem of a patch against the incident it changes: the value rules and the
 * classification pair it would leave. The Manage incident form shows them under its fields.
 */
export function patchProblems(
  current: Pick<PatchableIncident, 'classification' | 'determination'>,
  patch: IncidentPatch,
): PatchProblems {
  const problems = valueProblems(patch);
  const { classification, determination } = resolvedClassification(current, patch);
  const pair = checkClassificationPair(classification, determination);
  if (pair) problems[patch.determination !== undefined ? 'determination' : 'classification'] = pair;
  return problems;
}

/**
 * The classification and determination after the patch. Changing only the classification
 * clears a determination that does not fit it any more (SPEC.md §8).
 */
function resolvedClassification(
  current: Pick<PatchableIncident, 'classification' | 'determination'>,
  patch: IncidentPatch,
): { classification: AlertClassification | null; determination: AlertDetermination | null } {
  const classification =
    patch.classification !== undefined ? patch.classification : current.classification;
  const determination =
    patch.determination !== undefined
      ? patch.determination
      : patch.classification !== undefined
        ? determinationAfterReclassifying(classification, current.determination)
        : current.determination;
  return { classification, determination };
}

// ---------------------------------------------------------------- the wire

const bad = (message: string) => refuse('invalid', message);

/** A client's value as it appeared in its JSON, for messages: 'critical', 42, null, {…}. */
const quote = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

const STATUSES = [
  'active',
  'inProgress',
  'resolved',
  'redirected',
  'awaitingAction',
  'unknownFutureValue',
] as const;

function nullableText(v: unknown, key: string): Outcome<string | null> {
  if (v === null) return ok(null);
  if (typeof v !== 'string') return bad(`Property '${key}' must be a string or null.`);
  return ok(v.trim() === '' ? null : v);
}

function enumValue<T extends string>(
  v: unknown,
  values: readonly T[],
  what: string,
  valid: readonly string[],
): Outcome<Exclude<T, 'unknown' | 'unknownFutureValue'> | null> {
  if (v === null) return ok(null);
  const parsed = typeof v === 'string' ? parseEnum(values, v) : undefined;
  if (!parsed || parsed === 'unknownFutureValue') {
    return bad(`${quote(v)} is not a valid ${what}. Valid values: ${valid.join(', ')}.`);
  }
  return ok(isUnset(parsed) ? null : (parsed as Exclude<T, 'unknown' | 'unknownFutureValue'>));
}

/**
 * Reads a PATCH body (a JSON object) into an IncidentPatch: its types and enums here, its values
 * by `valueProblems`. Refuses with a message naming the property and the first thing wrong;
 * the classification pair is checked against the incident when the patch is planned.
 */
export function parseIncidentPatch(body: Record<string, unknown>): Outcome<IncidentPatch> {
  for (const key of Object.keys(body)) {
    if (key.startsWith('@odata.')) continue;
    if (!(UPDATABLE_INCIDENT_PROPERTIES as readonly string[]).includes(key)) {
      return bad(
        `Cannot set property '${key}'. Updatable properties: ${UPDATABLE_INCIDENT_PROPERTIES.join(', ')}.`,
      );
    }
  }
  const patch: IncidentPatch = {};
  const has = (k: UpdatableProperty) => Object.hasOwn(body, k);
  for (const key of ['assignedTo', 'description', 'summary', 'resolvingComment'] as const) {
    if (!has(key)) continue;
    const text = nullableText(body[key], key);
    if (!text.ok) return text;
    patch[key] = key === 'assignedTo' ? (text.value?.trim() ?? null) : text.value;
  }
  if (has('displayName')) {
    if (typeof body.displayName !== 'string') {
      return bad("Property 'displayName' must be a non-empty string.");
    }
    patch.displayName = body.displayName.trim();
  }
  if (has('classification')) {
    const c = enumValue(body.classification, CLASSIFICATIONS, 'classification', [
      'unknown',
      'falsePositive',
      'truePositive',
      'informationalExpectedActivity',
    ]);
    if (!c.ok) return c;
    patch.classification = c.value;
  }
  if (has('determination')) {
    const valid = DETERMINATIONS.filter((d) => d !== 'unknownFutureValue');
    const d = enumValue(body.determination, DETERMINATIONS, 'determination', valid);
    if (!d.ok) return d;
    patch.determination = d.value;
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
    const parsed = typeof v === 'string' ? parseEnum(STATUSES, v) : undefined;
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
    // Tags compare case-insensitively; the first spelling wins.
    const tags: string[] = [];
    const seen = new Set<string>();
    for (const raw of v as string[]) {
      const t = raw.trim();
      const key = t.toLowerCase();
      if (!seen.has(key) || t === '') tags.push(t);
      seen.add(key);
    }
    patch.customTags = tags;
  }
  const problems = Object.entries(valueProblems(patch));
  const [first] = problems;
  if (first) return bad(`Property '${first[0]}': ${first[1]}`);
  return ok(patch);
}

// ---------------------------------------------------------------- what a patch does

/** A patch planned against an incident: what it will hold, and what the log will say. */
export type PatchPlan = {
  next: PatchableIncident;
  /** One entry per changed field, in the order the portal lists them; empty: nothing changes. */
  audits: AuditDraft[];
  /** The incident's alerts take this owner (assigning an incident assigns its alerts). */
  assignAlertsTo?: string | null;
  /** The incident is being resolved: its open alerts are resolved with it. */
  resolvesAlerts: boolean;
};

/**
 * What the patch does to the incident (SPEC.md §8): the values it will hold, an audit per changed
 * field, and the effects on its alerts. Sending values equal to the current ones changes nothing
 * and logs nothing. Refuses when the classification pair would be invalid.
 */
export function planIncidentPatch(
  current: PatchableIncident,
  patch: IncidentPatch,
): Outcome<PatchPlan> {
  const { classification, determination } = resolvedClassification(current, patch);
  const pair = checkClassificationPair(classification, determination);
  if (pair) return bad(pair);

  const next: PatchableIncident = { ...current, customTags: [...current.customTags] };
  const audits: AuditDraft[] = [];
  if (patch.displayName !== undefined && patch.displayName !== current.displayName) {
    audits.push(audit.displayNameChanged(current.displayName, patch.displayName));
    next.displayName = patch.displayName;
    next.nameIsAutomatic = false;
  }
  // Setting the severity pins it, even to the value the alerts gave it.
  if (
    patch.severity !== undefined &&
    (patch.severity !== current.severity || !current.severitySetByHand)
  ) {
    audits.push(audit.severitySet(current.severity, patch.severity));
    next.severity = patch.severity;
    next.severitySetByHand = true;
  }
  if (patch.status !== undefined && patch.status !== current.status) {
    // The resolution note set in the same save goes with the status audit.
    const note =
      patch.resolvingComment !== undefined ? patch.resolvingComment : current.resolvingComment;
    audits.push(audit.statusChanged(current.status, patch.status, note));
    next.status = patch.status;
  }
  if (patch.assignedTo !== undefined && patch.assignedTo !== current.assignedTo) {
    audits.push(audit.assignmentChanged(current.assignedTo, patch.assignedTo));
    next.assignedTo = patch.assignedTo;
  }
  if (classification !== current.classification) {
    audits.push(audit.classificationChanged(current.classification, classification));
    next.classification = classification;
  }
  if (determination !== current.determination) {
    audits.push(audit.determinationChanged(current.determination, determination));
    next.determination = determination;
  }
  if (patch.customTags !== undefined) {
    const tags = audit.tagsChanged(current.customTags, patch.customTags);
    if (tags) {
      audits.push(tags);
      next.customTags = [...patch.customTags];
    }
  }
  for (const key of ['description', 'summary', 'resolvingComment'] as const) {
    const v = patch[key];
    if (v !== undefined && v !== current[key]) {
      audits.push(audit.textFieldChanged(key, current[key], v));
      next[key] = v;
    }
  }
  return ok({
    next,
    audits,
    ...(next.assignedTo !== current.assignedTo ? { assignAlertsTo: next.assignedTo } : {}),
    resolvesAlerts: next.status === 'resolved' && current.status !== 'resolved',
  });
}

/**
 * What a planned patch does to one of the incident's alerts: it takes the incident's new owner,
 * and an open alert is resolved with the incident. Empty when the alert is untouched.
 */
export function alertEffects(
  alert: { assignedTo?: string | null; status?: string | null },
  plan: Pick<PatchPlan, 'assignAlertsTo' | 'resolvesAlerts'>,
): { assignedTo?: string | null; status?: 'resolved' } {
  const effects: { assignedTo?: string | null; status?: 'resolved' } = {};
  if (plan.assignAlertsTo !== undefined && (alert.assignedTo ?? null) !== plan.assignAlertsTo) {
    effects.assignedTo = plan.assignAlertsTo;
  }
  if (plan.resolvesAlerts && (alert.status === 'new' || alert.status === 'inProgress')) {
    effects.status = 'resolved';
  }
  return effects;
}
