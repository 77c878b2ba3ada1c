import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useParams } from 'react-router';
import type { IncidentEntity } from '@/api/entities/entities-api';
import type { Incident } from '@/domain/graph';
import { ActivityLog } from '@/features/activity-log/components/activity-log';
import { IncidentPage } from '@/features/incident-page/components/incident-page';
import { EntityTimelineCard } from '@/features/relations/components/entity-timeline-card';
import { IncidentTimeline } from '@/features/relations/components/incident-timeline';
import { openAction } from '../actions/action-store';
import { APP_TOASTER_ID } from '../toaster';

const onActivityLog = (incidentId: string) =>
  openAction({ kind: 'activity', incidentId, origin: 'incidentPage' });
const onManageIncident = (id: string) =>
  openAction({ kind: 'manage', incidentIds: [id], origin: 'incidentPage' });
const onMergeIncidents = (id: string) =>
  openAction({ kind: 'merge', incidentIds: [id], origin: 'incidentPage' });
const onMoveAlerts = (incidentId: string, alertIds: string[]) =>
  openAction({ kind: 'move', alertIds, incidentId, origin: 'incidentPage' });

// The Activity log tab: the activity-log feature, the same component as the panel.
const renderActivityLog = (incidentId: string) => <ActivityLog incidentId={incidentId} />;
// Seed 004: the relations feature's Timeline card and Incident timeline, in the page's slots.
const renderEntityTimeline = (incidentId: string, entity: IncidentEntity) => (
  <EntityTimelineCard entity={entity} incidentId={incidentId} toasterId={APP_TOASTER_ID} />
);
const renderIncidentTimeline = (incident: Incident) => (
  <IncidentTimeline incident={incident} toasterId={APP_TOASTER_ID} />
);

/**
 * The incident page, with its Actions menu and Alerts toolbar opening the app's flyouts (the
 * activity-log panel among them), the activity-log feature as its Activity log tab, and the
 * relations feature adding and removing alerts from its Assets and Overview tabs.
 */
export function IncidentPageRoute() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  // What Investigate needs (the investigation route's code, the graph's chunk, the incident's
  // alerts and entities, the layout worker and the graph's layout), once per incident: it then
  // opens sooner.
  const prepared = useRef<string | null>(null);
  const onPrepareInvestigation = useCallback(
    (incidentId: string) => {
      if (prepared.current === incidentId) return;
      prepared.current = incidentId;
      void import('./investigation-route');
      void import('@/features/investigation/warm-investigation').then(({ prepareInvestigation }) =>
        prepareInvestigation(queryClient, incidentId),
      );
    },
    [queryClient],
  );
  // Started once the page is idle, not when Investigate is chosen: the layout worker's first run
  // compiles fcose (~400 ms in a fresh worker), and the graph's chunk must be loaded and parsed;
  // both would otherwise come between choosing Investigate and the drawn graph. The layout runs
  // in the worker, off this page's thread. Opening the Actions menu starts it too, if the page
  // was never idle before.
  useEffect(() => {
    if (!id) return;
    const warm = () => onPrepareInvestigation(id);
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(warm, 1000);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(warm, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [id, onPrepareInvestigation]);
  return (
    <IncidentPage
      renderActivityLog={renderActivityLog}
      renderEntityTimeline={renderEntityTimeline}
      renderIncidentTimeline={renderIncidentTimeline}
      onActivityLog={onActivityLog}
      onManageIncident={onManageIncident}
      onMergeIncidents={onMergeIncidents}
      onMoveAlerts={onMoveAlerts}
      onPrepareInvestigation={onPrepareInvestigation}
    />
  );
}
