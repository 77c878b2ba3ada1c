/**
 * The incident activity log (SPEC.md §2.4, §10): audits and comments. Graph has no resource for
 * it; the mock serves it under `mock/v1/incidents/{id}/activities`.
 */
export type ActivityKind = 'audit' | 'comment';

type ActivityCategory =
  'incident' | 'alert' | 'merge' | 'assignment' | 'classification' | 'tag' | 'comment' | 'relation';

export type ActivityEntry = {
  id: string;
  /** The incident whose log this is. */
  incidentId: string;
  /** Set when the entry was copied in by a merge: the incident it came from. */
  originIncidentId?: string;
  kind: ActivityKind;
  createdDateTime: string;
  /** UPN, "System", or "Microsoft Defender XDR - alert correlation". */
  performedBy: string;
  category: ActivityCategory;
  /** Machine-readable verb, e.g. "statusChanged", "alertCorrelated", "incidentsMerged". */
  action: string;
  /** One sentence an analyst can read as it is. */
  description: string;
  targetType?: 'incident' | 'alert';
  targetName?: string;
  targetId?: string;
  oldValue?: unknown;
  newValue?: unknown;
  /** The comment text (kind = comment), or a note attached to an audit. */
  comment?: string;
  /** The alerts this entry is about, so a reader who may not see them is not told of them. */
  alertIds?: string[];
};

export const SYSTEM_ACTOR = 'System';
export const CORRELATION_ACTOR = 'Microsoft Defender XDR - alert correlation';
