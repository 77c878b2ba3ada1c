/**
 * What an operation answers, in the domain's terms: a value, or a refusal of a known kind with a
 * message an analyst can read as it is. The store and the rules speak only this; each contract
 * (Graph's, ARM's) maps a refusal to its own status code and error envelope at the edge.
 */
export type RefusalKind =
  /** The request is malformed or breaks a rule (a missing field, a merge of six incidents). */
  | 'invalid'
  /** What it names does not exist, or the caller may not see it. */
  | 'notFound'
  /** The caller may see it but lacks the rights to do this. */
  | 'forbidden'
  /** It clashes with what exists (a relation name used for another alert). */
  | 'conflict'
  /** The caller's copy is out of date (If-Match). */
  | 'stale'
  /** It is taking part in an operation that is still running (a merge). */
  | 'locked';

export type Refusal = { kind: RefusalKind; message: string };

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Refusal };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });

export const refuse = <T = never>(kind: RefusalKind, message: string): Outcome<T> => ({
  ok: false,
  error: { kind, message },
});

/**
 * The refusal of a write to incidents a merge is running on (Defender: "while the incidents are
 * merging you can't change either"). `alertId` names the alert when an alert's write was refused.
 */
export function mergeLocked<T = never>(
  incidentIds: readonly string[],
  alertId?: string,
): Outcome<T> {
  const incidents = `incident ${incidentIds.join(', ')}`;
  return refuse(
    'locked',
    alertId === undefined
      ? `Incident ${incidentIds.join(', ')} is being merged; try again when the merge has finished.`
      : `Alert ${alertId} belongs to ${incidents}, which is being merged; try again when the merge has finished.`,
  );
}
