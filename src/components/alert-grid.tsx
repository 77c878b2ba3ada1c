import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  type DataGridProps,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Alert } from '@/domain/graph';
import { alertTitle, type AlertColumn, type AlertColumnId } from './alert-columns';
import { useAlertColumnsStyles } from './alert-columns.styles';

type SortState = NonNullable<DataGridProps['sortState']>;

export type AlertGridProps<C extends AlertColumnId> = {
  alerts: Alert[];
  /** Rows being replaced (a newer page on its way). @default false */
  busy?: boolean;
  /** Each column's layout (its width), as the screen showing the grid wants it. */
  cellClassName: (columnId: C) => string;
  /** The grid's own layout (at least its `min-width`). */
  className: string;
  columns: AlertColumn<C>[];
  /** Where the rows sort in place: the order they open in. */
  defaultSortState?: SortState;
  /** The label of the header's checkbox, e.g. "Select all alerts on this page". */
  selectAllLabel: string;
  selectedIds: ReadonlySet<string>;
  /** Where the server sorts: the order it was asked for. */
  sortState?: SortState;
  /** Keep the header row in view when the grid scrolls inside its surface. @default false */
  stickyHeader?: boolean;
  /** The ids shown, and which of them are now selected (ids of other pages are not touched). */
  onSelectionChange: (shownIds: readonly string[], selectedShown: ReadonlySet<string>) => void;
  onSortChange?: (sortState: SortState) => void;
};

/**
 * A grid of alerts with Fluent's own multi-row selection, labelled checkboxes ("Select alert
 * <name>"), sortable headers, and focus going straight to a cell's only link or button.
 */
export function AlertGrid<C extends AlertColumnId>({
  alerts,
  busy = false,
  cellClassName,
  className,
  columns,
  defaultSortState,
  selectAllLabel,
  selectedIds,
  sortState,
  stickyHeader = false,
  onSelectionChange,
  onSortChange,
}: AlertGridProps<C>) {
  const styles = useAlertColumnsStyles();
  const interactive = useMemo(
    () => new Set<string | number>(columns.filter((c) => c.interactive).map((c) => c.columnId)),
    [columns],
  );
  // Fluent hands back the ids of `columns`.
  const cellProps = (columnId: string | number) => ({ className: cellClassName(columnId as C) });

  return (
    <DataGrid
      aria-busy={busy}
      aria-label="Alerts"
      className={className}
      columns={columns}
      defaultSortState={defaultSortState}
      getRowId={(alert: Alert) => alert.id ?? ''}
      items={alerts}
      // Fluent only reads the set; it never changes it.
      selectedItems={selectedIds as Set<string>}
      selectionMode="multiselect"
      sortable
      sortState={sortState}
      onSelectionChange={(_, data) =>
        onSelectionChange(
          alerts.map((a) => a.id ?? ''),
          new Set([...data.selectedItems].map(String)),
        )
      }
      onSortChange={onSortChange && ((_, state) => onSortChange(state))}
    >
      <DataGridHeader className={stickyHeader ? styles.stickyHeader : undefined}>
        <DataGridRow selectionCell={{ checkboxIndicator: { 'aria-label': selectAllLabel } }}>
          {({ columnId, renderHeaderCell }) => (
            <DataGridHeaderCell {...cellProps(columnId)}>{renderHeaderCell()}</DataGridHeaderCell>
          )}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<Alert>>
        {({ item, rowId }) => (
          <DataGridRow<Alert>
            key={rowId}
            selectionCell={{
              checkboxIndicator: { 'aria-label': `Select alert ${alertTitle(item)}` },
            }}
          >
            {({ columnId, renderCell }) => (
              <DataGridCell
                {...cellProps(columnId)}
                focusMode={interactive.has(columnId) ? 'none' : 'cell'}
              >
                {renderCell(item)}
              </DataGridCell>
            )}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
