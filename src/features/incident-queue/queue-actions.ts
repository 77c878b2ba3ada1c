/**
 * What the queue's toolbar actions need before they can run, in words an analyst can act on.
 * Pure: the toolbar shows the text as the disabled button's tooltip.
 */
import { LIMITS } from '@/domain/limits';
import { mergeCountProblem } from '@/domain/merge';

export type QueueActionName = 'merge' | 'manage' | 'moveAlerts';

export const QUEUE_ACTION_LABELS: Record<QueueActionName, string> = {
  merge: 'Merge incidents',
  manage: 'Manage incident',
  moveAlerts: 'Move alerts to another incident',
};

export type QueueSelectionSummary = {
  incidents: number;
  alerts: number;
  /** Why the persona cannot change incidents, if it cannot (e.g. a read-only role). */
  readOnlyReason?: string;
  /** Whether a merge is running on a selected incident (it cannot be changed meanwhile). */
  merging?: boolean;
};

/** Why the selected incidents cannot be changed while a merge runs on one of them. */
const MERGING_REQUIREMENT = 'A selected incident is being merged; wait until the merge finishes';

/** Why the action cannot run now, or `undefined` when it can. */
export function actionRequirement(
  action: QueueActionName,
  selection: QueueSelectionSummary,
): string | undefined {
  if (selection.readOnlyReason) return selection.readOnlyReason;
  if (selection.merging && action !== 'moveAlerts') return MERGING_REQUIREMENT;
  switch (action) {
    case 'merge':
      if (mergeCountProblem(selection.incidents)) {
        return `Select ${LIMITS.minIncidentsPerMerge} to ${LIMITS.maxIncidentsPerMerge} incidents to merge`;
      }
      break;
    case 'manage':
      if (selection.incidents === 0) return 'Select one or more incidents to manage';
      break;
    case 'moveAlerts':
      if (selection.alerts === 0) {
        return 'Expand an incident and select one or more of its alerts to move them';
      }
      break;
  }
  return undefined;
}
