/**
 * The activity log as the seed writes it: drafts of entries with their times, built from the
 * wordings of src/domain/audit.ts so that a seeded entry reads exactly like one the store writes
 * live. Ids and the owning incident are stamped only when the state is assembled, after every
 * log is sorted by time.
 */
import { CORRELATION_ACTOR, SYSTEM_ACTOR, type ActivityEntry } from '@/domain/activity';
import * as audit from '@/domain/audit';
import { SEVERITY_RANK, type AlertSeverity, type IncidentStatus } from '@/domain/enums';
import type { AlertRecord } from '../types';
import { nameOf } from './owners';
import { intern } from './text';
import { iso } from './time';
import type { Classified } from './triage';

/** An activity entry and its time; ids and the owning incident are stamped on assembly. */
export type Draft = { t: number; entry: ActivityEntry };

function draft(
  t: number,
  fields: Omit<ActivityEntry, 'id' | 'incidentId' | 'createdDateTime'>,
): Draft {
  return { t, entry: { id: '', incidentId: '', createdDateTime: iso(t), ...fields } };
}

/** Files a wording of src/domain/audit.ts at time t, by `by` unless the wording names its actor. */
export function filed(t: number, by: string, d: audit.AuditDraft): Draft {
  return draft(t, { ...d, performedBy: d.performedBy ?? by, description: intern(d.description) });
}

export function createdDraft(t: number, first: AlertRecord): Draft {
  return filed(t, CORRELATION_ACTOR, audit.incidentCreatedFromAlert(first));
}

export function correlatedDraft(a: AlertRecord, t: number): Draft {
  return filed(t, CORRELATION_ACTOR, audit.alertCorrelated(a));
}

export function assignDraft(t: number, by: string, from: string | null, to: string): Draft {
  return filed(t, by, audit.assignmentChanged(from, to));
}

export function statusDraft(
  t: number,
  by: string,
  from: IncidentStatus,
  to: IncidentStatus,
): Draft {
  return filed(t, by, audit.statusChanged(from, to));
}

export function tagsDraft(t: number, by: string, from: string[], to: string[]): Draft[] {
  const d = audit.tagsChanged(from, to);
  return d ? [filed(t, by, d)] : [];
}

export function classificationDrafts(t: number, by: string, c: Classified): Draft[] {
  return [
    filed(t, by, audit.classificationChanged(null, c.classification)),
    filed(t, by, audit.determinationChanged(null, c.determination)),
  ];
}

/** A comment is signed by the analyst's display name, as the store signs a live one. */
export function commentDraft(t: number, by: string, comment: string): Draft {
  return filed(t, by, audit.commentAdded(nameOf(by), comment));
}

/** A merged-in copy of an entry (its values copied too, so the two logs share nothing). */
export function copiedEntry(entry: ActivityEntry, originIncidentId: string): ActivityEntry {
  const copy: ActivityEntry = { ...entry, originIncidentId };
  if (Array.isArray(entry.oldValue)) copy.oldValue = [...(entry.oldValue as unknown[])];
  if (Array.isArray(entry.newValue)) copy.newValue = [...(entry.newValue as unknown[])];
  if (entry.alertIds) copy.alertIds = [...entry.alertIds];
  return copy;
}

/** System audits for each time a newly correlated alert raised the derived severity. */
export function severityTrail(
  arrivals: readonly { t: number; severity: AlertSeverity }[],
  stopAt: number | null,
): Draft[] {
  const sorted = [...arrivals].sort((a, b) => a.t - b.t);
  const out: Draft[] = [];
  let current: AlertSeverity | undefined;
  for (const a of sorted) {
    if (current !== undefined && SEVERITY_RANK[a.severity] > SEVERITY_RANK[current]) {
      if (stopAt !== null && a.t >= stopAt) break;
      out.push(filed(a.t, SYSTEM_ACTOR, audit.severityDerived(current, a.severity)));
    }
    if (current === undefined || SEVERITY_RANK[a.severity] > SEVERITY_RANK[current])
      current = a.severity;
  }
  return out;
}

export function latest(drafts: readonly Draft[]): number {
  let last = 0;
  for (const d of drafts) if (d.t > last) last = d.t;
  return last;
}

export function lastModifier(drafts: readonly Draft[]): string {
  let last: Draft | undefined;
  for (const d of drafts) if (d.entry.kind === 'audit' && (!last || d.t >= last.t)) last = d;
  return last?.entry.performedBy ?? CORRELATION_ACTOR;
}
