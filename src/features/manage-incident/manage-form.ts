/**
 * The Manage incident form as data (seed 003): its values, where they start, which fields an
 * analyst changed, what is wrong with them, and the one PATCH they make. Pure, so the drawer,
 * the optimistic cache update and the tests share it.
 */
import type { IncidentPatch } from '@/api/incidents/incidents-api';
import { isUnset } from '@/domain/classification';
import {
  alertEffects,
  patchProblems,
  planIncidentPatch,
  valueProblems,
  type IncidentPatch as DomainPatch,
  type PatchableIncident,
  type PatchProblems,
} from '@/domain/incident-patch';
import {
  CLASSIFICATION_LABELS,
  DETERMINATION_LABELS,
  INCIDENT_STATUS_LABELS,
  SEVERITY_LABELS,
  type AlertClassification,
  type AlertDetermination,
  type AlertSeverity,
  type IncidentStatus,
} from '@/domain/enums';
import type { Incident } from '@/domain/graph';

/** The statuses the Status field offers; "Resolved" is the Resolve incident toggle. */
type OpenStatus = 'active' | 'inProgress';

/** The classifications the form offers ('unknown' is "Not set"). */
type FormClassification = Exclude<AlertClassification, 'unknownFutureValue'>;
type FormDetermination = Exclude<AlertDetermination, 'unknownFutureValue'>;

/** `''` means "No change" (bulk); a single incident's form always holds a value. */
type NoChange = '';
export const NO_CHANGE = '' as const;

/** What the fields hold. In bulk, empty means "No change" and tags are tags to add. */
export type ManageValues = {
  displayName: string;
  severity: AlertSeverity | NoChange;
  customTags: string[];
  /** The owner's UPN or group name; `null` unassigned; `undefined` no change (bulk). */
  assignedTo: string | null | undefined;
  status: OpenStatus | NoChange;
  resolve: boolean;
  resolvingComment: string;
  classification: FormClassification | NoChange;
  determination: FormDetermination | NoChange;
};

/** The fields that can be wrong, for messages under them. */
type ManageField =
  'displayName' | 'customTags' | 'resolvingComment' | 'classification' | 'determination';
export type ManageErrors = Partial<Record<ManageField, string>>;

/** Graph's classification as the form shows it ("Not set" for null/unknown). */
function formClassification(c: AlertClassification | null | undefined): FormClassification {
  return isUnset(c) ? 'unknown' : c;
}

function formDetermination(d: AlertDetermination | null | undefined): FormDetermination {
  return isUnset(d) ? 'unknown' : d;
}

/** The form of one incident, filled with what it holds now. */
export function initialValues(incident: Incident): ManageValues {
  return {
    displayName: incident.displayName ?? '',
    severity: incident.severity ?? 'unknown',
    customTags: [...(incident.customTags ?? [])],
    assignedTo: incident.assignedTo || null,
    status: incident.status === 'inProgress' ? 'inProgress' : 'active',
    resolve: incident.status === 'resolved',
    resolvingComment: incident.resolvingComment ?? '',
    classification: formClassification(incident.classification),
    determination: formDetermination(incident.determination),
  };
}

/** The bulk form: every field says "No change". */
export function emptyBulkValues(): ManageValues {
  return {
    displayName: '',
    severity: NO_CHANGE,
    customTags: [],
    assignedTo: undefined,
    status: NO_CHANGE,
    resolve: false,
    resolvingComment: '',
    classification: NO_CHANGE,
    determination: NO_CHANGE,
  };
}

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((t, i) => t === b[i]);

/** Case-insensitive membership, as Graph compares tags. */
export const hasTag = (tags: readonly string[], tag: string) =>
  tags.some((t) => t.toLowerCase() === tag.toLowerCase());

/**
 * Problems with the values, by field; empty when the form can be saved. The rules are the
 * server's (src/domain/incident-patch.ts), checked on the PATCH the form would send: for one
 * incident against what it holds, in bulk against the fields the analyst touched.
 */
export function validate(values: ManageValues, incident: Incident | undefined): ManageErrors {
  if (incident) {
    const patch = toDomainPatch(patchFor(incident, values));
    return pick(patchProblems(patchableIncident(incident), patch));
  }
  const patch = toDomainPatch(bulkPatchFor({ customTags: [] }, values));
  // In bulk each incident keeps its own classification: a pair is checked only when both are set.
  const pairSet = patch.classification !== undefined && patch.determination !== undefined;
  return pick(pairSet ? patchProblems(UNSET_PAIR, patch) : valueProblems(patch));
}

