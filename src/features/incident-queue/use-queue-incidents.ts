import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { IncidentListParams } from '@/api/incidents/incidents-api';
import { incidentQueries } from '@/api/incidents/incident-queries';
import type { Incident, ODataCollection } from '@/domain/graph';
import {
  describeLocalFiltering,
  LOCAL_SCAN_LIMIT,
  localFiltering,
  matchesLocalFilters,
  scanParams,
} from './local-filters';
import type { QueueState } from './queue-state';

/**
 * The queue's page of incidents. In mock mode (and in live mode without a search, tag or source
 * filter) Graph filters and pages; in live mode with one, the console reads the view's first
 * pages (or looks an id up), filters and pages them itself, and `note` says what it did.
 */
export function useQueueIncidents(
  state: QueueState,
  params: IncidentListParams,
  options: { live: boolean; enabled: boolean },
) {
  const filtering = options.live ? localFiltering(state) : ({ kind: 'none' } as const);
  const list = useQuery({
    ...incidentQueries.list(params),
    enabled: options.enabled && filtering.kind === 'none',
    placeholderData: keepPreviousData,
  });
  const scan = useQuery({
    ...incidentQueries.scan(scanParams(params), LOCAL_SCAN_LIMIT),
    enabled: options.enabled && filtering.kind === 'scan',
    placeholderData: keepPreviousData,
  });
  const lookup = useQuery({
    ...incidentQueries.lookup(filtering.kind === 'lookup' ? filtering.id : ''),
    enabled: options.enabled && filtering.kind === 'lookup',
  });

  const { page, pageSize } = state;
  const scanned = scan.data;
  const found = lookup.data;
  const data = useMemo((): ODataCollection<Incident> | undefined => {
    if (filtering.kind === 'scan') {
      if (!scanned) return undefined;
      const matched = scanned.incidents.filter((i) => matchesLocalFilters(i, state));
      const start = (page - 1) * pageSize;
      return { value: matched.slice(start, start + pageSize), '@odata.count': matched.length };
    }
    if (filtering.kind === 'lookup') {
      if (found === undefined) return undefined;
      const value = found && matchesLocalFilters(found, state) ? [found] : [];
      return { value, '@odata.count': value.length };
    }
    return undefined;
    // `state` is read for its filters only, which `filtering` and the URL already key.
  }, [filtering.kind, scanned, found, state, page, pageSize]);

  const source = filtering.kind === 'scan' ? scan : filtering.kind === 'lookup' ? lookup : list;
  const note = describeLocalFiltering(
    filtering,
    state,
    scanned && {
      read: scanned.incidents.length,
      total: scanned.total,
      truncated: scanned.truncated,
    },
  );
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
    note: note && {
      title: filtering.kind === 'lookup' ? 'Looked up by ID' : 'Filtered in the console',
      text: note,
    },
  };
}
