import { createSelectionStore } from '@/components/selection-store';

/** Alerts ticked in expanded queue rows, by id (for "Move alerts to another incident"). */
export const alertSelection = createSelectionStore();
