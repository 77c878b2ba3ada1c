import { DrawerBody } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { SideDrawer } from '@/components/side-drawer';
import { useLingeringRequest } from '@/components/use-lingering-request';
import { ActivityLog } from '@/features/activity-log/components/activity-log';
import { useActivityLogActionStyles } from './activity-log-action.styles';
import { closeAction, useActionRequest } from './action-store';

/** Which incident the log is of: its name once read, and its id. */
function IncidentLine({ incidentId }: { incidentId: string }) {
  const styles = useActivityLogActionStyles();
  const incident = useQuery(incidentQueries.detail(incidentId));
  const name = incident.data?.displayName?.trim();
  return (
    <p className={styles.incident}>
      {name ? (
        <>
          <span className={styles.name}>{name}</span>
          <span className={styles.id}>Incident {incidentId}</span>
        </>
      ) : (
        <span className={styles.name}>Incident {incidentId}</span>
      )}
    </p>
  );
}

/**
 * The activity-log panel (seed 003: "available from the Activity log option on the incident page
 * or on the incident side pane"): the incident page's Activity log tab, the same component, in
 * a large flyout. Opened from the queue's side pane and row menu, the incident page's Actions
 * menu and the Overview's "Comments and history". Following a link out of the log closes it.
 */
export function ActivityLogAction() {
  const styles = useActivityLogActionStyles();
  const request = useActionRequest('activity');
  const { shown, session } = useLingeringRequest(request);
  return (
    <SideDrawer open={request !== null} size="large" title="Activity log" onClose={closeAction}>
      {shown && (
        <DrawerBody className={styles.body} key={session}>
          <IncidentLine incidentId={shown.incidentId} />
          <ActivityLog incidentId={shown.incidentId} onNavigate={closeAction} />
        </DrawerBody>
      )}
    </SideDrawer>
  );
}
