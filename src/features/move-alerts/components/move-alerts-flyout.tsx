import {
  Button,
  DrawerBody,
  DrawerFooter,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Textarea,
} from '@fluentui/react-components';
import { InfoRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { ErrorState } from '@/components/error-state';
import { IncidentPicker } from '@/components/incident-picker';
import { IncidentStatusBadge } from '@/components/incident-status-badge';
import { SideDrawer } from '@/components/side-drawer';
import { SeverityBadge } from '@/components/severity-badge';
import { useCurrentPersona } from '@/components/use-current-persona';
import { useRelatedAlertCounts } from '@/components/use-incident-members';
import type { CorrelationReason } from '@/domain/correlation';
import type { Incident } from '@/domain/graph';
import { LIMITS } from '@/domain/limits';
import {
  isEligibleDestination,
  moveRequest,
  moveTitle,
  previewMove,
  toMovingAlerts,
  type DestinationChoice,
} from '../move-plan';
import { useMoveAlerts } from '../api/use-move-alerts';
import { useMovingAlerts } from '../use-moving-alerts';
import { CorrelationReasonsPicker } from './correlation-reasons-picker';
import { useMoveAlertsFlyoutStyles } from './move-alerts-flyout.styles';
import { MoveChecksList } from './move-checks-list';
import { MovingAlertsList } from './moving-alerts-list';

/** What a successful move did, for the app's toast. */
export type MovedAlerts = {
  targetIncidentId: string;
  /** The destination's name when it already existed; a new incident's is not known yet. */
  targetIncidentName: string | null;
  created: boolean;
  /** Alerts that changed incident (those already in the destination stay). */
  movedCount: number;
};

export type MoveAlertsFlyoutProps = {
  open: boolean;
  alertIds: readonly string[];
  /** Cancel, close button or Escape. */
  onDismiss: () => void;
  /** The server accepted the move (queries are already invalidated). */
  onMoved: (result: MovedAlerts) => void;
};

const NO_INCIDENTS: Incident[] = [];

/** Names a list of incidents: "Incident 12", "Incidents 12 and 14", "Incidents 12, 14 and 15". */
function incidentList(ids: readonly string[]): string {
  if (ids.length === 1) return `Incident ${ids[0]}`;
  return `Incidents ${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

/**
 * "Move alert to another incident" / "Move multiple alerts to another incident" (seed 001): one
 * flyout for every entry point. It shows where each alert comes from, lets the analyst link them
 * to an existing incident or create a new one, previews the server's rules, and moves them.
 * Mount it afresh for each opening (its form starts empty); focus returns to the opener on close.
 */
export function MoveAlertsFlyout({ open, alertIds, onDismiss, onMoved }: MoveAlertsFlyoutProps) {
  const styles = useMoveAlertsFlyoutStyles();
  const persona = useCurrentPersona();
  const loaded = useMovingAlerts(alertIds);
  const move = useMoveAlerts();
  const queryClient = useQueryClient();

  const [choice, setChoice] = useState<DestinationChoice | null>(null);
  const [picked, setPicked] = useState<Incident | null>(null);
  const [comment, setComment] = useState('');
  const [reasons, setReasons] = useState<CorrelationReason[]>([]);
  // After a refusal: the destination is being read again for the checks.
  const [rereadingDestination, setRereadingDestination] = useState(false);

  const moving = useMemo(() => toMovingAlerts(loaded.alerts), [loaded.alerts]);
  const isEligible = useCallback(
    (incident: Incident) => isEligibleDestination(incident, moving, persona),
    [moving, persona],
  );
  const destination = choice === 'existing' ? picked : null;
  // Live mode: the alerts related to the destination, from Sentinel (real Graph lists none).
  const related = useRelatedAlertCounts(destination ? [destination] : NO_INCIDENTS);
  const preview = previewMove(
    loaded.alerts,
    destination,
    persona,
    loaded.origins,
    related.related.get(destination?.id ?? ''),
  );
  const commentTooLong = comment.length > LIMITS.maxCommentLength;
  const chosen = choice === 'new' || (choice === 'existing' && picked !== null);
  const canSave =
    !loaded.isPending &&
    loaded.error === null &&
    loaded.missingIds.length === 0 &&
    chosen &&
    !related.isPending &&
    preview.ready &&
    !commentTooLong &&
    !move.isPending &&
    // A refusal means the checks were out of date: no Save until what they use is read again.
    !(move.isError && (loaded.isRefetching || rereadingDestination));

  const title = moveTitle(alertIds.length);
  const several = alertIds.length !== 1;

  const changeDestination = (next: DestinationChoice, incident: Incident | null) => {
    setChoice(next);
    setPicked(incident);
    if (move.isError) move.reset();
  };

  const save = () => {
    if (!canSave) return;
    move.mutate(moveRequest(alertIds, destination, comment, reasons), {
      // The server knew better: bring what the preview uses up to date, so the checks say why.
      onError: () => {
        loaded.refetch();
        if (destination?.id) {
          const id = destination.id;
          setRereadingDestination(true);
          void queryClient
            .fetchQuery({ ...incidentQueries.detail(id), staleTime: 0 })
            .then((fresh) => setPicked((current) => (current?.id === id ? fresh : current)))
            .catch(() => undefined)
            .finally(() => setRereadingDestination(false));
        }
      },
      onSuccess: ({ targetIncidentId }) =>
        onMoved({
          targetIncidentId,
          targetIncidentName: destination?.displayName ?? null,
          created: destination === null,
          movedCount: moving.filter((a) => a.incidentId !== targetIncidentId).length,
        }),
    });
  };

  return (
    <SideDrawer
      busy={move.isPending}
      open={open}
      title={title}
      titleClassName={styles.title}
      onClose={onDismiss}
    >
      <DrawerBody>
        <div className={styles.body}>
          <p className={styles.intro}>
            Every alert must belong to an incident. Attach{' '}
            {several ? `these ${alertIds.length} alerts` : 'this alert'} to another existing
            incident, or to a new incident created for {several ? 'them' : 'it'}.
          </p>

          <section aria-labelledby="move-alerts-list" className={styles.section}>
            <h3 className={styles.sectionTitle} id="move-alerts-list">
              {several ? `Alerts to move (${alertIds.length})` : 'Alert to move'}
            </h3>
            {loaded.refreshError && (
              <ErrorState
                error={loaded.refreshError}
                kind="stale"
                retrying={loaded.isRefetching}
                title="Couldn't refresh the alerts; showing what was loaded"
                onRetry={loaded.refetch}
              />
            )}
            {loaded.error ? (
              <ErrorState
                error={loaded.error}
                retrying={loaded.isRefetching}
                title="Couldn't load the alerts"
                onRetry={loaded.refetch}
              />
            ) : (
              <MovingAlertsList
                alerts={loaded.alerts}
                destinationId={destination?.id ?? null}
                expected={alertIds.length}
                loading={loaded.isPending}
                origins={loaded.origins}
              />
            )}
            {loaded.missingIds.length > 0 && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  {loaded.missingIds.length === 1 ? 'Alert' : 'Alerts'}{' '}
                  {loaded.missingIds.join(', ')} could not be found: deleted, or outside what you
                  can see. Close this panel and select the alerts again.
                </MessageBarBody>
              </MessageBar>
            )}
          </section>

          <Field label="Destination" required>
            <RadioGroup
              disabled={move.isPending}
              value={choice ?? ''}
              onChange={(_, data) =>
                changeDestination(
                  data.value as DestinationChoice,
                  data.value === 'existing' ? picked : null,
                )
              }
            >
              <Radio label="Link to an existing incident" value="existing" />
              {choice === 'existing' && (
                <div className={styles.destination}>
                  <IncidentPicker
                    disabled={move.isPending}
                    isEligible={isEligible}
                    label="Incident name or ID"
                    required
                    value={picked}
                    onChange={(incident) => changeDestination('existing', incident)}
                  />
                  {picked && (
                    <div className={styles.chosen}>
                      <SeverityBadge severity={picked.severity} />
                      <IncidentStatusBadge status={picked.status} />
                      <span>
                        {picked.alerts?.length ?? 0}{' '}
                        {picked.alerts?.length === 1 ? 'alert' : 'alerts'} ·{' '}
                        {picked.assignedTo ? `Assigned to ${picked.assignedTo}` : 'Unassigned'}
                      </span>
                    </div>
                  )}
                </div>
              )}
              <Radio label="Create a new incident" value="new" />
              {choice === 'new' && (
                <div className={styles.destination}>
                  <span className={styles.newIncidentNote}>
                    <InfoRegular aria-hidden className={styles.noteIcon} />
                    The new incident is named automatically from the {several
                      ? 'alerts'
                      : 'alert'}{' '}
                    you move, takes {several ? 'their' : 'its'} severity, and starts as Active with
                    no owner.
                  </span>
                </div>
              )}
            </RadioGroup>
          </Field>

          <Field
            hint={`Why ${several ? 'these alerts belong' : 'this alert belongs'} elsewhere. Saved with the move in the activity log.`}
            label="Comment"
            validationMessage={
              commentTooLong
                ? `The comment is ${comment.length} characters long; the limit is ${LIMITS.maxCommentLength}.`
                : undefined
            }
          >
            <Textarea
              disabled={move.isPending}
              resize="vertical"
              rows={3}
              value={comment}
              onChange={(_, data) => setComment(data.value)}
            />
          </Field>

          <CorrelationReasonsPicker
            disabled={move.isPending}
            value={reasons}
            onChange={setReasons}
          />

          {chosen && preview.leftEmpty.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>
                  {incidentList(preview.leftEmpty)} will be left without alerts
                </MessageBarTitle>
                An incident with no alerts left is resolved automatically when the move is saved,
                with a note in its activity log.
              </MessageBarBody>
            </MessageBar>
          )}

          {chosen && !loaded.isPending && !loaded.error && (
            <section aria-labelledby="move-alerts-checks" className={styles.section}>
              <h3 className={styles.sectionTitle} id="move-alerts-checks">
                Before you save
              </h3>
              {related.isPending ? (
                <Spinner
                  label={`Counting the alerts related to incident ${destination?.id ?? ''} in Microsoft Sentinel…`}
                  labelPosition="after"
                  size="tiny"
                />
              ) : (
                <>
                  {related.error && (
                    <MessageBar intent="warning" layout="multiline">
                      <MessageBarBody>
                        The alerts related to incident {destination?.id} could not be counted in
                        Microsoft Sentinel ({related.error.message}). The{' '}
                        {LIMITS.maxAlertsPerIncident}-alert check counts only the alerts Microsoft
                        Graph lists as its own.
                      </MessageBarBody>
                    </MessageBar>
                  )}
                  <MoveChecksList checks={preview.checks} />
                </>
              )}
            </section>
          )}
        </div>
      </DrawerBody>

      <DrawerFooter className={styles.footer}>
        {move.isError && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>
                {several ? "The alerts weren't moved" : "The alert wasn't moved"}
              </MessageBarTitle>
              {move.error.message}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            disabledFocusable={!canSave}
            icon={move.isPending ? <Spinner size="tiny" /> : undefined}
            onClick={save}
          >
            {move.isPending ? 'Saving…' : 'Save'}
          </Button>
          <Button disabled={move.isPending} onClick={onDismiss}>
            Cancel
          </Button>
        </div>
      </DrawerFooter>
    </SideDrawer>
  );
}
