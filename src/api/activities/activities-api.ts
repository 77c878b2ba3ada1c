/**
 * The incident activity log (SPEC.md §2.4, §10). Graph has no resource for it: the mock serves it
 * under `mock/v1/incidents/{id}/activities`, so live mode simply has no activity log.
 */
import type { ActivityEntry, ActivityKind } from '@/domain/activity';
import { mockRoot } from '../config';
import { http } from '../http';

/** Which entries: those of the incident itself, those a merge copied in, or both. */
export type ActivityOrigin = 'all' | 'this' | 'merged';

/** What the activity log shows: one kind (or both, when unset) from one origin. */
export type ActivityFilter = {
  kind?: ActivityKind;
  /** @default 'all' */
  origin?: ActivityOrigin;
};

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
