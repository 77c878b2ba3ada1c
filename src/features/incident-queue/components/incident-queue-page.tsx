import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Skeleton,
  SkeletonItem,
  useId,
} from '@fluentui/react-components';
import { DismissRegular, DocumentSearchRegular } from '@fluentui/react-icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveMode } from '@/api/config';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { personaQueries } from '@/api/personas/persona-queries';
import { useSessionUpn } from '@/api/session-store';
import { consoleNow } from '@/components/clock';
import { LocalListNote } from '@/components/local-list-note';
import { ErrorState, RefreshFailed } from '@/components/error-state';
import { Pagination } from '@/components/pagination';
import { useLatest } from '@/components/use-latest';
import { accessHint } from '@/domain/identity';
import type { ExportRequest } from '../export-csv';
import { localFiltering, matchesLocalFilters } from '../local-filters';
import { MergingIncidentsContext } from '../merging-incidents';
import { buildExportParams, buildQueueListParams, needsDirectory } from '../queue-odata';
import { focusIncidentRow, incidentIdOfRow, incidentRowElements } from '../grid-focus';
import { useIncidentPane } from '../incident-pane-param';
import { toQueueRow } from '../queue-rows';
import {
  hasAnyFilter,
  NO_FILTERS,
  parseQueueState,
  queueViewKey,
  writeQueueState,
} from '../queue-state';
import {
  queueEntered,
  queueLeft,
  useQueueUrlNoticeActions,
  useQueueUrlProblems,
} from '../url-notice-store';
import { DEFAULT_TIME_RANGE, sameTimeRange } from '../time-range';
import { useQueueIncidents } from '../use-queue-incidents';
import { useQueueState, type QueueStateUpdate } from '../use-queue-state';
import { CopyListLink } from './copy-list-link';
import { IncidentGrid } from './incident-grid';
import { useIncidentQueuePageStyles } from './incident-queue-page.styles';
import {
  incidentPagePath,
  IncidentRowMenuContext,
  type IncidentRowMenuActions,
} from './incident-row-menu';
import { IncidentSidePane, type IncidentPaneActions } from './incident-side-pane';
import { QueueShortcuts } from './queue-shortcuts';
import { QueueFilterBar } from './queue-filter-bar';
import { QueueToolbar, type IncidentQueueActions } from './queue-toolbar';
import { QueueTools } from './queue-tools';

const countFormat = new Intl.NumberFormat();
/** Keys that move the grid's focus to another row: with the pane open, the pane follows. */
const PANE_FOLLOWS_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'j', 'k']);
const NOT_MERGING: ReadonlySet<string> = new Set();

type Styles = ReturnType<typeof useIncidentQueuePageStyles>;

/**
 * The rows' placeholder while the first page loads. `placeRef` reads where it sits in the window:
 * the grid takes its place, and mounts first only the rows the window shows below it.
 */
