/**
 * `microsoft.graph.security.correlationReason`, a flags enum serialized as one string of members
 * joined by ", " (SPEC.md §2.6), e.g. "sameCampaign, sameActor".
 */
const CORRELATION_REASONS = [
  'repeatedAlertOccurrence',
  'sameGeography',
  'similarArtifacts',
  'sameTargetedAsset',
  'sameNetworkSegment',
  'eventSequence',
  'timeFrame',
  'sameThreatSource',
  'similarTTPsOrBehavior',
  'sameActor',
  'sameCampaign',
  'sharedIndicators',
  'sameAsset',
  'networkProximity',
  'eventCasualSequence',
  'temporalProximity',
  'lateralMovementPath',
  'unknownFutureValue',
] as const;
export type CorrelationReason = (typeof CORRELATION_REASONS)[number];

/** The reasons the portal offers an analyst, with its labels (SPEC.md §2.6). */
export const CORRELATION_REASON_LABELS: Partial<Record<CorrelationReason, string>> = {
  sameThreatSource: 'Same threat source',
  similarTTPsOrBehavior: 'Similar TTPs or behavior',
  sameActor: 'Same actor',
  sameCampaign: 'Same campaign',
  sharedIndicators: 'Shared indicators',
  sameAsset: 'Same asset',
  networkProximity: 'Network proximity',
  eventCasualSequence: 'Event causal sequence',
  temporalProximity: 'Temporal proximity',
  lateralMovementPath: 'Lateral movement path',
};

export type ParsedReasons =
  { ok: true; reasons: CorrelationReason[] } | { ok: false; unknown: string[] };

/** Parses a flags string case-insensitively; empty or absent means no reasons. */
export function parseCorrelationReasons(text: string | null | undefined): ParsedReasons {
  if (text === null || text === undefined || text.trim() === '') return { ok: true, reasons: [] };
  const reasons: CorrelationReason[] = [];
  const unknown: string[] = [];
  for (const part of text.split(',')) {
    const name = part.trim();
    const member = CORRELATION_REASONS.find((r) => r.toLowerCase() === name.toLowerCase());
    if (member) {
      if (!reasons.includes(member)) reasons.push(member);
    } else unknown.push(name);
  }
  return unknown.length ? { ok: false, unknown } : { ok: true, reasons };
}

export function formatCorrelationReasons(reasons: readonly CorrelationReason[]): string {
  return CORRELATION_REASONS.filter((r) => reasons.includes(r)).join(', ');
}

/** A reason as the portal shows it ("Same campaign"), or its member name if the portal has none. */
export function correlationReasonLabel(reason: CorrelationReason): string {
  return CORRELATION_REASON_LABELS[reason] ?? reason;
}
