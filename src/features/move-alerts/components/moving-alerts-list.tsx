import { Skeleton, SkeletonItem } from '@fluentui/react-components';
import { AlertRegular } from '@fluentui/react-icons';
import { SeverityBadge } from '@/components/severity-badge';
import type { Alert, Incident } from '@/domain/graph';
import { useMovingAlertsListStyles } from './move-alerts-flyout.styles';

export type MovingAlertsListProps = {
  alerts: readonly Alert[];
  /** The source incidents loaded so far, by id (for their names). */
  origins: ReadonlyMap<string, Incident>;
  /** The chosen existing destination, if any: its alerts stay where they are. */
  destinationId: string | null;
  loading: boolean;
  /** How many alerts are being loaded (for the skeleton). */
  expected: number;
};

/** The alerts to move, each with the incident it comes from. */
export function MovingAlertsList({
  alerts,
  origins,
  destinationId,
  loading,
  expected,
}: MovingAlertsListProps) {
  const styles = useMovingAlertsListStyles();
  if (loading) {
    return (
      <div aria-busy="true" aria-label="Loading the alerts" role="status">
        <Skeleton aria-hidden className={styles.skeleton}>
          {Array.from({ length: Math.min(expected, 4) }, (_, i) => (
            <SkeletonItem key={i} size={40} />
          ))}
        </Skeleton>
      </div>
    );
  }
  return (
    <ul aria-label="Alerts to move" className={styles.list}>
      {alerts.map((alert) => {
        const from = alert.incidentId ?? '';
        const origin = origins.get(from);
        const stays = destinationId !== null && from === destinationId;
        const originText = stays
          ? `Already in incident ${from}: it stays there`
          : origin?.displayName
            ? `From incident ${origin.displayName} (ID ${from})`
            : `From incident ${from}`;
        return (
          <li className={styles.item} key={alert.id}>
            <AlertRegular aria-hidden className={styles.icon} />
            <span className={styles.title} title={alert.title ?? undefined}>
              {alert.title || alert.id}
            </span>
            <span className={styles.badge}>
              <SeverityBadge severity={alert.severity} />
            </span>
            <span className={styles.origin} title={originText}>
              {originText}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
