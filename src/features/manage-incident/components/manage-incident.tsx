import { Toast, ToastBody, ToastTitle, useToastController } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '@/api/http';
import { incidentKeys } from '@/api/incidents/incident-keys';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { SideDrawer } from '@/components/side-drawer';
import { useLingeringRequest } from '@/components/use-lingering-request';
import type { Incident } from '@/domain/graph';
import { useUpdateIncident, type UpdateIncidentVariables } from '../api/use-update-incident';
import { conflictsOf, type ConflictRow } from '../manage-form';
import { BulkManage } from './bulk-manage';
import { ConflictDialog } from './conflict-dialog';
import { useManageDrawerStyles } from './manage-drawer.styles';
import { SingleManage } from './single-manage';

type Conflict = { variables: UpdateIncidentVariables; fresh: Incident; rows: ConflictRow[] };

export type ManageIncidentProps = {
  /** The incidents to manage; `null` when the drawer is closed. One id edits it; several, in bulk. */
  incidentIds: readonly string[] | null;
  /** The app's toaster, which announces refused changes. */
  toasterId: string;
  /** Every incident of a bulk change was updated. */
  onBulkSucceeded?: () => void;
  onClose: () => void;
};

/**
 * "Manage incident" (seed 003) as an OverlayDrawer at the end of the page. A single incident's
 * change is saved optimistically and the drawer closes at once; a refusal rolls it back with a
 * toast naming the server's reason, and a 412 shows what changed meanwhile.
 */
export function ManageIncident({
  incidentIds,
  toasterId,
  onBulkSucceeded,
  onClose,
}: ManageIncidentProps) {
  const styles = useManageDrawerStyles();
  const queryClient = useQueryClient();
  const { dispatchToast } = useToastController(toasterId);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const { shown, session } = useLingeringRequest(incidentIds);

  const refused = (id: string, message: string) =>
    dispatchToast(
      <Toast>
        <ToastTitle>Couldn&apos;t update incident {id}</ToastTitle>
        <ToastBody subtitle="Your change was undone.">{message}</ToastBody>
      </Toast>,
      { intent: 'error', timeout: 10_000 },
    );

  const update = useUpdateIncident({
    onError: (error, variables) => {
      if (error instanceof ApiError && error.status === 412) {
        void queryClient.fetchQuery({ ...incidentQueries.detail(variables.id), staleTime: 0 }).then(
          (fresh) =>
            setConflict({
              variables,
              fresh,
              rows: conflictsOf(variables.base, fresh, variables.patch),
            }),
          (reason: unknown) =>
            refused(variables.id, reason instanceof Error ? reason.message : String(reason)),
        );
        return;
      }
      refused(variables.id, error instanceof Error ? error.message : String(error));
    },
    onSuccess: (incident) =>
      dispatchToast(
        <Toast>
          <ToastTitle>Incident {incident.id} updated</ToastTitle>
        </Toast>,
        { intent: 'success' },
      ),
  });

  const ids = shown ?? [];
  return (
    <>
      <SideDrawer className={styles.drawer} open={incidentIds !== null} onClose={onClose}>
        {ids.length === 1 && ids[0] !== undefined && (
          <SingleManage
            incidentId={ids[0]}
            key={session}
            onClose={onClose}
            onSave={(base, patch) => {
              update.mutate({ id: base.id ?? ids[0] ?? '', patch, base });
              onClose();
            }}
          />
        )}
        {ids.length > 1 && (
          <BulkManage
            incidentIds={[...ids]}
            key={session}
            onAllSucceeded={() => onBulkSucceeded?.()}
            onClose={onClose}
          />
        )}
      </SideDrawer>
      <ConflictDialog
        incidentId={conflict?.variables.id ?? ''}
        open={conflict !== null}
        rows={conflict?.rows ?? []}
        onReapply={() => {
          if (!conflict) return;
          update.mutate({ ...conflict.variables, base: conflict.fresh });
          setConflict(null);
        }}
        onReload={() => {
          if (!conflict) return;
          queryClient.setQueryData(incidentKeys.detail(conflict.variables.id), conflict.fresh);
          void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
          setConflict(null);
        }}
      />
    </>
  );
}
