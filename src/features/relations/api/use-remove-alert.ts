import { useMutation, useQueryClient } from '@tanstack/react-query';
import { listRelations, removeAlert } from '@/api/relations/relations-api';
import { RELATION_MUTATION_KEY, refetchAfterRelation } from './refetch-after-relation';

export type RemoveAlertVariables = {
  /** The incident the alert leaves: its Graph id (its number) and its ARM id. */
  incident: { id: string; sentinelIncidentId: string };
  /** The related alert: its Graph id and its ARM id (`@mock.sentinelAlertId`). */
  alert: { id: string; sentinelAlertId: string };
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
      const wanted = alert.sentinelAlertId.toLowerCase();
      const relation = relations.find(
        (r) => r.properties.relatedResourceId.toLowerCase() === wanted,
      );
      if (!relation) {
        throw new Error(`Alert ${alert.id} is no longer related to incident ${incident.id}.`);
      }
      await removeAlert(incident.sentinelIncidentId, relation.name);
    },
    onSettled: () => refetchAfterRelation(queryClient),
  });
}
