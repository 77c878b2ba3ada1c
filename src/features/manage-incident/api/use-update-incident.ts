import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { afterWrite, refetchIncidentsAndAlerts } from '@/api/after-write';
import { incidentKeys } from '@/api/incidents/incident-keys';
import { updateIncident, type IncidentPatch } from '@/api/incidents/incidents-api';
import type { Incident, ODataCollection } from '@/domain/graph';
import { applyPatch } from '../manage-form';

/** One save of the Manage incident pane. */
export type UpdateIncidentVariables = {
  id: string;
  patch: IncidentPatch;
  /** The incident as the analyst saw it when editing: its etag guards the write. */
  base: Incident;
};

type Snapshot = [QueryKey, unknown][];

const updateIncidentMutationKey = [...incidentKeys.all, 'update'] as const;

/**
 * Saves a patch optimistically (STYLE.md §4): the incident's detail and every cached queue row
 * show the change at once; a refusal puts them back as they were. After the last concurrent
 * save settles, the incident, its activity log and the alerts are read again.
 */
export function useUpdateIncident(options: {
  onError: (error: unknown, variables: UpdateIncidentVariables) => void;
  onSuccess?: (incident: Incident, variables: UpdateIncidentVariables) => void;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: updateIncidentMutationKey,
    mutationFn: ({ id, patch, base }: UpdateIncidentVariables) =>
      updateIncident(id, patch, base['@odata.etag']),
    onMutate: async ({ id, patch }) => {
      const detailKey = incidentKeys.detail(id);
      await Promise.all([
        queryClient.cancelQueries({ queryKey: detailKey, exact: true }),
        queryClient.cancelQueries({ queryKey: incidentKeys.lists() }),
      ]);
      const snapshot: Snapshot = [
        [detailKey, queryClient.getQueryData(detailKey)],
        ...queryClient.getQueriesData({ queryKey: incidentKeys.lists() }),
      ];
      queryClient.setQueryData<Incident>(detailKey, (old) => old && applyPatch(old, patch));
      queryClient.setQueriesData<ODataCollection<Incident>>(
        { queryKey: incidentKeys.lists() },
        (old) =>
          old?.value
            ? {
                ...old,
                value: old.value.map((row) => (row.id === id ? applyPatch(row, patch) : row)),
              }
            : old,
      );
      return { snapshot };
    },
    onError: (error, variables, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
      options.onError(error, variables);
    },
    onSuccess: (incident, variables) => options.onSuccess?.(incident, variables),
    onSettled: (_data, error) =>
      afterWrite(
        error,
        queryClient.isMutating({ mutationKey: updateIncidentMutationKey }) === 1
          ? refetchIncidentsAndAlerts(queryClient)
          : undefined,
      ),
  });
}
