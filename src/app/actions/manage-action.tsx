import { ManageIncident } from '@/features/manage-incident/components/manage-incident';
import { incidentSelection } from '@/features/incident-queue/incident-selection-store';
import { APP_TOASTER_ID } from '../toaster';
import { closeAction, useActionRequest } from './action-store';

/**
 * The Manage incident drawer as the app serves it (see action-store.ts): one incident, or
 * several in bulk from the queue. A fully successful bulk change clears the queue's selection.
 */
export function ManageAction() {
  const request = useActionRequest('manage');
  const clearSelection = incidentSelection.useActions().clear;
  return (
    <ManageIncident
      incidentIds={request?.incidentIds ?? null}
      toasterId={APP_TOASTER_ID}
      onBulkSucceeded={() => {
        if (request?.origin === 'queue') clearSelection();
      }}
      onClose={closeAction}
    />
  );
}
