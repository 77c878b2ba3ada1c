/** Limits of the seeds and of Graph (SPEC.md §2.3, §3.1, §5.2, §7.2). */
export const LIMITS = {
  /** Manual merge: at least two incidents, at most five. */
  minIncidentsPerMerge: 2,
  maxIncidentsPerMerge: 5,
  /** Alerts an incident may hold (home + related), Sentinel's documented cap applied everywhere. */
  maxAlertsPerIncident: 150,
  /** Characters per comment (portal and Sentinel). */
  maxCommentLength: 30_000,
  /** `$top` on `security/incidents`; above it Graph answers 400. */
  maxIncidentsTop: 50,
  /** `$top` on `security/alerts_v2` (undocumented in Graph; SPEC.md §3.7 recommends 2000). */
  maxAlertsTop: 2000,
  /** Incidents one CSV export of the queue holds at most (Defender's limit, SPEC.md §12.1). */
  maxExportedIncidents: 10_000,
  /** Page size when the client sends no `$top`. */
  defaultPageSize: 50,
  /** Length of an incident name. */
  maxDisplayNameLength: 256,
  /** Length of an owner (a UPN or a group's name). */
  maxOwnerLength: 256,
  /** Length of one custom tag, and the number of custom tags on one incident. */
  maxTagLength: 100,
  maxTagsPerIncident: 50,
} as const;
