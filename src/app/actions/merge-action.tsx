import { Toast, ToastBody, ToastTitle, useToastController } from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import { useHref, useNavigate } from 'react-router';
import { MergeIncidentsFlyout } from '@/features/merge-incidents/components/merge-incidents-flyout';
import type {
  MergeFormRequest,
  MergeResult,
} from '@/features/merge-incidents/components/merge-form';
import { incidentSelection } from '@/features/incident-queue/incident-selection-store';
import { APP_TOASTER_ID } from '../toaster';
import { closeAction, useActionRequest } from './action-store';
import { ToastLink } from './toast-link';

/** The page of the merged (target) incident; `mergedFrom` makes it say what was merged into it. */
export function mergedTargetPath(targetId: string, sourceIds: readonly string[]): string {
  const query = sourceIds.length
    ? `?mergedFrom=${sourceIds.map(encodeURIComponent).join(',')}`
    : '';
  return `/incidents/${encodeURIComponent(targetId)}/overview${query}`;
}

/**
 * The merge flyout as the app serves it (see action-store.ts). On success from the queue: the
 * selection clears and a toast links to the target (following the link dismisses it, as the
 * target's banner then says the same). From an incident page the analyst lands on the target
 * (seed 000), whose banner says what was merged: no toast repeats it over the page.
 */
export function MergeAction() {
  const action = useActionRequest('merge');
  const navigate = useNavigate();
  const rootHref = useHref('/');
  const { dispatchToast, dismissToast } = useToastController(APP_TOASTER_ID);
  const clearSelection = incidentSelection.useActions().clear;

  const request = useMemo<MergeFormRequest | null>(
    () =>
      action
        ? {
            origin: action.origin === 'incidentPage' ? 'incidentPage' : 'queue',
            incidentIds: action.incidentIds,
          }
        : null,
    [action],
  );

  const onMerged = useCallback(
    ({ targetIncidentId, incidentIds }: MergeResult) => {
      const sources = incidentIds.filter((id) => id !== targetIncidentId);
      const to = mergedTargetPath(targetIncidentId, sources);
      closeAction();
      if (request?.origin === 'incidentPage') {
        void navigate(to);
        return;
      }
      clearSelection();
      const toastId = `merged-${targetIncidentId}`;
      dispatchToast(
        <Toast>
          <ToastTitle>Incidents merged</ToastTitle>
          <ToastBody>
            {sources.length === 1
              ? `Incident ${sources[0]} was merged into incident ${targetIncidentId}. `
              : `Incidents ${sources.join(', ')} were merged into incident ${targetIncidentId}. `}
            <ToastLink
              href={`${rootHref.replace(/\/$/, '')}${to}`}
              onNavigate={() => {
                dismissToast(toastId);
                void navigate(to);
              }}
            >
              {`Open incident ${targetIncidentId}`}
            </ToastLink>
          </ToastBody>
        </Toast>,
        { intent: 'success', timeout: 10_000, toastId },
      );
    },
    [clearSelection, dismissToast, dispatchToast, navigate, request?.origin, rootHref],
  );

  return <MergeIncidentsFlyout request={request} onClose={closeAction} onMerged={onMerged} />;
}
