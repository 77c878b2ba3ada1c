import { Toast, ToastBody, ToastTitle, useToastController } from '@fluentui/react-components';
import { useHref, useNavigate } from 'react-router';
import { useLingeringRequest } from '@/components/use-lingering-request';
import {
  MoveAlertsFlyout,
  type MovedAlerts,
} from '@/features/move-alerts/components/move-alerts-flyout';
import { alertsQueueSelection } from '@/features/alerts-queue/alert-selection-store';
import { incidentAlertsSelection } from '@/features/incident-page/incident-alerts-selection-store';
import { alertSelection as queueAlertSelection } from '@/features/incident-queue/alert-selection-store';
import { APP_TOASTER_ID } from '../toaster';
import { closeAction, useActionRequest, type ActionOrigin } from './action-store';
import { ToastLink } from './toast-link';

/** Clears the alert selection of the screen a move started from. */
function useClearSelection(): (origin: ActionOrigin) => void {
  const queue = queueAlertSelection.useActions();
  const incidentPage = incidentAlertsSelection.useActions();
  const alertsQueue = alertsQueueSelection.useActions();
  return (origin) => {
    if (origin === 'queue') queue.clear();
    else if (origin === 'incidentPage') incidentPage.clear();
    else if (origin === 'alertsQueue') alertsQueue.clear();
    // 'alertPanel': one alert, nothing selected.
  };
}

/**
 * The move flyout as the app serves it (see action-store.ts): one per opening, with the success
 * toast (a link to the destination), the origin's selection cleared, and the flyout closed.
 */
export function MoveAction() {
  const request = useActionRequest('move');
  const { shown, session } = useLingeringRequest(request);

  const clearSelection = useClearSelection();
  const { dispatchToast } = useToastController(APP_TOASTER_ID);
  const navigate = useNavigate();
  // The toaster lives outside the router: the link gets its href and navigation from here.
  const incidentsHref = useHref('/incidents');

  const onMoved = (moved: MovedAlerts) => {
    if (shown) clearSelection(shown.origin);
    const id = moved.targetIncidentId;
    const path = `/incidents/${encodeURIComponent(id)}/alerts`;
    const count = moved.movedCount;
    const what = count === 1 ? 'The alert was' : `${count} alerts were`;
    dispatchToast(
      <Toast>
        <ToastTitle
          action={
            <ToastLink
              href={`${incidentsHref}/${encodeURIComponent(id)}/alerts`}
              onNavigate={() => void navigate(path)}
            >
              Open incident {id}
            </ToastLink>
          }
        >
          {count === 1 ? 'Alert moved' : 'Alerts moved'}
        </ToastTitle>
        <ToastBody>
          {moved.created
            ? `${what} moved to new incident ${id}.`
            : `${what} moved to incident ${moved.targetIncidentName ?? id} (ID ${id}).`}
        </ToastBody>
      </Toast>,
      { intent: 'success', timeout: 8000, pauseOnHover: true, pauseOnWindowBlur: true },
    );
    closeAction();
  };

  if (!shown) return null;
  return (
    <MoveAlertsFlyout
      alertIds={shown.alertIds}
      key={session}
      open={request !== null}
      onDismiss={closeAction}
      onMoved={onMoved}
    />
  );
}
