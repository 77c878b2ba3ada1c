import { useMemo } from 'react';
import { IncidentQueuePage } from '@/features/incident-queue/components/incident-queue-page';
import type { IncidentPaneActions } from '@/features/incident-queue/components/incident-side-pane';
import type { IncidentQueueActions } from '@/features/incident-queue/components/queue-toolbar';
import { useMergingIncidentIds } from '@/features/merge-incidents/api/use-merge-incidents';
import { openAction } from '../actions/action-store';

/**
 * The queue, with its toolbar's, side pane's and rows' actions opening the app's flyouts (Merge,
 * Manage, Move, Activity log), and merges in flight shown.
 */
export function IncidentQueueRoute() {
  const actions = useMemo<IncidentQueueActions & IncidentPaneActions>(
    () => ({
      onMergeIncidents: (incidentIds) =>
        openAction({ kind: 'merge', incidentIds, origin: 'queue' }),
      onManageIncidents: (incidentIds) =>
        openAction({ kind: 'manage', incidentIds, origin: 'queue' }),
      onMoveAlerts: (alertIds) => openAction({ kind: 'move', alertIds, origin: 'queue' }),
      onActivityLog: (incidentId) => openAction({ kind: 'activity', incidentId, origin: 'queue' }),
    }),
    [],
  );
  const mergingIds = useMergingIncidentIds();
  return <IncidentQueuePage actions={actions} mergingIds={mergingIds} />;
}
