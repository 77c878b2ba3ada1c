import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
} from '@fluentui/react-components';
import { useRelationDialogStyles } from './relation-dialog.styles';

/** The alert the analyst asked to remove from the incident. */
export type RemoveAlertRequest = {
  alertTitle: string;
  /** Its home incident, where it stays. */
  homeIncidentId: string;
  /** The incident it leaves. */
  incidentId: string;
};

export type RemoveAlertDialogProps = {
  /** Removing is under way: the buttons wait. */
  busy: boolean;
  /** The open question; null when the dialog is closed. */
  request: RemoveAlertRequest | null;
  onCancel: () => void;
  onConfirm: () => void;
};

/** "Remove alert" asks first, and says where the alert stays. */
export function RemoveAlertDialog({ busy, request, onCancel, onConfirm }: RemoveAlertDialogProps) {
  const styles = useRelationDialogStyles();
  return (
    <Dialog
      modalType="alert"
      open={request !== null}
      onOpenChange={(_, data) => {
        if (!data.open && !busy) onCancel();
      }}
    >
      <DialogSurface aria-busy={busy || undefined}>
        <DialogBody>
          <DialogTitle>Remove alert from incident?</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.text}>
              The alert <strong>{request?.alertTitle}</strong> will no longer be part of incident{' '}
              {request?.incidentId}, and the assets only it brought leave the incident with it. It
              stays in its home incident, incident {request?.homeIncidentId}.
            </p>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabledFocusable={busy}
              icon={busy ? <Spinner aria-label="Removing the alert" size="tiny" /> : undefined}
              onClick={onConfirm}
            >
              Remove alert
            </Button>
            <Button disabledFocusable={busy} onClick={onCancel}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
