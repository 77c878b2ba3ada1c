import { useMutation, useQueryClient } from '@tanstack/react-query';
import { afterWrite, refetchIncidentsAndAlerts } from '@/api/after-write';
import { alertKeys } from '@/api/alerts/alert-keys';
import { moveAlerts, type MoveAlertsRequest } from '@/api/alerts/alerts-api';

/** The key of every move in flight. */
const MOVE_MUTATION_KEY = [...alertKeys.all, 'move'] as const;

/**
 * `moveAlerts`, then refresh what it changed: both incidents (lists, counts, the open page; their
 * activity logs and assets hang off the incident's key) and the alerts (their incident column).
 * On a refusal the preview may have been stale, so the same refetch runs. The returned promise
 * keeps the mutation pending until the refetch of what is on screen lands, so the flyout's
 * buttons stay disabled until the screen shows the move.
 */
export function useMoveAlerts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: MOVE_MUTATION_KEY,
    mutationFn: (body: MoveAlertsRequest) => moveAlerts(body),
    onSettled: (_data, error) => afterWrite(error, refetchIncidentsAndAlerts(queryClient)),
  });
}
