import { Toast, ToastBody, ToastTitle, useToastController } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { alertTitle } from '@/components/alert-columns';
import type { Alert } from '@/domain/graph';
import { useRemoveAlert } from '../api/use-remove-alert';
import { useRelationChangeHints } from './use-relation-change-hints';
import { RemoveAlertDialog, type RemoveAlertRequest } from './remove-alert-dialog';

type Removing = { alert: Alert; request: RemoveAlertRequest; onDone?: () => void };

export type RemoveAlertFlow = {
  /** Why this related alert cannot be removed here, if it cannot. */
  hintFor: (alert: Alert) => string | undefined;
  /** Asks to confirm removing the related alert; `onRemoved` runs once it is out. */
  ask: (alert: Alert, onRemoved?: () => void) => void;
  /** The dialog that asks; render it once. */
  dialog: ReactNode;
};

/**
 * Removing an alert that was added to the incident (seed 004), wherever it is offered (the
 * Incident timeline, the investigation graph): a confirmation that says where the alert stays,
 * then the relation's deletion, and a toast that says whether it was removed, in the server's
 * words when it was not. `onRemoved` runs once it is out (its control is gone with it).
 */
export function useRemoveAlertFlow({
  incidentId,
  toasterId,
  onRemoved,
}: {
  incidentId: string;
  toasterId: string;
  onRemoved?: (alertId: string) => void;
}): RemoveAlertFlow {
  const { dispatchToast } = useToastController(toasterId);
  const remove = useRemoveAlert();
  const [removing, setRemoving] = useState<Removing | null>(null);

  const { sentinel, hintFor } = useRelationChangeHints(incidentId);

  const ask = (alert: Alert, onDone?: () => void) =>
    setRemoving({
      alert,
      ...(onDone ? { onDone } : {}),
      request: {
        alertTitle: alertTitle(alert),
        homeIncidentId: alert.incidentId ?? '',
        incidentId,
      },
    });

  const confirm = ({ alert, request, onDone }: Removing) => {
    if (sentinel.kind !== 'ready') return;
    remove.mutate(
      { incident: { id: incidentId, sentinelIncidentId: sentinel.id }, alert },
      {
        onSuccess: () => {
          onRemoved?.(alert.id ?? '');
          onDone?.();
          dispatchToast(
            <Toast>
              <ToastTitle>Alert removed</ToastTitle>
              <ToastBody>
                The alert &apos;{request.alertTitle}&apos; was removed from incident {incidentId}.
                It stays in incident {request.homeIncidentId}.
              </ToastBody>
            </Toast>,
            { intent: 'success', timeout: 8000 },
          );
        },
        onError: (reason) =>
          dispatchToast(
            <Toast>
              <ToastTitle>The alert was not removed</ToastTitle>
              <ToastBody>{reason.message}</ToastBody>
            </Toast>,
            { intent: 'error', timeout: 10_000 },
          ),
        // Refused, its control is still there, and focus goes back to it.
        onSettled: () => setRemoving(null),
      },
    );
  };

  return {
    hintFor,
    ask,
    dialog: (
      <RemoveAlertDialog
        busy={remove.isPending}
        request={removing?.request ?? null}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && confirm(removing)}
      />
    ),
  };
}
