import { createSelectionStore } from '@/components/selection-store';

/**
 * Which alerts of the open incident are selected on its Alerts tab, scoped by the incident's id,
 * so opening another incident never carries a selection over.
 */
export const incidentAlertsSelection = createSelectionStore();
