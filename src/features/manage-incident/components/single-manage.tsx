import {
  Button,
  DrawerBody,
  DrawerFooter,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { ErrorState, RefreshFailed } from '@/components/error-state';
import { RouterLink } from '@/components/router-link';
import { useCurrentPersona } from '@/components/use-current-persona';
import type { Incident } from '@/domain/graph';
import { incidentWriteDenial } from '@/domain/identity';
import { initialValues, patchFor, validate, type ManageValues } from '../manage-form';
import type { IncidentPatch } from '@/api/incidents/incidents-api';
import { FormSkeleton, ManageDrawerHeader } from './drawer-parts';
import { ManageIncidentForm } from './manage-incident-form';
import { useManageDrawerStyles } from './manage-drawer.styles';

export type SingleManageProps = {
  incidentId: string;
  onClose: () => void;
  /** Saves the change (optimistically) and closes the drawer. */
  onSave: (incident: Incident, patch: IncidentPatch) => void;
};

/** Manage incident for one incident: loads it fresh, then the form. */
export function SingleManage({ incidentId, onClose, onSave }: SingleManageProps) {
  // Read it again on open: the form's etag must be the current one, or a save would be refused.
  const query = useQuery({ ...incidentQueries.detail(incidentId), refetchOnMount: 'always' });
  const ready = query.data !== undefined && (query.isFetchedAfterMount || query.isError);
  const subtitle = query.data?.displayName
    ? `${query.data.displayName} · ${incidentId}`
    : `Incident ${incidentId}`;

  if (ready) {
    return (
      <SingleForm
        incident={query.data}
        // Opened on what was cached when reading it again failed: a save that meets a newer
        // version is refused (412) and shows what changed.
        notice={<RefreshFailed query={query} what={`incident ${incidentId}`} />}
        subtitle={subtitle}
        onClose={onClose}
        onSave={onSave}
      />
    );
  }
  return (
    <>
      <ManageDrawerHeader subtitle={subtitle} title="Manage incident" onClose={onClose} />
      <DrawerBody>
        {query.isError ? (
          <ErrorState
            error={query.error}
            retrying={query.isFetching}
            title={`Couldn't load incident ${incidentId}`}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <FormSkeleton label={`Loading incident ${incidentId}`} />
        )}
      </DrawerBody>
    </>
  );
}

function SingleForm({
  incident,
  notice,
  subtitle,
  onClose,
  onSave,
}: {
  incident: Incident;
  /** Shown above the form (a failed refresh). */
  notice?: ReactNode;
  subtitle: string;
  onClose: () => void;
  onSave: (incident: Incident, patch: IncidentPatch) => void;
}) {
  const styles = useManageDrawerStyles();
  const persona = useCurrentPersona();
  // What the analyst started from: later refetches must not move the etag under the form.
  const [base] = useState(incident);
  const [values, setValues] = useState<ManageValues>(() => initialValues(incident));
  const [submitted, setSubmitted] = useState(false);
  const denial = incidentWriteDenial(persona, base);
  const redirected = base.status === 'redirected';
  const locked = denial !== undefined || redirected;
  const errors = validate(values, base);
  const patch = patchFor(base, values);
  const changed = Object.keys(patch).length;

  const save = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (locked || changed === 0 || Object.keys(errors).length > 0) return;
    onSave(base, patch);
  };

  return (
    <form className={styles.formContents} noValidate onSubmit={save}>
      <ManageDrawerHeader subtitle={subtitle} title="Manage incident" onClose={onClose} />
      <DrawerBody>
        <div className={styles.body}>
          {notice}
          {denial && (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>You can&apos;t change this incident</MessageBarTitle>
                {denial}
              </MessageBarBody>
            </MessageBar>
          )}
          {redirected && (
            <MessageBar intent="info">
              <MessageBarBody>
                <MessageBarTitle>Merged</MessageBarTitle>
                This incident was merged into{' '}
                {base.redirectIncidentId ? (
                  <RouterLink to={`/incidents/${base.redirectIncidentId}/overview`}>
                    incident {base.redirectIncidentId}
                  </RouterLink>
                ) : (
                  'another incident'
                )}{' '}
                and can no longer be changed.
              </MessageBarBody>
            </MessageBar>
          )}
          <ManageIncidentForm
            bulk={false}
            disabled={locked}
            errors={submitted ? errors : {}}
            values={values}
            onChange={(change) => setValues((v) => ({ ...v, ...change }))}
          />
        </div>
      </DrawerBody>
      <DrawerFooter className={styles.footer}>
        <Button appearance="primary" disabled={locked || changed === 0} type="submit">
          Save
        </Button>
        <Button onClick={onClose}>Cancel</Button>
        <span aria-live="polite" className={styles.footerNote}>
          {changed === 0
            ? 'No changes'
            : changed === 1
              ? '1 field changed'
              : `${changed} fields changed`}
        </span>
      </DrawerFooter>
    </form>
  );
}
