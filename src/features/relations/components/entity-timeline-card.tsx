import {
  Button,
  Skeleton,
  SkeletonItem,
  Tooltip,
  useId,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { EntityKind } from '@/domain/entities';
import { useLiveMode } from '@/api/config';
import { LIVE_ENTITY_SCAN_LIMIT } from '@/api/relations/relations-api';
import { AlertTimeline, type AlertTimelineItem } from '@/components/alert-timeline';
import { ErrorState, RefreshFailed } from '@/components/error-state';
import { useAddAlertFlow } from './use-add-alert-flow';
import { useFocusWhenClosed } from './use-focus-when-closed';
import { useEntityTimeline } from './use-entity-timeline';
import { useSentinelIncident } from './use-sentinel-incident';
import { useTimelineCardStyles } from './timeline-card.styles';

/** An entity as its Timeline card names it. */
type TimelineEntity = { kind: EntityKind; key: string; name: string };

export type EntityTimelineCardProps = {
  /** The entity whose alerts the card shows. */
  entity: TimelineEntity;
  /** The incident being investigated: its alerts show in full colour, others can be added. */
  incidentId: string;
  /** The app's toaster, which announces whether an alert was added. */
  toasterId: string;
};

/**
 * The **Timeline** card of an entity's side panel (seed 004): every alert that involves the
 * entity, oldest first. This incident's alerts are in full colour; external ones are greyed with
 * a dotted band and a **+** ("Add alert to incident") that asks first — OK / Cancel, or the
 * special situations — then adds the alert and says in a toast whether it was added.
 */
export function EntityTimelineCard({ entity, incidentId, toasterId }: EntityTimelineCardProps) {
  const styles = useTimelineCardStyles();
  const headingId = useId('timeline-heading');
  const rowPrefix = useId('timeline-alert');
  const rowId = (alertId: string) => `${rowPrefix}-${alertId}`;
  const live = useLiveMode();
  const sentinel = useSentinelIncident(incidentId);
  const { timeline, data } = useEntityTimeline(
    entity,
    incidentId,
    sentinel.kind === 'ready' ? sentinel.id : undefined,
  );
  const focusWhenClosed = useFocusWhenClosed();
  // Focus comes back to the + once its dialog closes (if the alert was not added).
  const restoreFocusTarget = useRestoreFocusTarget();
  // Once added, its + is gone: focus its row, not the page.
  const flow = useAddAlertFlow({
    incidentId,
    toasterId,
    onAdded: (alertId) => focusWhenClosed(rowId(alertId)),
  });

  let body;
  if (timeline.isLoadingError) {
    body = (
      <ErrorState
        error={timeline.error}
        retrying={timeline.isFetching}
        title="Couldn't load the timeline"
        onRetry={() => void timeline.refetch()}
      />
    );
  } else if (data === undefined) {
    body = (
      <div aria-busy="true" aria-label="Loading the timeline" role="status">
        <Skeleton className={styles.skeleton}>
          {Array.from({ length: 3 }, (_, i) => (
            <SkeletonItem key={i} size={48} />
          ))}
        </Skeleton>
      </div>
    );
  } else if (data.length === 0) {
    body = (
      <p className={styles.muted}>
        {live
          ? `No alerts involve ${entity.name} among the ${LIVE_ENTITY_SCAN_LIMIT} most recent (Microsoft Graph cannot list an entity's alerts; the console matched them).`
          : `No alerts involve ${entity.name}.`}
      </p>
    );
  } else {
    const items = data.map((entityAlert): AlertTimelineItem => {
      const { alert, incidents } = entityAlert;
      const inIncident = incidents.some((i) => i.incidentId === incidentId);
      if (inIncident) {
        return {
          alert,
          placement: {
            kind: 'inIncident',
            ...(alert.incidentId && alert.incidentId !== incidentId
              ? { relatedFrom: alert.incidentId }
              : {}),
          },
        };
      }
      const hint = flow.hintFor(entityAlert);
      return {
        alert,
        placement: { kind: 'external', incidentId: incidents[0]?.incidentId ?? '—' },
        action:
          flow.unavailable !== undefined ? undefined : hint === undefined ? (
            <Tooltip content="Add alert to incident" relationship="label">
              <Button
                {...restoreFocusTarget}
                appearance="subtle"
                icon={<AddRegular />}
                onClick={() => flow.ask(entityAlert)}
              />
            </Tooltip>
          ) : (
            <Tooltip content={hint} relationship="description">
              <Button
                appearance="subtle"
                aria-label="Add alert to incident"
                disabledFocusable
                icon={<AddRegular />}
              />
            </Tooltip>
          ),
      };
    });
    const external = items.filter((i) => i.placement.kind === 'external').length;
    body = (
      <>
        <p className={styles.muted}>
          {items.length} {items.length === 1 ? 'alert' : 'alerts'}, {items.length - external} in
          this incident, {external} external.
        </p>
        {live && (
          <p className={styles.muted}>
            Microsoft Graph cannot list an entity&apos;s alerts: the console matched these among the{' '}
            {LIVE_ENTITY_SCAN_LIMIT} most recent alerts, with this incident&apos;s own.
          </p>
        )}
        {flow.unavailable !== undefined && <p className={styles.muted}>{flow.unavailable}</p>}
        <AlertTimeline
          items={items}
          label={`Alerts involving ${entity.name}, oldest first`}
          rowId={rowId}
        />
      </>
    );
  }

  return (
    <section aria-labelledby={headingId} className={styles.card}>
      <h3 className={styles.heading} id={headingId}>
        Timeline
      </h3>
      <RefreshFailed query={timeline} what="the timeline" />
      {body}
      {flow.dialog}
    </section>
  );
}
