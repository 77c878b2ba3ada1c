import { Button, ProgressBar, Skeleton, SkeletonItem } from '@fluentui/react-components';
import { DismissCircleRegular, DocumentSearchRegular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import { useLiveMode } from '@/api/config';
import { useSessionUpn } from '@/api/session-store';
import { ErrorState, RefreshFailed } from '@/components/error-state';
import { LocalListNote } from '@/components/local-list-note';
import { Pagination } from '@/components/pagination';
import { QueueSearchBox } from '@/components/queue-search-box';
import { alertsQueueSelection } from '../alert-selection-store';
import { ALERTS_PAGE_SIZE, hasActiveFilters, MAX_SEARCH_LENGTH } from '../alerts-queue-view';
import { useQueueAlerts } from '../use-queue-alerts';
import { useAlertsQueueView } from '../use-alerts-queue-view';
import { AlertFilters } from './alert-filters';
import { AlertSelectionToolbar } from './alert-selection-toolbar';
import { AlertsGrid } from './alerts-grid';
import { useAlertsQueueStyles } from './alerts-queue-page.styles';

const countFormat = new Intl.NumberFormat();

function QueueSkeleton() {
  const styles = useAlertsQueueStyles();
  return (
    <div aria-busy="true" aria-label="Loading alerts" role="status">
      <Skeleton aria-hidden className={styles.skeleton}>
        {Array.from({ length: 10 }, (_, i) => (
          <div className={styles.skeletonRow} key={i}>
            {Array.from({ length: 8 }, (_, j) => (
              <SkeletonItem key={j} size={16} />
            ))}
          </div>
        ))}
      </Skeleton>
    </div>
  );
}

export type AlertsQueuePageProps = {
  /** Opens the move flyout for the selected alerts (ids across every page). */
  onMoveAlerts: (alertIds: string[]) => void;
};

/** `/alerts`: Defender's alerts queue — filters, search, sort and page all live in the URL. */
export function AlertsQueuePage({ onMoveAlerts }: AlertsQueuePageProps) {
  const styles = useAlertsQueueStyles();
  const upn = useSessionUpn();
  const live = useLiveMode();
  const [view, actions] = useAlertsQueueView(upn, live);
  const selectedIds = alertsQueueSelection.useIds();
  const selection = alertsQueueSelection.useActions();

  const query = useQueueAlerts(view, upn, live);
  const total = query.data?.['@odata.count'] ?? query.data?.value.length;
  const pageCount =
    total === undefined ? undefined : Math.max(1, Math.ceil(total / ALERTS_PAGE_SIZE));
  const pastTheEnd =
    query.isSuccess && !query.isPlaceholderData && pageCount !== undefined && view.page > pageCount;

  // The list shrank while the analyst looked at it: show the last page instead. A bookmarked
  // page past the end is put right by the route's loader.
  const { setPage } = actions;
  useEffect(() => {
    if (pastTheEnd) setPage(pageCount ?? 1, { replace: true });
  }, [pastTheEnd, pageCount, setPage]);

  const filtered = hasActiveFilters(view);
  let content;
  const data = query.data;
  // A refresh that fails keeps the rows as they were loaded; a view that never loaded fails.
  const failed = query.isError && data === undefined;
  if (failed) {
    content = null;
  } else if (query.isPending || pastTheEnd || data === undefined) {
    content = <QueueSkeleton />;
  } else if (data.value.length === 0) {
    content = (
      <div className={styles.empty} role="status">
        <DocumentSearchRegular aria-hidden fontSize={48} />
        <span className={styles.emptyTitle}>
          {filtered ? 'No alerts match these filters' : 'No alerts'}
        </span>
        {filtered ? (
          <>
            <span>Change or clear the filters to see more alerts.</span>
            <Button icon={<DismissCircleRegular />} onClick={actions.clearFilters}>
              Clear filters
            </Button>
          </>
        ) : (
          <span>Alerts you can see appear here.</span>
        )}
      </div>
    );
  } else {
    content = (
      <AlertsGrid
        alerts={data.value}
        busy={query.isPlaceholderData}
        selectedIds={selectedIds}
        sort={view.sort}
        onSelectionChange={(pageIds, selectedOnPage) => selection.setPage(pageIds, selectedOnPage)}
        onSortChange={actions.setSort}
      />
    );
  }

  return (
    <section aria-labelledby="alerts-title" className={styles.root}>
      <div className={styles.header}>
        <h1 className={styles.title} id="alerts-title">
          Alerts
        </h1>
        {total !== undefined && !failed && (
          <span className={styles.count}>
            {countFormat.format(total)} {total === 1 ? 'alert' : 'alerts'}
          </span>
        )}
      </div>

      <div className={styles.toolbar}>
        <AlertSelectionToolbar
          selectedCount={selectedIds.size}
          onClearSelection={selection.clear}
          onMoveAlerts={() => onMoveAlerts([...selectedIds])}
        />
        <QueueSearchBox
          className={styles.search}
          label="Search for alert name or ID"
          maxLength={MAX_SEARCH_LENGTH}
          value={view.search}
          onSearch={actions.setSearch}
        />
      </div>

      <AlertFilters
        view={view}
        onClearFilters={actions.clearFilters}
        onFilterChange={actions.setFilter}
        onSearchChange={actions.setSearch}
      />

      <LocalListNote note={query.note} />

      <RefreshFailed query={query} what="alerts" />
      {failed ? (
        <ErrorState
          error={query.error}
          retrying={query.isFetching}
          title="Couldn't load alerts"
          onRetry={() => void query.refetch()}
        />
      ) : (
        <div className={styles.surface}>
          <div className={styles.progressSlot}>
            {query.isPlaceholderData && (
              <ProgressBar aria-label="Loading alerts" thickness="medium" />
            )}
          </div>
          <div className={styles.scroller}>{content}</div>
        </div>
      )}

      {!failed && total !== undefined && total > 0 && !pastTheEnd && (
        <Pagination
          aria-label="Alert pages"
          page={view.page}
          pageSize={ALERTS_PAGE_SIZE}
          total={total}
          onPageChange={actions.setPage}
        />
      )}
    </section>
  );
}
