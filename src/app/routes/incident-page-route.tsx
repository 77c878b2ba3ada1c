import { IncidentPage } from '@/features/incident-page/components/incident-page';
import { openAction } from '../actions/action-store';

const onManageIncident = (id: string) =>
  openAction({ kind: 'manage', incidentIds: [id], origin: 'incidentPage' });
const onMergeIncidents = (id: string) =>
  openAction({ kind: 'merge', incidentIds: [id], origin: 'incidentPage' });
const onMoveAlerts = (incidentId: string, alertIds: string[]) =>
  openAction({ kind: 'move', alertIds, incidentId, origin: 'incidentPage' });

/** The incident page, with its Actions menu and Alerts toolbar opening the app's flyouts. */
export function IncidentPageRoute() {
  return (
    <IncidentPage
      onManageIncident={onManageIncident}
      onMergeIncidents={onMergeIncidents}
      onMoveAlerts={onMoveAlerts}
    />
  );
}