function QueueSkeleton({
  styles,
  placeRef,
}: {
  styles: Styles;
  placeRef: (element: HTMLElement | null) => void;
}) {
  return (
    <div aria-busy="true" aria-label="Loading incidents" ref={placeRef} role="status">
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

export type IncidentQueuePageProps = {
  /**
   * Handlers of the toolbar's and the side pane's actions: the app wires the merge, manage, move
   * and activity-log features.
   */
  actions: IncidentQueueActions & IncidentPaneActions;
  /** Incidents a merge is running on: shown as merging, and not selectable meanwhile. */
  mergingIds?: ReadonlySet<string>;
};

/**
 * `/incidents`: Defender's incident queue over Graph. Filters, sort, page and search live in the
 * URL; selection lives in a store of ids and outlives paging, filtering and refetches.
 */
export function IncidentQueuePage({ actions, mergingIds = NOT_MERGING }: IncidentQueuePageProps) {
  const styles = useIncidentQueuePageStyles();
  const { state, update: updateUrl } = useQueueState();
  const pane = useIncidentPane();
  const sectionRef = useRef<HTMLElement>(null);
  /**
   * Where the loading placeholder sat: the grid's top when it mounts (IncidentGrid `top`). A ref,
   * not state: the placeholder is placed as the data is about to come, and a render of the page
   * then would stand between the data and the first rows.
   */
  const gridTop = useRef<number | undefined>(undefined);
  // Stable, so React calls it when the placeholder mounts, not again on each render of the page.
  const placeGrid = useCallback((element: HTMLElement | null) => {
    if (element) gridTop.current = element.getBoundingClientRect().top;
  }, []);
  const [paneFocusRequest, setPaneFocusRequest] = useState(0);
  const { open: openPane } = pane;
  // The keyboard and the row menu take focus to the pane; a click on a row leaves it in the grid.
  const openPaneWithFocus = useCallback(
    (incidentId: string) => {
      setPaneFocusRequest((n) => n + 1);
      openPane(incidentId);
    },
    [openPane],
  );
  const movePane = useCallback(
    (incidentId: string) => openPane(incidentId, { replace: true }),
    [openPane],
  );
  const returnFocusToRow = useCallback((incidentId: string) => {
    const row = incidentRowElements(sectionRef.current).find(
      (el) => el.dataset.incidentId === incidentId,
    );
    return row ? focusIncidentRow(row) : false;
  }, []);
  const upn = useSessionUpn();
  const live = useLiveMode();

  const personas = useQuery(personaQueries.all());
  const groups = useMemo(
    () => personas.data?.directory.filter((p) => p.kind === 'group').map((p) => p.id) ?? [],
    [personas.data],
  );
  const directoryMissing = needsDirectory(state) && !personas.data;
  const params = useMemo(
    () => buildQueueListParams(state, { upn, groups, live }, consoleNow()),
    [state, upn, groups, live],
  );
  const list = useQueueIncidents(state, params, { live, enabled: !directoryMissing });

  // What the callbacks below read when they are called: they stay the same functions while the
  // view changes, so the filter bar and the tools (memoised) do not render again on a sort.
  const queryClient = useQueryClient();
  const latestRef = useLatest({ state, live, directory: personas.data, upn, groups, updateUrl });

  // A new sort, filter, search or page starts reading its incidents at once: the list's query
  // would otherwise start only once the new URL's render has committed (useUrlView renders it
  // there and then). The request now leaves before that render.
  const update = useCallback<QueueStateUpdate>(
    (change, options) => {
      const { state, live, directory, upn, groups, updateUrl } = latestRef.current;
      const next = parseQueueState(
        writeQueueState(new URLSearchParams(), { ...state, page: 1, ...change }),
      );
      const graphFilters = !live || localFiltering(next).kind === 'none';
      const directoryReady = !needsDirectory(next) || directory !== undefined;
      if (graphFilters && directoryReady) {
        const nextParams = buildQueueListParams(next, { upn, groups, live }, consoleNow());
        void queryClient.prefetchQuery(incidentQueries.list(nextParams));
      }
      updateUrl(change, options);
    },
    [queryClient, latestRef],
  );

  const exportParams = useCallback((): ExportRequest => {
    const { state, live, upn, groups } = latestRef.current;
    return {
      params: buildExportParams(state, { upn, groups, live }, consoleNow()),
      // Live mode: what Graph cannot filter is filtered here, as on screen.
      keep:
        live && localFiltering(state).kind !== 'none'
          ? (incident) => matchesLocalFilters(incident, state)
          : undefined,
    };
  }, [latestRef]);
  // A bad link's notice belongs to the view it led to, while the analyst stays on the queue.
  const urlProblems = useQueueUrlProblems(queueViewKey(state));
  useEffect(() => {
    queueEntered();
    return queueLeft;
  }, []);
  const { dismiss: dismissUrlProblems } = useQueueUrlNoticeActions();

  const rows = useMemo(() => list.data?.value.map(toQueueRow) ?? [], [list.data]);
  const total = list.data?.['@odata.count'] ?? rows.length;
  const pageCount = Math.max(1, Math.ceil(total / state.pageSize));

  // The list shrank while the analyst looked at it (a merge or a move elsewhere): show the last
  // page instead. A bookmarked page past the end is put right by the route's loader.
  const pastTheEnd = list.isSuccess && !list.isPlaceholderData && state.page > pageCount;
  useEffect(() => {
    if (pastTheEnd) update({ page: pageCount }, { replace: true });
  }, [pastTheEnd, pageCount, update]);

  const persona = personas.data?.value.find((p) => p.upn.toLowerCase() === upn.toLowerCase());
  const readOnlyReason = accessHint(persona, [], 'incidentQueue');

  const navigate = useNavigate();
  const rowMenu = useMemo<IncidentRowMenuActions>(
    () => ({
      onActivityLog: actions.onActivityLog,
      onManageIncidents: actions.onManageIncidents,
      onOpenPane: openPaneWithFocus,
      onOpenPage: (incidentId) => void navigate(incidentPagePath(incidentId)),
      readOnlyReason,
    }),
    [actions.onActivityLog, actions.onManageIncidents, openPaneWithFocus, navigate, readOnlyReason],
  );

  // With the pane open the grid keeps its keys: moving to another row (↑/↓, j/k, Page Up/Down)
  // takes the pane along, and Escape closes it.
  const onGridKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (pane.openId === null || event.defaultPrevented || event.key !== 'Escape') return;
    if (!(event.target as HTMLElement).closest('[role="grid"]')) return;
    event.preventDefault();
    pane.close();
  };
  const onGridKeyUp = (event: KeyboardEvent<HTMLElement>) => {
    if (pane.openId === null || !PANE_FOLLOWS_KEYS.has(event.key)) return;
    if (!(event.target as HTMLElement).closest('[role="grid"]')) return;
    const focusedId = incidentIdOfRow(document.activeElement);
    if (focusedId && focusedId !== pane.openId) pane.open(focusedId, { replace: true });
  };

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
  } else if (list.isError && list.data === undefined) {
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
    content = <QueueSkeleton placeRef={placeGrid} styles={styles} />;
  } else if (rows.length === 0) {
    const narrowedInTime = !sameTimeRange(state.timeRange, DEFAULT_TIME_RANGE);
    content = (
      <div aria-labelledby={emptyTitleId} className={styles.empty} role="status">
        <DocumentSearchRegular aria-hidden className={styles.emptyIcon} />
        <span className={styles.emptyTitle} id={emptyTitleId}>
          {filtered && narrowedInTime
            ? 'No incidents match these filters in this time range'
            : filtered
              ? 'No incidents match these filters'
              : narrowedInTime
                ? 'No incidents were updated in this time range'
                : 'No incidents'}
        </span>
        {filtered || narrowedInTime ? (
          <div className={styles.emptyActions}>
            {narrowedInTime && (
              <Button
                appearance="primary"
                onClick={() => update({ timeRange: DEFAULT_TIME_RANGE })}
              >
                Show the last 6 months
              </Button>
            )}
            {filtered && (
              <Button appearance={narrowedInTime ? 'secondary' : 'primary'} onClick={clearFilters}>
                Clear filters
              </Button>
            )}
          </div>
        ) : (
          <span>There are no incidents you can see.</span>
        )}
      </div>
    );
  } else {
    content = (
      <>
        <div className={styles.scroller}>
          <IncidentRowMenuContext value={rowMenu}>
            <IncidentGrid
              busy={list.isPlaceholderData}
              paneId={pane.openId}
              rows={rows}
              sort={state.sort}
              top={gridTop}
              onKeyDown={onGridKeyDown}
              onKeyUp={onGridKeyUp}
              onOpenPane={pane.open}
              onSortChange={(sort) => update({ sort })}
            />
          </IncidentRowMenuContext>
        </div>
        <Pagination
          aria-label="Pages of incidents"
          className={styles.pagination}
          page={state.page}
          pageSize={state.pageSize}
          rangePrefix="Showing"
          total={total}
          onPageChange={(page) => update({ page })}
        />
      </>
    );
  }

  const showTotal = list.data !== undefined;
  return (
    <MergingIncidentsContext value={mergingIds}>
      <div className={styles.layout}>
        <section aria-labelledby="incidents-title" className={styles.root} ref={sectionRef}>
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
          {urlProblems.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Part of this link could not be used</MessageBarTitle>
                <ul className={styles.problems}>
                  {urlProblems.map((problem) => (
                    <li key={problem}>{problem}</li>
                  ))}
                </ul>
              </MessageBarBody>
              <MessageBarActions
                containerAction={
                  <Button
                    appearance="transparent"
                    aria-label="Dismiss"
                    icon={<DismissRegular />}
                    onClick={dismissUrlProblems}
                  />
                }
              />
            </MessageBar>
          )}
          <QueueTools
            exportParams={exportParams}
            state={state}
            total={list.data !== undefined ? total : undefined}
            update={update}
          />
          <QueueFilterBar state={state} update={update} />
          <LocalListNote note={list.note} />
          <div className={styles.surface}>
            <QueueToolbar actions={actions} readOnlyReason={readOnlyReason} />
            <div className={styles.progress}>
              {list.isFetching && !list.isPending && (
                <ProgressBar aria-label="Updating incidents" thickness="medium" />
              )}
            </div>
            {/* A refresh that fails keeps the rows (and the selection) as they were loaded. */}
            <RefreshFailed query={list} what="incidents" />
            {content}
          </div>
        </section>
        <IncidentSidePane
          actions={actions}
          focusRequest={paneFocusRequest}
          openId={pane.openId}
          readOnlyReason={readOnlyReason}
          rows={rows}
          onClose={pane.close}
          onMove={movePane}
          onReturnFocus={returnFocusToRow}
        />
      </div>
      <QueueShortcuts
        mergingIds={mergingIds}
        readOnlyReason={readOnlyReason}
        rootRef={sectionRef}
        rows={rows}
        onMergeIncidents={actions.onMergeIncidents}
        onOpenPane={openPaneWithFocus}
      />
    </MergingIncidentsContext>
  );
}