const UNSET_PAIR = { classification: null, determination: null };

/** The form's fields among a patch's problems. */
function pick(problems: PatchProblems): ManageErrors {
  const errors: ManageErrors = {};
  for (const field of MANAGE_FIELDS) {
    const problem = problems[field];
    if (problem) errors[field] = problem;
  }
  return errors;
}

const MANAGE_FIELDS: readonly ManageField[] = [
  'displayName',
  'customTags',
  'resolvingComment',
  'classification',
  'determination',
];

/** The client's PATCH in the rules' terms ("unknown" is unset, text is as sent). */
function toDomainPatch(patch: IncidentPatch): DomainPatch {
  const out: DomainPatch = {};
  if (patch.displayName !== undefined) out.displayName = patch.displayName ?? '';
  if (
    patch.severity !== undefined &&
    patch.severity !== null &&
    patch.severity !== 'unknownFutureValue'
  )
    out.severity = patch.severity;
  if (patch.customTags !== undefined) out.customTags = [...(patch.customTags ?? [])];
  if (patch.assignedTo !== undefined) out.assignedTo = patch.assignedTo || null;
  if (patch.status !== undefined && patch.status !== null) out.status = patch.status;
  for (const key of ['resolvingComment', 'summary', 'description'] as const) {
    if (patch[key] !== undefined) out[key] = patch[key] ?? null;
  }
  if (patch.classification !== undefined) {
    out.classification = isUnset(patch.classification) ? null : patch.classification;
  }
  if (patch.determination !== undefined) {
    out.determination = isUnset(patch.determination) ? null : patch.determination;
  }
  return out;
}

/** An incident as read from Graph, as the rules see it. */
function patchableIncident(incident: Incident): PatchableIncident {
  return {
    displayName: incident.displayName ?? '',
    severity: incident.severity ?? 'unknown',
    status: incident.status ?? 'active',
    assignedTo: incident.assignedTo || null,
    classification: isUnset(incident.classification) ? null : incident.classification,
    determination: isUnset(incident.determination) ? null : incident.determination,
    customTags: [...(incident.customTags ?? [])],
    resolvingComment: incident.resolvingComment ?? null,
    summary: incident.summary ?? null,
    description: incident.description ?? null,
    severitySetByHand: false,
    nameIsAutomatic: false,
  };
}

/** The status the values ask for, or `undefined` for "No change". */
function statusOf(values: ManageValues): IncidentStatus | undefined {
  if (values.resolve) return 'resolved';
  return values.status === NO_CHANGE ? undefined : values.status;
}

/** The PATCH for one incident: only the fields whose value differs from the incident's. */
export function patchFor(incident: Incident, values: ManageValues): IncidentPatch {
  const patch: IncidentPatch = {};
  const name = values.displayName.trim();
  if (name !== (incident.displayName ?? '')) patch.displayName = name;
  if (values.severity !== NO_CHANGE && values.severity !== incident.severity) {
    patch.severity = values.severity;
  }
  if (!sameTags(values.customTags, incident.customTags ?? [])) {
    patch.customTags = values.customTags;
  }
  if (values.assignedTo !== undefined && values.assignedTo !== (incident.assignedTo || null)) {
    patch.assignedTo = values.assignedTo;
  }
  const status = statusOf(values);
  if (status !== undefined && status !== incident.status) patch.status = status;
  if (values.resolve) {
    const comment = values.resolvingComment.trim();
    if (comment !== (incident.resolvingComment ?? '').trim()) {
      patch.resolvingComment = comment === '' ? null : comment;
    }
  }
  if (
    values.classification !== NO_CHANGE &&
    values.classification !== formClassification(incident.classification)
  ) {
    patch.classification = values.classification;
  }
  if (
    values.determination !== NO_CHANGE &&
    values.determination !== formDetermination(incident.determination)
  ) {
    patch.determination = values.determination;
  }
  return patch;
}

/**
 * The PATCH the bulk form makes for one incident: the fields the analyst touched, with the tags
 * to add united with the incident's own (Graph replaces the whole collection).
 */
