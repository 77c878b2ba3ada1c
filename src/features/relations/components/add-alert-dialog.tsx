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
import { RouterLink } from '@/components/router-link';
import type { Membership, RelateSituation } from '@/domain/relations';
import { closedByRelationComment } from '@/domain/relations';
import { useRelationDialogStyles } from './relation-dialog.styles';

/** What the analyst is asked before an alert is added to the incident. */
export type AddAlertRequest = {
  alertTitle: string;
  /** The incident the alert would join (its number). */
  incidentId: string;
  situation: RelateSituation;
};

/** The analyst's answer: add the alert, and whether to close its other incident. */
export type AddAlertChoice = { closeOther: boolean };

export type AddAlertDialogProps = {
  /** The choice being carried out (the buttons wait, and the chosen one says so); null when idle. */
  pending: AddAlertChoice | null;
  /** The open question; null when the dialog is closed. */
  request: AddAlertRequest | null;
  onCancel: () => void;
  onConfirm: (choice: AddAlertChoice) => void;
};

const incidentName = (m: Membership) => `${m.displayName} (ID ${m.incidentId})`;

function IncidentLink({ incident }: { incident: Membership }) {
  return (
    <RouterLink to={`/incidents/${encodeURIComponent(incident.incidentId)}/overview`}>
      {incidentName(incident)}
    </RouterLink>
  );
}

/**
 * Seed 004's questions before an alert joins an incident: a plain OK / Cancel; "already part of
 * other incidents" (named, with links) with OK / Cancel; or, when the alert is the only alert of
 * its other incident, Keep other incident / Close other incident / Cancel.
 */
export function AddAlertDialog({ pending, request, onCancel, onConfirm }: AddAlertDialogProps) {
  const styles = useRelationDialogStyles();
  const situation = request?.situation;
  const here = `incident ${request?.incidentId ?? ''}`;
  const title =
    situation?.kind === 'onlyAlert'
      ? 'Keep or close the other incident?'
      : situation?.kind === 'inOthers'
        ? situation.incidents.length === 1
          ? 'This alert is part of another incident'
          : 'This alert is part of other incidents'
        : 'Add alert to incident';
  const busy = pending !== null;
  const wait = (closeOther: boolean) =>
    pending?.closeOther === closeOther ? (
      <Spinner aria-label="Adding the alert" size="tiny" />
    ) : undefined;

  return (
    <Dialog
      modalType="alert"
      open={request !== null}
      onOpenChange={(_, data) => {
        if (!data.open && !busy) onCancel();
      }}
    >
      <DialogSurface aria-busy={busy || undefined} className={styles.surface}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {situation?.kind === 'inOthers' && (
              <>
                <p className={styles.text}>
                  The alert <strong>{request?.alertTitle}</strong> is already part of{' '}
                  {situation.incidents.length === 1 ? 'another incident:' : 'other incidents:'}
                </p>
                <ul className={styles.incidents}>
                  {situation.incidents.map((m) => (
                    <li key={m.incidentId}>
                      <IncidentLink incident={m} />
                    </li>
                  ))}
                </ul>
                <p className={styles.text}>
                  Adding it to {here} does not remove it from{' '}
                  {situation.incidents.length === 1 ? 'that incident' : 'them'}; you can remove it
                  there yourself. Add it to {here}?
                </p>
              </>
            )}
            {situation?.kind === 'onlyAlert' && (
              <>
                <p className={styles.text}>
                  The alert <strong>{request?.alertTitle}</strong> is the only alert of incident{' '}
                  <IncidentLink incident={situation.incident} />. Tracked in {here}, that incident
                  may no longer be needed.
                </p>
                <ul className={styles.choices}>
                  <li>
                    <strong>Keep other incident</strong> adds the alert to {here} and leaves the
                    other incident as it is.
                  </li>
                  <li>
                    <strong>Close other incident</strong> adds the alert to {here} and closes
                    incident {situation.incident.incidentId} as Undetermined, with the comment
                    &ldquo;{closedByRelationComment(request?.incidentId ?? '')}&rdquo;
                  </li>
                  <li>
                    <strong>Cancel</strong> changes nothing.
                  </li>
                </ul>
              </>
            )}
            {situation?.kind === 'plain' && (
              <p className={styles.text}>
                Add the alert <strong>{request?.alertTitle}</strong> to {here}?
              </p>
            )}
          </DialogContent>
          <DialogActions>
            {situation?.kind === 'onlyAlert' ? (
              <>
                <Button
                  appearance="primary"
                  className={styles.action}
                  disabledFocusable={busy}
                  icon={wait(false)}
                  onClick={() => onConfirm({ closeOther: false })}
                >
                  Keep other incident
                </Button>
                <Button
                  className={styles.action}
                  disabledFocusable={busy}
                  icon={wait(true)}
                  onClick={() => onConfirm({ closeOther: true })}
                >
                  Close other incident
                </Button>
              </>
            ) : (
              <Button
                appearance="primary"
                disabledFocusable={busy}
                icon={wait(false)}
                onClick={() => onConfirm({ closeOther: false })}
              >
                OK
              </Button>
            )}
            <Button disabledFocusable={busy} onClick={onCancel}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
