import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateIncident } from '@/api/incidents/incidents-api';
import { relateAlert } from '@/api/relations/relations-api';
import { closedByRelationComment } from '@/domain/relations';
import { RELATION_MUTATION_KEY, refetchAfterRelation } from './refetch-after-relation';

export type RelateAlertVariables = {
  /** The incident the alert joins: its Graph id (its number) and its ARM id. */
  incident: { id: string; sentinelIncidentId: string };
  /** The alert's ARM id (`@mock.sentinelAlertId`). */
  sentinelAlertId: string;
  /** "Close other incident": the incident the alert was the only alert of. */
  closeIncidentId?: string;
};

/** The alert was added; `closeError` says why the other incident could not be closed. */
export type RelateAlertResult = { closed: boolean; closeError?: string };

/**
 * Adds an alert to an incident (a Sentinel relation) and, for "Close other incident", then
 * closes the incident it was the only alert of: resolved, classification and determination
 * unknown (Sentinel's Undetermined), with seed 004's comment naming this incident. The server
 * leaves the alert open, since it is in an open incident. If the relation is refused nothing is
 * closed; if only the closing is refused, the alert stays added and the result says why.
 */
export function useRelateAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: RELATION_MUTATION_KEY,
    mutationFn: async ({
      incident,
      sentinelAlertId,
      closeIncidentId,
    }: RelateAlertVariables): Promise<RelateAlertResult> => {
      await relateAlert(incident.sentinelIncidentId, sentinelAlertId);
      if (closeIncidentId === undefined) return { closed: false };
      try {
        await updateIncident(closeIncidentId, {
          status: 'resolved',
          classification: 'unknown',
          determination: 'unknown',
          resolvingComment: closedByRelationComment(incident.id),
        });
        return { closed: true };
      } catch (error) {
        return {
          closed: false,
          closeError: error instanceof Error ? error.message : String(error),
        };
      }
    },
    onSettled: () => refetchAfterRelation(queryClient),
  });
}
