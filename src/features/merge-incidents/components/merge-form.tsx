import {
  Button,
  DrawerBody,
  DrawerFooter,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Skeleton,
  SkeletonItem,
  Spinner,
  Textarea,
  useId,
} from '@fluentui/react-components';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { entityQueries } from '@/api/entities/entity-queries';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { IncidentPicker } from '@/components/incident-picker';
import { useRelatedAlertCounts } from '@/components/use-incident-members';
import { useCurrentPersona } from '@/components/use-current-persona';
import { formatCorrelationReasons, type CorrelationReason } from '@/domain/correlation';
import type { Incident } from '@/domain/graph';
import { LIMITS } from '@/domain/limits';
import { mergeCountProblem } from '@/domain/merge';
import { checkMerge } from '@/domain/merge';
import { incidentWriteDenial } from '@/domain/identity';
import { previewMerge, toMergeCandidate } from '../merge-preview';
import { useMergeIncidents } from '../api/use-merge-incidents';
import { MergeChecks } from './merge-checks';
import { MergeConfirmDialog, MergeFailedDialog } from './merge-dialogs';
import { MergeIncidentTable } from './merge-incident-table';
import { useMergeIncidentsStyles } from './merge-incidents.styles';
import { MergeReasonsField } from './merge-reasons-field';
import { MergeEffects, MergeTarget } from './merge-summary';

/** Where the merge was asked from, and the incidents given: 2–5 (queue) or this one (page). */
export type MergeFormRequest = { origin: 'queue' | 'incidentPage'; incidentIds: string[] };

/** What the server answered, and which incidents were merged. */
export type MergeResult = { targetIncidentId: string; incidentIds: string[] };

type MergeFormProps = {
  request: MergeFormRequest;
  /** Tells the drawer a merge is running (it then refuses to close). */
  onBusyChange: (busy: boolean) => void;
  onCancel: () => void;
  onMerged: (result: MergeResult) => void;
};

/** The distinct assets of the incidents (they may share users and devices). */
function useAssetCount(ids: readonly string[]): number | null | undefined {
  return useQueries({
    queries: ids.map((id) => entityQueries.all(id)),
    combine: (results) => {
      if (results.some((r) => r.isError)) return null;
      if (results.some((r) => !r.data)) return undefined;
      const keys = new Set(results.flatMap((r) => r.data!.value.map((e) => `${e.kind}:${e.key}`)));
      return keys.size;
    },
  });
}

