import { useMutation, useQueryClient } from '@tanstack/react-query';
import { afterWrite } from '@/api/after-write';
import { alertKeys } from '@/api/alerts/alert-keys';
import { updateAlert, type AlertPatch } from '@/api/alerts/alerts-api';
import type { Alert } from '@/domain/graph';
import { invalidateAfterAlertChange, patchCachedAlert, restoreCachedAlert } from './alert-cache';

/**
 * Updates an alert's status, owner or classification with only the changed fields. The change
 * shows at once everywhere the alert is cached and is rolled back if the server refuses it.
 */
export function useUpdateAlert(alert: Alert) {
  const qc = useQueryClient();
  const mutationKey = [...alertKeys.detail(alert.id ?? ''), 'update'];
  return useMutation({
    mutationKey,
    mutationFn: (patch: AlertPatch) => updateAlert(alert.id ?? '', patch),
    onMutate: async (patch) => ({ snapshot: await patchCachedAlert(qc, alert, patch) }),
    onError: (_error, _patch, context) => context && restoreCachedAlert(qc, context.snapshot),
    onSettled: (_data, error) =>
      afterWrite(
        error,
        qc.isMutating({ mutationKey }) === 1 ? invalidateAfterAlertChange(qc, alert) : undefined,
      ),
  });
}
