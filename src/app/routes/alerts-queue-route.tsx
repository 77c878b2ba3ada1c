import { AlertsQueuePage } from '@/features/alerts-queue/components/alerts-queue-page';
import { openAction } from '../actions/action-store';

const onMoveAlerts = (alertIds: string[]) =>
  openAction({ kind: 'move', alertIds, origin: 'alertsQueue' });

/** The alerts queue, with its toolbar's "Move alerts to another incident" opening the flyout. */
export function AlertsQueueRoute() {
  return <AlertsQueuePage onMoveAlerts={onMoveAlerts} />;
}