/** The form of the flyout: what will happen, the checks, the comment, and the merge itself. */
export function MergeForm({ request, onBusyChange, onCancel, onMerged }: MergeFormProps) {
  const styles = useMergeIncidentsStyles();
  const fromPage = request.origin === 'incidentPage';
  const pageId = request.incidentIds[0] ?? '';
  const [picked, setPicked] = useState<Incident[]>([]);
  const [comment, setComment] = useState('');
  const [reasons, setReasons] = useState<CorrelationReason[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // After the confirmation or the failure dialog, focus goes back to "Merge incidents".
  const mergeButtonRef = useRef<HTMLButtonElement>(null);
  const focusMergeButton = () => setTimeout(() => mergeButtonRef.current?.focus(), 0);
  const persona = useCurrentPersona();
  const merge = useMergeIncidents();

  const ids = useMemo(
    () => (fromPage ? [pageId, ...picked.map((i) => i.id ?? '')] : request.incidentIds),
    [fromPage, pageId, picked, request.incidentIds],
  );
  // Fresh reads: the preview must show the incidents as they are now, not as cached.
  const details = useQueries({
    queries: ids.map((id) => ({
      ...incidentQueries.detail(id),
      refetchOnMount: 'always' as const,
    })),
  });
  const failed = details.flatMap((q, i) =>
    q.isError ? [{ id: ids[i] ?? '', error: q.error }] : [],
  );
  const incidents = details.flatMap((q) => (q.data ? [q.data] : []));
  const loading = incidents.length + failed.length < ids.length;
  // Live mode: the alerts related to each incident, from Sentinel (real Graph lists none).
  const relatedCounts = useRelatedAlertCounts(incidents);
  const counting = relatedCounts.isPending && incidents.length === ids.length;
  const preview =
    incidents.length === ids.length && !counting
      ? previewMerge(incidents, persona, relatedCounts.related)
      : null;
  const assetCount = useAssetCount(ids);

  const busy = merge.isPending;
  useEffect(() => onBusyChange(busy), [busy, onBusyChange]);

  // Incident page: why another incident cannot join this merge (the same checks, one more member).
  const full = mergeCountProblem(ids.length + 1) === 'tooMany';
  const ineligibleReason = (incident: Incident) => {
    if (full) return `At most ${LIMITS.maxIncidentsPerMerge} incidents can be merged at once.`;
    const checks = checkMerge([...incidents.map(toMergeCandidate), toMergeCandidate(incident)]);
    return checks.find((c) => !c.passed && c.id !== 'count')?.problem;
  };
  // Left out of the list: the incidents already in the merge, and those the persona cannot edit.
  const isEligible = (incident: Incident) =>
    !ids.includes(incident.id ?? '') && incidentWriteDenial(persona, incident) === undefined;

  const waitingForPick = fromPage && picked.length === 0;
  const problems = preview?.problems ?? [];
  // A refusal means the preview was out of date: no merge until the incidents are read again.
  const rereading = merge.isError && details.some((q) => q.isFetching);
  const canMerge =
    preview !== null && problems.length === 0 && !busy && !rereading && !waitingForPick;
  const statusId = useId('merge-status');
  const checksTitleId = useId('merge-checks');

  const submit = () => {
    setConfirming(false);
    const incidentComment = comment.trim();
    merge.mutate(
      {
        incidentIds: ids,
        ...(incidentComment ? { incidentComment } : {}),
        ...(reasons.length ? { mergeReasons: formatCorrelationReasons(reasons) } : {}),
      },
      {
        onSuccess: ({ targetIncidentId }) => onMerged({ targetIncidentId, incidentIds: ids }),
        onError: (error) => setFailure(error.message),
      },
    );
  };

  let status: string | undefined;
  if (busy) status = 'Merging the incidents…';
  else if (waitingForPick) status = 'Choose the incident to merge with this one.';
  else if (loading) status = 'Loading the incidents…';
  else if (rereading) status = 'Reading the incidents again…';
  else if (counting) status = 'Counting the alerts related to the incidents in Microsoft Sentinel…';
  // A fresh read that failed (the first, or one of an incident shown before): the merge waits.
  else if (failed.length) status = 'Some incidents could not be read as they are now.';
  else if (problems.length)
    status =
      problems.length === 1
        ? '1 check failed: fix it to merge.'
        : `${problems.length} checks failed: fix them to merge.`;

  return (
    <>
      <DrawerBody>
        <div className={styles.body}>
          <p className={styles.intro}>
            {fromPage
              ? 'Merge this incident with one or more others. Defender keeps one of them, the target, and merges the others into it.'
              : 'Defender keeps one of these incidents, the target, and merges the others into it. Check what will happen before you merge.'}
          </p>

          {busy && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                Merging the incidents. They cannot be changed until the merge finishes.
              </MessageBarBody>
            </MessageBar>
          )}

          {fromPage && (
            <IncidentPicker
              clearOnSelect
              disabled={busy}
              hint={
                full
                  ? `At most ${LIMITS.maxIncidentsPerMerge} incidents can be merged at once.`
                  : undefined
              }
              ineligibleReason={ineligibleReason}
              isEligible={isEligible}
              label="Other incident name or ID"
              required
              value={null}
              onChange={(incident) => {
                if (incident) setPicked((list) => [...list, incident]);
              }}
            />
          )}

          {failed.map(({ id, error }) => (
            <MessageBar intent="error" key={id} layout="multiline">
              <MessageBarBody>
                Couldn&apos;t read incident {id} as it is now: {error.message}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => void details[ids.indexOf(id)]?.refetch()}>
                  Retry
                </Button>
              </MessageBarActions>
            </MessageBar>
          ))}

          {relatedCounts.error && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                The alerts related to these incidents could not be counted in Microsoft Sentinel (
                {relatedCounts.error.message}). The {LIMITS.maxAlertsPerIncident}-alert check counts
                only the alerts Microsoft Graph lists as their own.
              </MessageBarBody>
            </MessageBar>
          )}

          <section className={styles.section} aria-labelledby={`${checksTitleId}-incidents`}>
            <h3 className={styles.sectionTitle} id={`${checksTitleId}-incidents`}>
              Incidents to merge ({ids.length})
            </h3>
            {loading && incidents.length === 0 ? (
              <div aria-busy="true" aria-label="Loading the incidents" role="status">
                <Skeleton aria-hidden className={styles.skeleton}>
                  {ids.map((id) => (
                    <SkeletonItem key={id} size={24} />
                  ))}
                </Skeleton>
              </div>
            ) : (
              <MergeIncidentTable
                disabled={busy}
                fixedIds={[pageId]}
                incidents={incidents}
                targetId={waitingForPick ? undefined : preview?.target.id}
                {...(fromPage
                  ? { onRemove: (id: string) => setPicked((l) => l.filter((i) => i.id !== id)) }
                  : {})}
              />
            )}
          </section>

          {preview && !waitingForPick && (
            <>
              <MergeTarget preview={preview} />
              <section className={styles.section} aria-labelledby={checksTitleId}>
                <h3 className={styles.sectionTitle} id={checksTitleId}>
                  Checks
                </h3>
                <MergeChecks checks={preview.checks} labelledBy={checksTitleId} />
              </section>
              <section className={styles.section} aria-labelledby={`${checksTitleId}-effects`}>
                <h3 className={styles.sectionTitle} id={`${checksTitleId}-effects`}>
                  What moves to the target
                </h3>
                <MergeEffects assetCount={assetCount} preview={preview} />
              </section>
            </>
          )}

          <Field
            hint="Added as a comment to the merged incident."
            label={fromPage ? 'Comment' : 'Reason for merging'}
          >
            <Textarea
              disabled={busy}
              maxLength={LIMITS.maxCommentLength}
              resize="vertical"
              rows={3}
              value={comment}
              onChange={(_, data) => setComment(data.value)}
            />
          </Field>
          <MergeReasonsField disabled={busy} value={reasons} onChange={setReasons} />
        </div>
      </DrawerBody>
      <DrawerFooter className={styles.footer}>
        <Button
          appearance="primary"
          ref={mergeButtonRef}
          aria-describedby={status ? statusId : undefined}
          disabledFocusable={!canMerge}
          icon={busy ? <Spinner size="tiny" /> : undefined}
          onClick={() => setConfirming(true)}
        >
          {busy ? 'Merging…' : 'Merge incidents'}
        </Button>
        <Button appearance="secondary" disabled={busy} onClick={onCancel}>
          Cancel
        </Button>
        <span aria-live="polite" className={styles.footerStatus} id={statusId} role="status">
          {status}
        </span>
      </DrawerFooter>
      {preview && (
        <MergeConfirmDialog
          count={ids.length}
          open={confirming}
          target={preview.target}
          onCancel={() => {
            setConfirming(false);
            focusMergeButton();
          }}
          onConfirm={submit}
        />
      )}
      <MergeFailedDialog
        reason={failure}
        onClose={() => {
          setFailure(null);
          focusMergeButton();
        }}
      />
    </>
  );
}
