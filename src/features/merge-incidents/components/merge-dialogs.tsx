import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { MergeCandidate } from '@/domain/merge';

export type MergeConfirmDialogProps = {
  open: boolean;
  target: MergeCandidate;
  count: number;
  onConfirm: () => void;
  onCancel: () => void;
};

/** "Merge" or "Cancel": the last word before the incidents are merged (seed 000). */
export function MergeConfirmDialog({
  open,
  target,
  count,
  onConfirm,
  onCancel,
}: MergeConfirmDialogProps) {
  return (
    <Dialog
      modalType="alert"
      open={open}
      onOpenChange={(_, data) => {
        if (!data.open) onCancel();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Merge {count} incidents?</DialogTitle>
          <DialogContent>
            They are merged into {target.displayName} (ID {target.id}). The other incidents are
            closed and redirected to it. A merge cannot be undone.
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={onConfirm}>
              Merge
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export type MergeFailedDialogProps = {
  /** The server's reason, as it gave it; the dialog is open while there is one. */
  reason: string | null;
  onClose: () => void;
};

/** The server refused the merge: say so, with its reason. Nothing was changed. */
export function MergeFailedDialog({ reason, onClose }: MergeFailedDialogProps) {
  return (
    <Dialog
      modalType="alert"
      open={reason !== null}
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>The incidents failed to merge</DialogTitle>
          <DialogContent>
            <p>{reason}</p>
            <p>
              Nothing was changed. The preview now shows the incidents as they are; fix what it
              names and try again.
            </p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
