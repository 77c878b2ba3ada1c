import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { FIELD_LABELS, type ConflictRow } from '../manage-form';
import { useConflictDialogStyles } from './conflict-dialog.styles';

export type ConflictDialogProps = {
  incidentId: string;
  /** The analyst's fields someone else changed meanwhile (may be empty). */
  rows: ConflictRow[];
  open: boolean;
  onReapply: () => void;
  onReload: () => void;
};

/**
 * Shown when a save is refused with 412: someone changed the incident after the analyst opened
 * it. Lists the fields both touched (theirs now, yours) and lets the analyst keep theirs or
 * write theirs over with their own.
 */
export function ConflictDialog({
  incidentId,
  rows,
  open,
  onReapply,
  onReload,
}: ConflictDialogProps) {
  const styles = useConflictDialogStyles();
  return (
    <Dialog modalType="alert" open={open}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Incident {incidentId} was changed by someone else</DialogTitle>
          <DialogContent className={styles.content}>
            <p className={styles.text}>
              Your changes were not saved: the incident changed after you opened Manage incident.
            </p>
            {rows.length > 0 ? (
              <Table aria-label="Changed meanwhile" size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Field</TableHeaderCell>
                    <TableHeaderCell>Theirs now</TableHeaderCell>
                    <TableHeaderCell>Yours</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((row) => (
                    <TableRow key={row.field}>
                      <TableCell className={styles.field}>{FIELD_LABELS[row.field]}</TableCell>
                      <TableCell>{row.theirs}</TableCell>
                      <TableCell>{row.yours}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : (
              <p className={styles.text}>
                None of the fields you edited were changed; other details of the incident were.
              </p>
            )}
            <p className={styles.text}>
              Reload theirs to discard your changes, or reapply yours over the current version.
            </p>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onReapply}>
              Reapply mine
            </Button>
            <Button onClick={onReload}>Reload theirs</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
