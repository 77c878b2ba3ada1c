import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { afterWrite, refetchIncidentsAndAlerts } from '@/api/after-write';
import { incidentKeys } from '@/api/incidents/incident-keys';
import { mergeIncidents, type MergeIncidentsRequest } from '@/api/incidents/incidents-api';

/** The key of every merge in flight, so other screens can show which incidents are merging. */
const MERGE_MUTATION_KEY = [...incidentKeys.all, 'merge'] as const;

/**
 * `POST security/incidents/mergeIncidents`. Whatever the answer, incidents, their alerts, assets
 * and activity logs are refetched: on success they changed; on a refusal the preview was stale.
 * After a success the mutation stays pending until the refetch of what is on screen lands; a
 * refusal is shown at once (afterWrite).
 */
export function useMergeIncidents() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: MERGE_MUTATION_KEY,
    mutationFn: (request: MergeIncidentsRequest) => mergeIncidents(request),
    onSettled: (_data, error) => afterWrite(error, refetchIncidentsAndAlerts(queryClient)),
  });
}

const EMPTY: ReadonlySet<string> = new Set();

/** The ids of the incidents a merge is running on right now (any screen's merge). */
export function useMergingIncidentIds(): ReadonlySet<string> {
  const pending = useMutationState<string[]>({
    filters: { mutationKey: MERGE_MUTATION_KEY, status: 'pending' },
    select: (mutation) => (mutation.state.variables as MergeIncidentsRequest).incidentIds,
  });
  const key = pending.flat().sort().join(',');
  // A stable Set per set of ids, so memoized rows re-render only when it changes.
  return useMemo(() => (key ? new Set(key.split(',')) : EMPTY), [key]);
}
