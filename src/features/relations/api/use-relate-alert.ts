import { useMutation, useQueryClient } from '@tanstack/react-query';
import { afterWrite } from '@/api/after-write';
import { updateIncident } from '@/api/incidents/incidents-api';
import { relateAlert } from '@/api/relations/relations-api';
import { sentinelAlertIdOf } from '@/api/relations/sentinel-lookup';
import type { Alert } from '@/domain/graph';
import { closedByRelationComment } from '@/domain/relations';
import { RELATION_MUTATION_KEY, refetchAfterRelation } from './refetch-after-relation';

export type RelateAlertVariables = {
  /** The incident the alert joins: its Graph id (its number) and its ARM id. */
  incident: { id: string; sentinelIncidentId: string };
  /** The alert to add (its ARM id is found from it: `sentinelAlertIdOf`). */
  alert: Alert;
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
      alert,
      closeIncidentId,
    }: RelateAlertVariables): Promise<RelateAlertResult> => {
      await relateAlert(incident.sentinelIncidentId, await requireSentinelAlertId(alert));
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
    onSettled: (_data, error) => afterWrite(error, refetchAfterRelation(queryClient)),
  });
}

/** The alert's ARM id, or an error saying Sentinel does not hold it (nothing is sent then). */
export async function requireSentinelAlertId(alert: Alert): Promise<string> {
  const id = await sentinelAlertIdOf(alert);
  if (id === null) {
    throw new Error(
      `Alert ${alert.id ?? ''} was not found in the configured Microsoft Sentinel workspaces.`,
    );
  }
  return id;
}
