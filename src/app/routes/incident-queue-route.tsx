import { useMemo } from 'react';
import { IncidentQueuePage } from '@/features/incident-queue/components/incident-queue-page';
import type { IncidentQueueActions } from '@/features/incident-queue/components/queue-toolbar';
import { openAction } from '../actions/action-store';

/** The queue, with its toolbar's actions opening the app's flyouts. */
export function IncidentQueueRoute() {
  const actions = useMemo<IncidentQueueActions>(
    () => ({
      onMergeIncidents: (incidentIds) =>
        openAction({ kind: 'merge', incidentIds, origin: 'queue' }),
      onManageIncidents: (incidentIds) =>
        openAction({ kind: 'manage', incidentIds, origin: 'queue' }),
      onMoveAlerts: (alertIds) => openAction({ kind: 'move', alertIds, origin: 'queue' }),
    }),
    [],
  );
  return <IncidentQueuePage actions={actions} />;
}
