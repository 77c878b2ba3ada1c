import { createSelectionStore } from '@/components/selection-store';

/**
 * Which alerts the analyst has ticked in the alerts queue: ids only, so the selection outlives
 * refetches, paging and filter changes (the rows themselves live in the query cache).
 */
export const alertsQueueSelection = createSelectionStore();
