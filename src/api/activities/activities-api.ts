/**
 * The incident activity log (SPEC.md §2.4, §10). Graph has no resource for it: the mock serves it
 * under `mock/v1/incidents/{id}/activities`; live mode shows what Graph has, the incident's
 * comments, and no audits.
 */
import type { ActivityEntry, ActivityKind } from '@/domain/activity';
import type { Incident } from '@/domain/graph';
import { isLiveMode, mockRoot } from '../config';
import { http } from '../http';

/** Which entries: those of the incident itself, those a merge copied in, or both. */
export type ActivityOrigin = 'all' | 'this' | 'merged';

/** What the activity log shows: one kind (or both, when unset) from one origin. */
export type ActivityFilter = {
  kind?: ActivityKind;
  /** @default 'all' */
  origin?: ActivityOrigin;
};

/** Whether a log of this filter lists the comments posted on the incident itself. */
export const listsOwnComments = (filter: ActivityFilter): boolean =>
  filter.kind !== 'audit' && filter.origin !== 'merged';

/** One page of the log, newest first. */
export type ActivityPage = {
  '@odata.count': number;
  value: ActivityEntry[];
  '@odata.nextLink'?: string;
};

/** Entries per page; the mock's default page size and the portal's. */
export const ACTIVITY_PAGE_SIZE = 50;

/** Reads one page of an incident's activity log, newest first. */
export function getActivities(
  incidentId: string,
  filter: ActivityFilter,
  page: { top: number; skip: number },
  signal?: AbortSignal,
): Promise<ActivityPage> {
  if (isLiveMode()) return getGraphComments(incidentId, filter, signal);
  const query = new URLSearchParams();
  if (filter.kind) query.set('kind', filter.kind);
  if (filter.origin && filter.origin !== 'all') query.set('origin', filter.origin);
  query.set('$top', String(page.top));
  if (page.skip > 0) query.set('$skip', String(page.skip));
  return http<ActivityPage>(
    `${mockRoot()}/incidents/${encodeURIComponent(incidentId)}/activities?${query.toString()}`,
    { signal },
  );
}

/**
 * Live mode's log: the incident's `comments` as Graph keeps them, newest first, in one page.
 * Graph has no audits, and no record of which comments a merge copied in.
 */
async function getGraphComments(
  incidentId: string,
  filter: ActivityFilter,
  signal?: AbortSignal,
): Promise<ActivityPage> {
  if (!listsOwnComments(filter)) return { '@odata.count': 0, value: [] };
  const incident = await http<Incident>(`/security/incidents/${encodeURIComponent(incidentId)}`, {
    signal,
  });
  const value = (incident.comments ?? [])
    .map((c, i): ActivityEntry => ({
      id: `graph-comment-${i}`,
      incidentId,
      kind: 'comment',
      createdDateTime: c.createdDateTime ?? '',
      performedBy: c.createdByDisplayName ?? 'Unknown',
      category: 'comment',
      action: 'commentAdded',
      description: `${c.createdByDisplayName ?? 'Someone'} added a comment.`,
      comment: c.comment ?? '',
    }))
    // Newest first, as the log reads; Graph keeps them in the order they were added.
    .reverse()
    .sort((a, b) => b.createdDateTime.localeCompare(a.createdDateTime));
  return { '@odata.count': value.length, value };
}
