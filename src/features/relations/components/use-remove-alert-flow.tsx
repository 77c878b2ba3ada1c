import { Toast, ToastBody, ToastTitle, useToastController } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useLiveMode } from '@/api/config';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { alertTitle } from '@/components/alert-columns';
import { useCurrentPersona } from '@/components/use-current-persona';
import type { Alert, Incident } from '@/domain/graph';
import { accessHint, CAN_MANAGE_ANNOTATION, type Persona } from '@/domain/identity';
import { alertSources } from '@/domain/sources';
import { useRemoveAlert } from '../api/use-remove-alert';
import { useSentinelIncident, type SentinelIncident } from './use-sentinel-incident';
import { RemoveAlertDialog, type RemoveAlertRequest } from './remove-alert-dialog';

/** Why related alerts cannot be removed from this incident here, if they cannot. */
function removeDenial(
  incident: Incident | undefined,
  persona: Persona | undefined,
  sentinel: SentinelIncident,
) {
  if (!incident) return 'Loading the incident…';
  if (sentinel.kind !== 'ready') return sentinel.reason;
  return accessHint(
    persona,
    alertSources(incident.alerts),
    'action',
    incident[CAN_MANAGE_ANNOTATION] === false,
  );
}

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
  const incident = useQuery(incidentQueries.detail(incidentId)).data;
  const persona = useCurrentPersona();
  const { dispatchToast } = useToastController(toasterId);
  const remove = useRemoveAlert();
  const [removing, setRemoving] = useState<Removing | null>(null);

  const sentinel = useSentinelIncident(incidentId);
  const live = useLiveMode();
  const denial = removeDenial(incident, persona, sentinel);

  // In live mode the alert's ARM id is only found when it is removed (Graph does not carry it).
  const hintFor = (alert: Alert) =>
    denial ??
    (live || alert['@mock.sentinelAlertId']
      ? undefined
      : 'This alert is not in a Microsoft Sentinel workspace');

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
