import { AlertsQueuePage } from '@/features/alerts-queue/components/alerts-queue-page';

/** The alerts queue (its move action is wired with issue 5). */
export function AlertsQueueRoute() {
  return <AlertsQueuePage />;
}
