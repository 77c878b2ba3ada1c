import type { QueryClient } from '@tanstack/react-query';
import { alertKeys } from '@/api/alerts/alert-keys';
import { incidentKeys } from '@/api/incidents/incident-keys';
import { relationKeys } from '@/api/relations/relation-keys';

/** The key of every relate or remove in flight: one refetch serves them all. */
export const RELATION_MUTATION_KEY = [...relationKeys.all, 'change'] as const;

/**
 * Refetches what adding or removing an alert changes, unless another relation change is still
 * in flight (the last one to settle refetches for all): the incidents (the open page, its
 * alerts, assets and activity log hang off its key; the queues' counts), the alerts (their
 * incident lists), the relations and the entities' timelines. The promise settles when what is
 * on screen shows the change.
 */
export function refetchAfterRelation(queryClient: QueryClient) {
  if (queryClient.isMutating({ mutationKey: RELATION_MUTATION_KEY }) > 1) return undefined;
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: incidentKeys.all }),
    queryClient.invalidateQueries({ queryKey: alertKeys.all }),
    queryClient.invalidateQueries({ queryKey: relationKeys.all }),
  ]);
}
