/**
 * Reading a Graph list past its first page: the next page from `@odata.nextLink`, and a scan of
 * the first pages for what Graph cannot filter, which the console then filters itself (live
 * mode's searches and filters, an entity's alerts).
 */
import type { ODataCollection } from '@/domain/graph';
import { LIMITS } from '@/domain/limits';
import { graphRoot } from './config';
import { ApiError, http } from './http';

/**
 * The next page of a list, from its `@odata.nextLink` (called verbatim, as Graph asks). A link
 * to anywhere but Graph is refused rather than sent the analyst's token.
 */
export function getNextPage<T>(
  nextLink: string,
  signal?: AbortSignal,
): Promise<ODataCollection<T>> {
  const graph = new URL(graphRoot());
  const next = new URL(nextLink, graph);
  if (next.origin !== graph.origin || !next.pathname.startsWith(`${graph.pathname}/`)) {
    return Promise.reject(
      new ApiError({
        status: 0,
        code: 'InvalidResponse',
        message: `The server's next page link (${next.origin}${next.pathname}) is not a Graph address; the list was not read further.`,
      }),
    );
  }
  return http<ODataCollection<T>>(next.toString(), { signal });
}

/** What a read of several pages found, and whether the list went on past them. */
export type ListScan<T> = {
  items: T[];
  /** Graph's count of the whole list (`$count=true`), when it gave one. */
  total?: number;
  /** More pages were left unread (`limit` reached). */
  truncated: boolean;
};

/**
 * Reads a list from its first page (`first`, asked for `top` items, at most Graph's 50) through
 * `@odata.nextLink` until it ends or `limit` items are read.
 */
export async function scanList<T>(
  first: (top: number) => Promise<ODataCollection<T>>,
  limit: number,
  signal?: AbortSignal,
): Promise<ListScan<T>> {
  let page = await first(Math.min(LIMITS.maxIncidentsTop, limit));
  const total = page['@odata.count'];
  const items = [...page.value];
  let next = page['@odata.nextLink'];
  while (next && items.length < limit) {
    page = await getNextPage<T>(next, signal);
    items.push(...page.value);
    next = page['@odata.nextLink'];
  }
  return {
    items: items.slice(0, limit),
    total,
    truncated: next !== undefined || items.length > limit,
  };
}
