import { useQuery } from '@tanstack/react-query';
import { useLiveMode, useSentinelWorkspaces } from '@/api/config';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { relationQueries } from '@/api/relations/relation-queries';

/** Why relating cannot be offered at all: live mode without a Sentinel workspace configured. */
export const NO_WORKSPACE_REASON =
  'Adding and removing alerts goes through Microsoft Sentinel, and no Sentinel workspace is configured (VITE_SENTINEL_WORKSPACES, or "workspaces" in config.json).';

/** The incident as Sentinel's relations API addresses it, or why it cannot be. */
export type SentinelIncident =
  | { kind: 'ready'; id: string }
  /** Not (yet) possible for this incident: the reason goes on the disabled control. */
  | { kind: 'denied'; reason: string }
  /** Not possible in this deployment: the controls are hidden and the reason said once. */
  | { kind: 'unavailable'; reason: string };

/**
 * The incident's ARM id for relations. The mock writes it on the incident; live mode asks the
 * configured Sentinel workspaces for the incident whose `providerIncidentId` is its Graph id.
 */
export function useSentinelIncident(incidentId: string): SentinelIncident {
  const live = useLiveMode();
  const workspaces = useSentinelWorkspaces();
  const incident = useQuery(incidentQueries.detail(incidentId));
  const lookup = useQuery({
    ...relationQueries.sentinelIncident(incidentId),
    enabled: live && workspaces.length > 0,
  });
  if (live) {
    if (workspaces.length === 0) return { kind: 'unavailable', reason: NO_WORKSPACE_REASON };
    if (lookup.isPending) {
      return { kind: 'denied', reason: 'Looking for the incident in Microsoft Sentinel…' };
    }
    // Once found, a lookup that fails to refresh keeps what it found.
    if (lookup.isLoadingError) {
      return {
        kind: 'denied',
        reason: `Microsoft Sentinel could not be asked for this incident: ${lookup.error.message}`,
      };
    }
    return lookup.data
      ? { kind: 'ready', id: lookup.data }
      : {
          kind: 'denied',
          reason: 'This incident is not in the configured Microsoft Sentinel workspaces',
        };
  }
  if (!incident.data) return { kind: 'denied', reason: 'Loading the incident…' };
  const id = incident.data['@mock.sentinelIncidentId'];
  return id
    ? { kind: 'ready', id }
    : { kind: 'denied', reason: 'This incident is not in a Microsoft Sentinel workspace' };
}
