import { Button, ProgressBar, Skeleton, SkeletonItem, useId } from '@fluentui/react-components';
import { DocumentSearchRegular } from '@fluentui/react-icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { personaQueries } from '@/api/personas/persona-queries';
import { useSessionUpn } from '@/api/session-store';
import { ErrorState } from '@/components/error-state';
import { canManage, ROLE_LABELS } from '@/domain/identity';
import { alertSelection } from '../alert-selection-store';
import { incidentSelection } from '../incident-selection-store';
import { MergingIncidentsContext } from '../merging-incidents';
import { buildQueueListParams, needsDirectory } from '../queue-odata';
import { toQueueRow } from '../queue-rows';
import { hasAnyFilter, NO_FILTERS, PAGE_SIZE } from '../queue-state';
import { useQueueState } from '../use-queue-state';
import { CopyListLink } from './copy-list-link';
import { IncidentGrid } from './incident-grid';
import { useIncidentQueuePageStyles } from './incident-queue-page.styles';
import { QueueFilterBar } from './queue-filter-bar';
import { QueuePagination } from './queue-pagination';
import { QueueToolbar, type IncidentQueueActions } from './queue-toolbar';

const countFormat = new Intl.NumberFormat();
const NO_ACTIONS: IncidentQueueActions = {};
const NOT_MERGING: ReadonlySet<string> = new Set();

type Styles = ReturnType<typeof useIncidentQueuePageStyles>;

function QueueSkeleton({ styles }: { styles: Styles }) {
  return (
    <div aria-busy="true" aria-label="Loading incidents" role="status">
      <Skeleton aria-hidden className={styles.skeleton}>
        {Array.from({ length: 10 }, (_, i) => (
          <div className={styles.skeletonRow} key={i}>
            {Array.from({ length: 9 }, (_, j) => (
              <SkeletonItem key={j} shape={j < 2 ? 'square' : 'rectangle'} size={16} />
            ))}
          </div>
        ))}
      </Skeleton>
    </div>
  );
}

/** A different persona is a different analyst: what the previous one ticked is not theirs. */
function useClearSelectionWhenPersonaChanges(upn: string) {
  const clearIncidents = incidentSelection.useActions().clear;
  const clearAlerts = alertSelection.useActions().clear;
  const previous = useRef(upn);
  useEffect(() => {
    if (previous.current === upn) return;
    previous.current = upn;
    clearIncidents();
    clearAlerts();
  }, [upn, clearIncidents, clearAlerts]);
}

export type IncidentQueuePageProps = {
  /** Handlers of the toolbar's actions, wired by the app as their features arrive. */
  actions?: IncidentQueueActions;
  /** Incidents a merge is running on: shown as merging, and not selectable meanwhile. */
  mergingIds?: ReadonlySet<string>;
};

/**
 * `/incidents`: Defender's incident queue over Graph. Filters, sort, page and search live in the
 * URL; selection lives in a store of ids and outlives paging, filtering and refetches.
 */
export function IncidentQueuePage({
  actions = NO_ACTIONS,
  mergingIds = NOT_MERGING,
}: IncidentQueuePageProps) {
  const styles = useIncidentQueuePageStyles();
  const { state, update } = useQueueState();
  const upn = useSessionUpn();
  useClearSelectionWhenPersonaChanges(upn);

  const personas = useQuery(personaQueries.all());
  const groups = useMemo(
    () => personas.data?.directory.filter((p) => p.kind === 'group').map((p) => p.id) ?? [],
    [personas.data],
  );
  const directoryMissing = needsDirectory(state) && !personas.data;
  const params = useMemo(() => buildQueueListParams(state, { upn, groups }), [state, upn, groups]);
  const list = useQuery({
    ...incidentQueries.list(params),
    enabled: !directoryMissing,
    placeholderData: keepPreviousData,
  });

  const rows = useMemo(() => list.data?.value.map(toQueueRow) ?? [], [list.data]);
  const total = list.data?.['@odata.count'] ?? rows.length;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));

  // A bookmarked page past the end (the list shrank since): show the last page instead.
  const pastTheEnd = list.isSuccess && !list.isPlaceholderData && state.page > pageCount;
  useEffect(() => {
    if (pastTheEnd) update({ page: pageCount }, { replace: true });
  }, [pastTheEnd, pageCount, update]);

  const persona = personas.data?.value.find((p) => p.upn.toLowerCase() === upn.toLowerCase());
  const readOnlyReason =
    persona && !canManage(persona)
      ? `Your role (${ROLE_LABELS[persona.role]}) can view incidents but not change them`
      : undefined;

  const emptyTitleId = useId('queue-empty');
  const filtered = hasAnyFilter(state);
  const clearFilters = () => update(NO_FILTERS);

  let content;
  if (directoryMissing && personas.isError) {
    content = (
      <div className={styles.message}>
        <ErrorState
          error={personas.error}
          retrying={personas.isFetching}
          title="Couldn't load the users and groups the assignment filter needs"
          onRetry={() => void personas.refetch()}
        />
      </div>
    );
  } else if (list.isError) {
    content = (
      <div className={styles.message}>
        <ErrorState
          error={list.error}
          retrying={list.isFetching}
          title="Couldn't load incidents"
          onRetry={() => void list.refetch()}
        />
      </div>
    );
  } else if (list.isPending) {
    content = <QueueSkeleton styles={styles} />;
  } else if (rows.length === 0) {
    content = (
      <div aria-labelledby={emptyTitleId} className={styles.empty} role="status">
        <DocumentSearchRegular aria-hidden className={styles.emptyIcon} />
        <span className={styles.emptyTitle} id={emptyTitleId}>
          {filtered ? 'No incidents match these filters' : 'No incidents'}
        </span>
        {filtered ? (
          <Button appearance="primary" onClick={clearFilters}>
            Clear filters
          </Button>
        ) : (
          <span>There are no incidents you can see.</span>
        )}
      </div>
    );
  } else {
    content = (
      <>
        <div className={styles.scroller}>
          <IncidentGrid
            busy={list.isPlaceholderData}
            rows={rows}
            sort={state.sort}
            onSortChange={(sort) => update({ sort })}
          />
        </div>
        <QueuePagination
          page={state.page}
          pageCount={pageCount}
          pageSize={PAGE_SIZE}
          shown={rows.length}
          total={total}
          onPageChange={(page) => update({ page })}
        />
      </>
    );
  }

  const showTotal = list.isSuccess;
  return (
    <MergingIncidentsContext value={mergingIds}>
      <section aria-labelledby="incidents-title" className={styles.root}>
        <div className={styles.header}>
          <h1 className={styles.title} id="incidents-title">
            Incidents
          </h1>
          {showTotal && (
            <span className={styles.count}>
              {countFormat.format(total)} {total === 1 ? 'incident' : 'incidents'}
            </span>
          )}
          <div className={styles.spacer} />
          <CopyListLink />
        </div>
        <QueueFilterBar state={state} update={update} />
        <div className={styles.surface}>
          <QueueToolbar actions={actions} readOnlyReason={readOnlyReason} />
          <div className={styles.progress}>
            {list.isFetching && !list.isPending && (
              <ProgressBar aria-label="Updating incidents" thickness="medium" />
            )}
          </div>
          {content}
        </div>
      </section>
    </MergingIncidentsContext>
  );
}
