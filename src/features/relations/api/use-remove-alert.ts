import { useMutation, useQueryClient } from '@tanstack/react-query';
import { afterWrite } from '@/api/after-write';
import { listRelations, removeAlert } from '@/api/relations/relations-api';
import type { Alert } from '@/domain/graph';
import { RELATION_MUTATION_KEY, refetchAfterRelation } from './refetch-after-relation';
import { requireSentinelAlertId } from './use-relate-alert';

export type RemoveAlertVariables = {
  /** The incident the alert leaves: its Graph id (its number) and its ARM id. */
  incident: { id: string; sentinelIncidentId: string };
  /** The related alert (its ARM id is found from it). */
  alert: Alert;
};

/**
 * Removes a related alert from an incident: finds the relation that holds it (whatever name a
 * person, a playbook or Defender gave it) and deletes it. The alert stays in its home incident.
 */
export function useRemoveAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: RELATION_MUTATION_KEY,
    mutationFn: async ({ incident, alert }: RemoveAlertVariables) => {
      const relations = await listRelations(incident.sentinelIncidentId);
      const wanted = (await requireSentinelAlertId(alert)).toLowerCase();
      const relation = relations.find(
        (r) => r.properties.relatedResourceId.toLowerCase() === wanted,
      );
      if (!relation) {
        throw new Error(`Alert ${alert.id ?? ''} is no longer related to incident ${incident.id}.`);
      }
      await removeAlert(incident.sentinelIncidentId, relation.name);
    },
    onSettled: (_data, error) => afterWrite(error, refetchAfterRelation(queryClient)),
  });
}
