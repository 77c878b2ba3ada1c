import { useCallback } from 'react';
import type { IncidentListParams } from '@/api/incidents/incidents-api';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { LOCAL_SCAN_LIMIT, useLocalList } from '@/components/use-local-list';
import type { Incident } from '@/domain/graph';
import {
  describeLocalFiltering,
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
  // `state` is read for its filters only, which `filtering` and the URL already key.
  const matches = useCallback(
    (incident: Incident) => matchesLocalFilters(incident, state),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state.search, state.tags, state.sources],
  );
  return useLocalList({
    filtering,
    enabled: options.enabled,
    list: incidentQueries.list(params),
    scan: incidentQueries.scan(scanParams(params), LOCAL_SCAN_LIMIT),
    lookup: incidentQueries.lookup,
    matches,
    page: state.page,
    pageSize: state.pageSize,
    note: (scan) => {
      const text = describeLocalFiltering(filtering, state, scan);
      if (text === undefined) return undefined;
      return {
        title: filtering.kind === 'lookup' ? 'Looked up by ID' : 'Filtered in the console',
        text,
      };
    },
  });
}
