/**
 * A queue's page when live mode must do what real Graph refuses in `$filter` (searching names,
 * and for incidents tags and sources): either Graph filters and pages (`none`), or the console
 * reads the view's first pages through `@odata.nextLink` and filters and pages them itself
 * (`scan`), or it looks an id up (`lookup`). The incidents and alerts queues share it; each
 * says which list, how items match, and the note it shows.
 */
import {
  keepPreviousData,
  useQuery,
  type QueryKey,
  type UseQueryOptions,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ListScan } from '@/api/list-pages';
import type { ODataCollection } from '@/domain/graph';

/** How many items the console reads at most to filter them itself (10 requests of 50). */
export const LOCAL_SCAN_LIMIT = 500;

/** How the queue finds what Graph cannot filter: not at all, by reading pages, or by id. */
export type LocalFiltering = { kind: 'none' } | { kind: 'scan' } | { kind: 'lookup'; id: string };

/** What a queue says when the console filtered or looked up itself. */
export type LocalListNote = { title: string; text: string };

/** What the console read to filter it itself, for the note. */
export type ScanExtent = { read: number; total?: number; truncated: boolean };

type Options<T, K extends QueryKey> = UseQueryOptions<T, Error, T, K>;

export type LocalListOptions<T, KL extends QueryKey, KS extends QueryKey, KU extends QueryKey> = {
  filtering: LocalFiltering;
  enabled: boolean;
  /** The page as Graph filters and pages it. */
  list: Options<ODataCollection<T>, KL>;
  /** The view's first pages, to filter in the console. */
  scan: Options<ListScan<T>, KS>;
  /** One item by id, or null when there is none. */
  lookup: (id: string) => Options<T | null, KU>;
  /** Whether an item passes the filters Graph could not apply (a looked-up one too). */
  matches: (item: T) => boolean;
  page: number;
  pageSize: number;
  /** The note the queue shows when the console filtered or looked up. */
  note: (scan: ScanExtent | undefined) => LocalListNote | undefined;
};

export function useLocalList<T, KL extends QueryKey, KS extends QueryKey, KU extends QueryKey>(
  options: LocalListOptions<T, KL, KS, KU>,
) {
  const { filtering, enabled, matches, page, pageSize } = options;
  const list = useQuery({
    ...options.list,
    enabled: enabled && filtering.kind === 'none',
    placeholderData: keepPreviousData,
  });
  const scan = useQuery({
    ...options.scan,
    enabled: enabled && filtering.kind === 'scan',
    placeholderData: keepPreviousData,
  });
  const lookup = useQuery({
    ...options.lookup(filtering.kind === 'lookup' ? filtering.id : ''),
    enabled: enabled && filtering.kind === 'lookup',
  });

  const scanned = scan.data;
  const found = lookup.data;
  const data = useMemo((): ODataCollection<T> | undefined => {
    if (filtering.kind === 'scan') {
      if (!scanned) return undefined;
      const matched = scanned.items.filter(matches);
      const start = (page - 1) * pageSize;
      return { value: matched.slice(start, start + pageSize), '@odata.count': matched.length };
    }
    if (filtering.kind === 'lookup') {
      if (found === undefined) return undefined;
      const value = found !== null && matches(found) ? [found] : [];
      return { value, '@odata.count': value.length };
    }
    return undefined;
  }, [filtering.kind, scanned, found, matches, page, pageSize]);

  const source = filtering.kind === 'scan' ? scan : filtering.kind === 'lookup' ? lookup : list;
  return {
    data: filtering.kind === 'none' ? list.data : data,
    // Narrowed together, as React Query's own result is (an error whenever isError).
    ...(source.isError
      ? { isError: true as const, error: source.error }
      : { isError: false as const, error: null }),
    isPending: source.isPending,
    isSuccess: source.isSuccess,
    isFetching: source.isFetching,
    isPlaceholderData: source.isPlaceholderData,
    refetch: source.refetch,
    note:
      filtering.kind === 'none'
        ? undefined
        : options.note(
            scanned && {
              read: scanned.items.length,
              total: scanned.total,
              truncated: scanned.truncated,
            },
          ),
  };
}

const count = new Intl.NumberFormat();

/**
 * The note's sentence for a scan: which filters the console applied (`what`), to how many of the
 * list's items (`noun`), and whether there were more it did not read (and what to `narrow` to
 * reach them).
 */
export function describeScan(
  what: string,
  noun: string,
  scan: ScanExtent,
  narrow = 'the other filters or the time range',
): string {
  const read = count.format(scan.read);
  const of =
    scan.truncated && scan.total !== undefined
      ? `the first ${read} (in this order) of ${count.format(scan.total)}`
      : scan.truncated
        ? `the first ${read}`
        : `all ${read}`;
  return (
    `Microsoft Graph cannot apply ${what}, so the console applied it to ${of} ${noun} ` +
    'that match the other filters' +
    (scan.truncated ? `. Narrow ${narrow} to reach the rest.` : '.')
  );
}
