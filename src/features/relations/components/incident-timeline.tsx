import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Skeleton,
  SkeletonItem,
  useId,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { DeleteRegular, MoreHorizontalRegular } from '@fluentui/react-icons';
import { memo } from 'react';
import { alertTitle } from '@/components/alert-columns';
import { AlertTimeline, type AlertTimelineItem } from '@/components/alert-timeline';
import { IncidentMembersError } from '@/components/incident-members-error';
import { useIncidentMembers, type IncidentMember } from '@/components/use-incident-members';
import type { Incident } from '@/domain/graph';
import { useFocusWhenClosed } from './use-focus-when-closed';
import { useRemoveAlertFlow } from './use-remove-alert-flow';
import { useTimelineCardStyles } from './timeline-card.styles';

/** Why a home alert cannot be removed here: it came with the incident, not by a relation. */
const HOME_ALERT_REASON =
  'It was correlated into this incident; move it to another incident instead';

export type IncidentTimelineProps = {
  incident: Incident;
  /** The app's toaster, which announces whether an alert was removed. */
  toasterId: string;
};

const byTime = (a: IncidentMember, b: IncidentMember) =>
  (a.alert.createdDateTime ?? '').localeCompare(b.alert.createdDateTime ?? '') ||
  (a.alert.id ?? '').localeCompare(b.alert.id ?? '');

/**
 * The Overview's **Incident timeline** widget (seed 004): the incident's alerts, home and
 * related, oldest first. Each alert's ⋯ menu offers **Remove alert** for the alerts added to the
 * incident; a home alert's item is disabled and says why. A confirmation comes first, then a
 * toast says whether the alert was removed, in the server's words when it was not. Memoised:
 * at 150 alerts it is 150 menus, and the incident page re-renders with every change of the
 * router's state (choosing Investigate re-renders it once more before it goes), not only when
 * the incident or its alerts change.
 */
export const IncidentTimeline = memo(function IncidentTimeline({
  incident,
  toasterId,
}: IncidentTimelineProps) {
  const styles = useTimelineCardStyles();
  const headingId = useId('incident-timeline');
  const { members, isPending, error, stale, isFetching, refetch } = useIncidentMembers(incident);
  const focusWhenClosed = useFocusWhenClosed();
  // Focus comes back to the ⋯ once its dialog closes (if the alert was not removed).
  const restoreFocusTarget = useRestoreFocusTarget();
  // Its row is gone with its menu: focus the widget's heading, not the page.
  const flow = useRemoveAlertFlow({
    incidentId: incident.id ?? '',
    toasterId,
    onRemoved: () => focusWhenClosed(headingId),
  });

  const items = [...members].sort(byTime).map((member): AlertTimelineItem => {
    const { alert, related } = member;
    const title = alertTitle(alert);
    const reason = related ? flow.hintFor(alert) : HOME_ALERT_REASON;
    return {
      alert,
      placement: {
        kind: 'inIncident',
        ...(related && alert.incidentId ? { relatedFrom: alert.incidentId } : {}),
      },
      action: (
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button
              {...restoreFocusTarget}
              appearance="subtle"
              aria-label={`More options for ${title}`}
              icon={<MoreHorizontalRegular />}
            />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem
                disabled={reason !== undefined}
                icon={<DeleteRegular />}
                subText={reason}
                onClick={() => flow.ask(alert)}
              >
                Remove alert
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      ),
    };
  });

  return (
    <section aria-labelledby={headingId} className={styles.card}>
      <h2 className={styles.heading} id={headingId} tabIndex={-1}>
        Incident timeline
      </h2>
      {items.length === 0 && !isPending ? (
        <p className={styles.muted}>This incident has no alerts.</p>
      ) : (
        <AlertTimeline items={items} label="Alerts of this incident, oldest first" linkTitles />
      )}
      {isPending && (
        <div aria-busy="true" aria-label="Loading the alerts added to this incident" role="status">
          <Skeleton className={styles.skeleton}>
            <SkeletonItem size={48} />
          </Skeleton>
        </div>
      )}
      <IncidentMembersError error={error} isFetching={isFetching} refetch={refetch} stale={stale} />
      {flow.dialog}
    </section>
  );
});