export function bulkPatchFor(incident: Incident, values: ManageValues): IncidentPatch {
  const patch: IncidentPatch = {};
  if (values.severity !== NO_CHANGE) patch.severity = values.severity;
  if (values.customTags.length > 0) {
    const own = incident.customTags ?? [];
    const added = values.customTags.filter((t) => !hasTag(own, t));
    if (added.length > 0) patch.customTags = [...own, ...added];
  }
  if (values.assignedTo !== undefined) patch.assignedTo = values.assignedTo;
  const status = statusOf(values);
  if (status !== undefined) patch.status = status;
  if (values.resolve && values.resolvingComment.trim() !== '') {
    patch.resolvingComment = values.resolvingComment.trim();
  }
  if (values.classification !== NO_CHANGE) patch.classification = values.classification;
  if (values.determination !== NO_CHANGE) patch.determination = values.determination;
  return patch;
}

/** Whether the bulk form asks for anything at all. */
export function bulkHasChanges(values: ManageValues): boolean {
  return Object.keys(bulkPatchFor({ customTags: [] }, values)).length > 0;
}

/**
 * The incident as it will be once the server accepts the patch (the optimistic copy), planned
 * by the very rules the server applies, so the page and the queue agree before it answers.
 */
export function applyPatch(incident: Incident, patch: IncidentPatch): Incident {
  const planned = planIncidentPatch(patchableIncident(incident), toDomainPatch(patch));
  if (!planned.ok) return incident;
  const { next } = planned.value;
  const updated: Incident = {
    ...incident,
    displayName: next.displayName,
    severity: next.severity,
    status: next.status,
    assignedTo: next.assignedTo,
    classification: next.classification,
    determination: next.determination,
    customTags: next.customTags,
    resolvingComment: next.resolvingComment,
    summary: patch.summary !== undefined ? next.summary : incident.summary,
    description: next.description,
  };
  if (incident.alerts) {
    updated.alerts = incident.alerts.map((alert) => ({
      ...alert,
      ...alertEffects(alert, planned.value),
    }));
  }
  return updated;
}

/** Field names as the pane labels them, for conflict and result messages. */
export const FIELD_LABELS: Record<keyof IncidentPatch, string> = {
  displayName: 'Incident name',
  severity: 'Severity',
  customTags: 'Tags',
  assignedTo: 'Assign to',
  status: 'Status',
  resolvingComment: 'Comment',
  classification: 'Classification',
  determination: 'Determination',
  summary: 'Summary',
  description: 'Description',
};

/** One field's value in words ("High", "Not set", "VIP, Escalated", "Unassigned"). */
function describeValue(field: keyof IncidentPatch, value: unknown): string {
  if (field === 'customTags') {
    const tags = (value as string[] | null | undefined) ?? [];
    return tags.length === 0 ? 'No tags' : tags.join(', ');
  }
  if (field === 'assignedTo') return (value as string | null | undefined) || 'Unassigned';
  if (value === null || value === undefined || value === '') return 'None';
  const text = value as string;
  switch (field) {
    case 'severity':
      return SEVERITY_LABELS[text as AlertSeverity] ?? text;
    case 'status':
      return INCIDENT_STATUS_LABELS[text as IncidentStatus] ?? text;
    case 'classification':
      return CLASSIFICATION_LABELS[text as AlertClassification] ?? text;
    case 'determination':
      return DETERMINATION_LABELS[text as AlertDetermination] ?? text;
    default:
      return text;
  }
}

/** The value an incident holds for a field, normalised the way the form compares it. */
export function valueOf(incident: Incident, field: keyof IncidentPatch): unknown {
  switch (field) {
    case 'classification':
      return formClassification(incident.classification);
    case 'determination':
      return formDetermination(incident.determination);
    case 'assignedTo':
      return incident.assignedTo || null;
    case 'customTags':
      return incident.customTags ?? [];
    default:
      return incident[field] ?? null;
  }
}

/** One field someone else changed while the analyst edited it. */
export type ConflictRow = { field: keyof IncidentPatch; theirs: string; yours: string };

/**
 * The fields the analyst edited that someone else changed meanwhile: what the analyst started
 * from (`base`) against what the incident holds now (`fresh`).
 */
export function conflictsOf(base: Incident, fresh: Incident, patch: IncidentPatch): ConflictRow[] {
  const rows: ConflictRow[] = [];
  for (const field of Object.keys(patch) as (keyof IncidentPatch)[]) {
    const before = valueOf(base, field);
    const now = valueOf(fresh, field);
    if (JSON.stringify(before) === JSON.stringify(now)) continue;
    rows.push({
      field,
      theirs: describeValue(field, now),
      yours: describeValue(field, patch[field]),
    });
  }
  return rows;
}
