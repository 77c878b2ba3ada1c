import { useMutation, useQueryClient } from '@tanstack/react-query';
import { alertKeys } from '@/api/alerts/alert-keys';
import { moveAlerts, type MoveAlertsRequest } from '@/api/alerts/alerts-api';
import { incidentKeys } from '@/api/incidents/incident-keys';

/**
 * `moveAlerts`, then refresh what it changed: both incidents (lists, counts, the open page; their
 * activity logs and assets hang off the incident's key) and the alerts (their incident column).
 */
export function useMoveAlerts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MoveAlertsRequest) => moveAlerts(body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
      void queryClient.invalidateQueries({ queryKey: alertKeys.all });
    },
  });
}
