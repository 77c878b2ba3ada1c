import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import { afterWrite } from '@/api/after-write';
import { alertKeys } from '@/api/alerts/alert-keys';
import { addAlertComment } from '@/api/alerts/alerts-api';
import type { Alert } from '@/domain/graph';
import { invalidateAfterAlertChange } from './alert-cache';

const commentKey = (alertId: string) => [...alertKeys.detail(alertId), 'addComment'];

/**
 * Adds a comment to an alert. While it is on its way, usePendingAlertComments lists it (so the
 * panel shows it at once); if refused it simply stops being pending, nothing to roll back.
 */
export function useAddAlertComment(alert: Alert) {
  const qc = useQueryClient();
  const mutationKey = commentKey(alert.id ?? '');
  return useMutation({
    mutationKey,
    mutationFn: (text: string) => addAlertComment(alert.id ?? '', text),
    // After a success it stays pending until the alert (which carries its comments) is
    // refetched, so the comment never shows twice or not at all; what else it touched refreshes
    // after, unawaited. A refusal is not held up by that refetch (afterWrite).
    onSettled: (_data, error) =>
      afterWrite(
        error,
        qc
          .invalidateQueries({ queryKey: alertKeys.detail(alert.id ?? ''), exact: true })
          .then(() => void invalidateAfterAlertChange(qc, alert, { exceptDetail: true })),
      ),
  });
}

/** Texts of this alert's comments that are still being posted, oldest first. */
export function usePendingAlertComments(alertId: string): string[] {
  return useMutationState({
    filters: { mutationKey: commentKey(alertId), status: 'pending' },
    select: (mutation) => mutation.state.variables as string,
  });
}
