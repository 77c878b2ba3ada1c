import { Toast, ToastBody, ToastTitle, useToastController } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { EntityAlert } from '@/api/relations/relations-api';
import { alertTitle } from '@/components/alert-columns';
import { relateSituation } from '@/domain/relations';
import { useRelateAlert } from '../api/use-relate-alert';
import { useRelationChangeHints } from './use-relation-change-hints';
import { AddAlertDialog, type AddAlertChoice, type AddAlertRequest } from './add-alert-dialog';

type Asking = { entityAlert: EntityAlert; request: AddAlertRequest; onDone?: () => void };

export type AddAlertFlow = {
  /**
   * Why adding alerts is not offered at all in this deployment (live mode without a Sentinel
   * workspace), if it is not: the controls are hidden and this is said instead.
   */
  unavailable: string | undefined;
  /** Why alerts cannot be added to the incident by this persona, if they cannot. */
  denial: string | undefined;
  /** Why this alert cannot be added, if it cannot (the incident's denial, or the alert's). */
  hintFor: (entityAlert: EntityAlert) => string | undefined;
  /**
   * Asks seed 004's question for the alert (OK / Cancel, or a special situation); `onAdded`
   * runs once it is in.
   */
  ask: (entityAlert: EntityAlert, onAdded?: () => void) => void;
  /** The dialog that asks; render it once. */
  dialog: ReactNode;
};

/**
 * Adding an external alert to the incident (seed 004), wherever it is offered (an entity's
 * Timeline card, the investigation graph): the question first — OK / Cancel; already part of
 * other incidents; or keep/close the incident it was the only alert of — then the relation, and
 * a toast that says whether the alert was added, in the server's words when it was not.
 * `onAdded` runs once the alert is in (e.g. to move focus off a control that is gone). Keep the
 * hook where it outlives the control that asks: a mutation's callbacks die with their caller.
 */
export function useAddAlertFlow({
  incidentId,
  toasterId,
  onAdded,
}: {
  incidentId: string;
  toasterId: string;
  onAdded?: (alertId: string) => void;
}): AddAlertFlow {
  const { dispatchToast } = useToastController(toasterId);
  const relate = useRelateAlert();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [pending, setPending] = useState<AddAlertChoice | null>(null);
  const { sentinel, denial, hintFor: hintForAlert } = useRelationChangeHints(incidentId);
  const hintFor = (entityAlert: EntityAlert) => hintForAlert(entityAlert.alert);

  const ask = (entityAlert: EntityAlert, onDone?: () => void) => {
    const situation = relateSituation(
      entityAlert.incidents.map((i) => ({
        incidentId: i.incidentId,
        displayName: i.displayName,
        alertCount: i.alertCount,
      })),
      incidentId,
    );
    setAsking({
      entityAlert,
      request: { alertTitle: alertTitle(entityAlert.alert), incidentId, situation },
      ...(onDone ? { onDone } : {}),
    });
  };

  const add = ({ entityAlert, request, onDone }: Asking, choice: AddAlertChoice) => {
    if (sentinel.kind !== 'ready') return;
    const sentinelIncidentId = sentinel.id;
    const other =
      choice.closeOther && request.situation.kind === 'onlyAlert'
        ? request.situation.incident.incidentId
        : undefined;
    const title = request.alertTitle;
    setPending(choice);
    relate.mutate(
      {
        incident: { id: incidentId, sentinelIncidentId },
        alert: entityAlert.alert,
        ...(other !== undefined ? { closeIncidentId: other } : {}),
      },
      {
        onSuccess: (result) => {
          onAdded?.(entityAlert.alert.id ?? '');
          onDone?.();
          const added = `The alert '${title}' was added to incident ${incidentId}.`;
          dispatchToast(
            <Toast>
              <ToastTitle>
                {result.closeError ? 'Alert added; other incident not closed' : 'Alert added'}
              </ToastTitle>
              <ToastBody>
                {result.closed
                  ? `${added} Incident ${other} was closed.`
                  : result.closeError
                    ? `${added} Incident ${other} could not be closed: ${result.closeError}`
                    : added}
              </ToastBody>
            </Toast>,
            { intent: result.closeError ? 'warning' : 'success', timeout: 8000 },
          );
        },
        onError: (error) =>
          dispatchToast(
            <Toast>
              <ToastTitle>The alert was not added</ToastTitle>
              <ToastBody>{error.message}</ToastBody>
            </Toast>,
            { intent: 'error', timeout: 10_000 },
          ),
        // Refused, its control is still there, and the dialog gives focus back to it.
        onSettled: () => {
          setPending(null);
          setAsking(null);
        },
      },
    );
  };

  return {
    unavailable: sentinel.kind === 'unavailable' ? sentinel.reason : undefined,
    denial,
    hintFor,
    ask,
    dialog: (
      <AddAlertDialog
        pending={pending}
        request={asking?.request ?? null}
        onCancel={() => setAsking(null)}
        onConfirm={(choice) => asking && add(asking, choice)}
      />
    ),
  };
}
