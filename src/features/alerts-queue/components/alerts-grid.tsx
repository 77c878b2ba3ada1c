import { useAlertColumns, type AlertColumnOptions } from '@/components/alert-columns';
import { AlertGrid } from '@/components/alert-grid';
import type { Alert } from '@/domain/graph';
import { SORTABLE_COLUMNS, type AlertSort } from '../alerts-queue-view';
import { useAlertsGridStyles } from './alerts-grid.styles';

// Every column sorts on the server (`$orderby`); rows stay one line high in a queue of fifty.
const OPTIONS: AlertColumnOptions = { sort: 'server' };

export type AlertsGridProps = {
  alerts: Alert[];
  /** A newer page is on its way: the rows shown are the previous ones. */
  busy: boolean;
  selectedIds: ReadonlySet<string>;
  sort: AlertSort;
  onSelectionChange: (pageIds: readonly string[], selectedOnPage: ReadonlySet<string>) => void;
  onSortChange: (sort: AlertSort) => void;
};

/** One page of alerts: sortable by the server, selectable across pages. */
export function AlertsGrid({
  alerts,
  busy,
  selectedIds,
  sort,
  onSelectionChange,
  onSortChange,
}: AlertsGridProps) {
  const styles = useAlertsGridStyles();
  const columns = useAlertColumns(SORTABLE_COLUMNS, OPTIONS);
  return (
    <AlertGrid
      alerts={alerts}
      busy={busy}
      cellClassName={(columnId) => styles[columnId]}
      className={styles.grid}
      columns={columns}
      selectAllLabel="Select all alerts on this page"
      selectedIds={selectedIds}
      sortState={{ sortColumn: sort.field, sortDirection: sort.direction }}
      stickyHeader
      onSelectionChange={onSelectionChange}
      onSortChange={(state) => {
        const field = SORTABLE_COLUMNS.find((c) => c === state.sortColumn);
        if (field) onSortChange({ field, direction: state.sortDirection });
      }}
    />
  );
}
