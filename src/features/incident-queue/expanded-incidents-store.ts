import { createSelectionStore } from '@/components/selection-store';

/** Queue rows expanded to show their alerts, by incident id (kept when paging back and forth). */
export const expandedIncidents = createSelectionStore();
