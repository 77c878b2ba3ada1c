import { useEffect, useRef } from 'react';
import { ManageIncident } from '@/features/manage-incident/components/manage-incident';
import { incidentSelection } from '@/features/incident-queue/incident-selection-store';
import { APP_TOASTER_ID } from '../toaster';
import { closeAction, useActionRequest } from './action-store';

/**
 * The Manage incident drawer as the app serves it (see action-store.ts): one incident, or
 * several in bulk from the queue. A fully successful bulk change clears the queue's selection;
 * closing returns focus to what opened the drawer.
 */
export function ManageAction() {
  const request = useActionRequest('manage');
  const clearSelection = incidentSelection.useActions().clear;
  const opener = useRef<Element | null>(null);
  const open = request !== null;

  useEffect(() => {
    if (open) {
      opener.current = document.activeElement;
      return;
    }
    // The drawer has closed: give focus back to the opener if it is still on the page (a menu
    // item is gone by now; the drawer's focus restorer then falls back to the menu's button).
    const element = opener.current;
    opener.current = null;
    if (element instanceof HTMLElement && element.isConnected) {
      requestAnimationFrame(() => {
        if (document.activeElement === document.body || !document.activeElement) element.focus();
      });
    }
  }, [open]);

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
