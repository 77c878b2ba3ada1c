import { createSelectionStore } from '@/components/selection-store';

/**
 * Incidents ticked in the queue, by id. It outlives refetches, pages and filter changes, so an
 * analyst can gather incidents from several views before merging or managing them.
 */
export const incidentSelection = createSelectionStore();
