import {
  Button,
  DrawerBody,
  DrawerFooter,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { refetchIncidentsAndAlerts } from '@/api/after-write';
import { ApiError } from '@/api/http';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { updateIncident } from '@/api/incidents/incidents-api';
import { useCurrentPersona } from '@/components/use-current-persona';
import { canManage, ROLE_LABELS } from '@/domain/identity';
import {
  bulkHasChanges,
  bulkPatchFor,
  emptyBulkValues,
  validate,
  type ManageValues,
} from '../manage-form';
import { BulkResults, type BulkResult } from './bulk-results';
import { ManageDrawerHeader } from './drawer-parts';
import { ManageIncidentForm } from './manage-incident-form';
import { useManageDrawerStyles } from './manage-drawer.styles';

/** How many incidents are written at once. */
const CONCURRENCY = 4;

const messageOf = (error: unknown) =>
  error instanceof ApiError || error instanceof Error ? error.message : String(error);

export type BulkManageProps = {
  incidentIds: string[];
  onClose: () => void;
  /** Every incident was updated (the app clears the queue's selection). */
  onAllSucceeded: () => void;
};

/**
 * Manage incident for several incidents: every field starts at "No change", the fields the
 * analyst sets are written to each incident (one PATCH each), and each gets a result line.
 */
export function BulkManage({ incidentIds, onClose, onAllSucceeded }: BulkManageProps) {
  const styles = useManageDrawerStyles();
  const queryClient = useQueryClient();
  const persona = useCurrentPersona();
  const [values, setValues] = useState<ManageValues>(emptyBulkValues);
  const [results, setResults] = useState<Record<string, BulkResult>>({});
  const [running, setRunning] = useState(false);
  const details = useQueries({
    queries: incidentIds.map((id) => ({ ...incidentQueries.detail(id), staleTime: 60_000 })),
  });
  const names = Object.fromEntries(
    incidentIds.map((id, i) => [id, details[i]?.data?.displayName ?? '']),
  );
  const readOnly = persona && !canManage(persona);
  const errors = validate(values, undefined);
  const hasChanges = bulkHasChanges(values);
  const started = Object.keys(results).length > 0;
  const failed = incidentIds.filter((id) => results[id]?.state === 'failed');
  const succeeded = incidentIds.filter((id) => results[id]?.state === 'succeeded');

  const setResult = (id: string, result: BulkResult) => setResults((r) => ({ ...r, [id]: result }));

  /** Writes one incident; its current tags are read first, since tags are added to them. */
  const updateOne = async (id: string) => {
    setResult(id, { state: 'saving' });
    try {
      const incident = await queryClient.fetchQuery({
        ...incidentQueries.detail(id),
        staleTime: 0,
      });
      const patch = bulkPatchFor(incident, values);
      if (Object.keys(patch).length > 0) {
        await updateIncident(id, patch, incident['@odata.etag']);
      }
      setResult(id, { state: 'succeeded' });
      return true;
    } catch (error) {
      setResult(id, { state: 'failed', message: messageOf(error) });
      return false;
    }
  };

  const run = async (ids: string[]) => {
    setRunning(true);
    // Failures of incidents not retried now still count.
    const failures = new Set(
      incidentIds.filter((id) => results[id]?.state === 'failed' && !ids.includes(id)),
    );
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        if (!(await updateOne(id))) failures.add(id);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
    // As for one write (afterWrite): all done, the pane closes once the screens show it; with a
    // failure, the summary and Retry failed come at once while the refetch runs on.
    const refetch = refetchIncidentsAndAlerts(queryClient);
    if (failures.size === 0) await refetch;
    setRunning(false);
    if (failures.size === 0) onAllSucceeded();
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (readOnly || !hasChanges || Object.keys(errors).length > 0 || running) return;
    void run(incidentIds);
  };

  return (
    <form className={styles.formContents} noValidate onSubmit={save}>
      <ManageDrawerHeader
        subtitle={`${incidentIds.length} incidents selected`}
        title="Manage incidents"
        onClose={onClose}
      />
      <DrawerBody>
        <div className={styles.body}>
          {readOnly && persona && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>You can&apos;t change incidents</MessageBarTitle>
                {persona.upn} ({ROLE_LABELS[persona.role]}) has read-only access.
              </MessageBarBody>
            </MessageBar>
          )}
          {started ? (
            <BulkResults
              incidentIds={incidentIds}
              names={names}
              results={results}
              running={running}
            />
          ) : (
            <>
              <MessageBar intent="info">
                <MessageBarBody>
                  Only the fields you set are changed, on each of the {incidentIds.length}{' '}
                  incidents. Fields left at &ldquo;No change&rdquo; keep each incident&apos;s own
                  value.
                </MessageBarBody>
              </MessageBar>
              <ManageIncidentForm
                bulk
                disabled={!!readOnly}
                errors={errors}
                values={values}
                onChange={(change) => setValues((v) => ({ ...v, ...change }))}
              />
            </>
          )}
        </div>
      </DrawerBody>
      <DrawerFooter className={styles.footer}>
        {!started && (
          <>
            <Button
              appearance="primary"
              disabled={!!readOnly || !hasChanges || Object.keys(errors).length > 0}
              type="submit"
            >
              Save
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </>
        )}
        {started && failed.length > 0 && (
          <Button appearance="primary" disabled={running} onClick={() => void run(failed)}>
            Retry failed
          </Button>
        )}
        {started && (
          <Button appearance={failed.length > 0 ? 'secondary' : 'primary'} onClick={onClose}>
            Done
          </Button>
        )}
        {started && !running && (
          <span aria-live="polite" className={styles.footerNote}>
            {succeeded.length} of {incidentIds.length} updated
          </span>
        )}
      </DrawerFooter>
    </form>
  );
}
