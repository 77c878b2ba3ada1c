import { useMutation, useQueryClient } from '@tanstack/react-query';
import { afterWrite, refetchIncidentsAndAlerts } from '@/api/after-write';
import { updateIncident } from '@/api/incidents/incidents-api';
import type { Incident } from '@/domain/graph';

/**
 * The `a` shortcut: assigns one incident to the analyst (Graph's PATCH of `assignedTo`, guarded
 * by the etag the queue read, so a change made meanwhile is refused rather than overwritten).
 * The queue and the incident are read again once the server has answered.
 */
export function useAssignToMe(upn: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (incident: Incident) =>
      updateIncident(incident.id ?? '', { assignedTo: upn }, incident['@odata.etag']),
    onSettled: (_data, error) => afterWrite(error, refetchIncidentsAndAlerts(queryClient)),
  });
}
