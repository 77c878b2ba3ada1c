import {
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  mergeClasses,
  type DataGridCellFocusMode,
  type DataGridProps,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { memo, useCallback, useMemo, type ReactNode } from 'react';
import { DateTime } from '@/components/date-time';
import { SeverityBadge } from '@/components/severity-badge';
import { expandedIncidents } from '../expanded-incidents-store';
import { incidentSelection } from '../incident-selection-store';
import { useIsMerging } from '../merging-incidents';
import type { QueueRow } from '../queue-rows';
import { defaultDirection, SORT_FIELDS, type QueueSort } from '../queue-state';
import { IncidentAlerts } from './incident-alerts';
import {
  alertsRowId,
  AssignedToCell,
  CellText,
  ClassificationCell,
  DeterminationCell,
  ExpandButton,
  IncidentNameLink,
  SelectIncidentCheckbox,
  SelectPageCheckbox,
  SourcesCell,
  StatusCell,
  TagsCell,
} from './incident-grid-cells';
import { useIncidentGridStyles } from './incident-grid.styles';

type ColumnId =
  | 'select'
  | 'expand'
  | 'displayName'
  | 'id'
  | 'severity'
  | 'status'
  | 'tags'
  | 'assignedTo'
  | 'classification'
  | 'determination'
  | 'alertCount'
  | 'sources'
  | 'firstActivity'
  | 'lastActivity'
  | 'lastUpdateDateTime';

type Column = TableColumnDefinition<QueueRow> & {
  columnId: ColumnId;
  /** Cells holding one control let focus go straight to it (Fluent's DataGrid guidance). */
  focusMode: DataGridCellFocusMode;
  numeric?: boolean;
};

// The server sorts (`$orderby`); a comparer that keeps the server's order marks a column sortable.
const serverSorted = (_a: QueueRow, _b: QueueRow) => 0;

function column(
  columnId: ColumnId,
  header: ReactNode,
  renderCell: (row: QueueRow) => ReactNode,
  options: { focusMode?: DataGridCellFocusMode; numeric?: boolean } = {},
): Column {
  const sortable = (SORT_FIELDS as readonly string[]).includes(columnId);
  return {
    ...createTableColumn<QueueRow>({
      columnId,
      renderHeaderCell: () => header,
      renderCell,
      ...(sortable ? { compare: serverSorted } : {}),
    }),
    columnId,
    focusMode: options.focusMode ?? 'cell',
    ...(options.numeric ? { numeric: true } : {}),
  };
}

/**
 * Graph-sortable columns sort on the server; the derived ones (alerts, sources, activity) cannot
 * be sorted by Graph, so they are not sortable at all rather than sorted per page.
 */
const COLUMNS: Column[] = [
  column('select', null, (row) => <SelectIncidentCheckbox row={row} />, { focusMode: 'none' }),
  column('expand', null, (row) => <ExpandButton row={row} />, { focusMode: 'none' }),
  column('displayName', 'Incident name', (row) => <IncidentNameLink row={row} />, {
    focusMode: 'none',
  }),
  column('id', 'Incident ID', (row) => <CellText>{row.id}</CellText>),
  column('severity', 'Severity', (row) => <SeverityBadge severity={row.incident.severity} />),
  column('status', 'Status', (row) => <StatusCell row={row} />),
  column('tags', 'Tags', (row) => <TagsCell row={row} />),
  column('assignedTo', 'Assigned to', (row) => <AssignedToCell row={row} />),
  column('classification', 'Classification', (row) => <ClassificationCell row={row} />),
  column('determination', 'Determination', (row) => <DeterminationCell row={row} />),
  column('alertCount', 'Alerts', (row) => row.alerts.length, { numeric: true }),
  column('sources', 'Service sources', (row) => <SourcesCell row={row} />),
  column('firstActivity', 'First activity', (row) => <DateTime value={row.firstActivity} />),
  column('lastActivity', 'Last activity', (row) => <DateTime value={row.lastActivity} />),
  column('lastUpdateDateTime', 'Last update time', (row) => (
    <DateTime value={row.incident.lastUpdateDateTime} />
  )),
];

type SortState = NonNullable<DataGridProps['sortState']>;

const COLUMN_BY_ID = new Map(COLUMNS.map((c) => [c.columnId, c]));

type Styles = ReturnType<typeof useIncidentGridStyles>;

function cellClassName(styles: Styles, columnId: string | number): string {
  const col = COLUMN_BY_ID.get(columnId as ColumnId);
  if (!col) return '';
  return mergeClasses(styles[col.columnId], col.numeric && styles.numeric);
}

/** One incident, and below it its alerts when expanded. Re-renders only when its own state does. */
const IncidentGridRow = memo(function IncidentGridRow({ row }: { row: QueueRow }) {
  const styles = useIncidentGridStyles();
  const selected = incidentSelection.useHas(row.id);
  const expanded = expandedIncidents.useHas(row.id);
  const merging = useIsMerging(row.id);
  return (
    <>
      <DataGridRow<QueueRow>
        appearance={selected ? 'brand' : 'none'}
        aria-busy={merging || undefined}
        aria-selected={selected}
        className={mergeClasses(merging && styles.mergingRow)}
      >
        {({ columnId, renderCell }) => (
          <DataGridCell
            className={cellClassName(styles, columnId)}
            focusMode={COLUMN_BY_ID.get(columnId as ColumnId)?.focusMode ?? 'cell'}
          >
            {renderCell(row)}
          </DataGridCell>
        )}
      </DataGridRow>
      {expanded && (
        <div className={styles.expandedRow} id={alertsRowId(row.id)} role="row">
          <div aria-colspan={COLUMNS.length} className={styles.expandedCell} role="gridcell">
            <div className={styles.expandedContent}>
              <IncidentAlerts row={row} />
            </div>
          </div>
        </div>
      )}
    </>
  );
});

export type IncidentGridProps = {
  /** Whether the rows are being replaced (paging, a new filter). @default false */
  busy?: boolean;
  rows: readonly QueueRow[];
  sort: QueueSort;
  onSortChange: (sort: QueueSort) => void;
};

/** The queue's grid: labelled checkboxes, expandable rows, server-side sortable headers. */
export function IncidentGrid({ busy = false, rows, sort, onSortChange }: IncidentGridProps) {
  const styles = useIncidentGridStyles();
  const pageIds = useMemo(() => rows.map((r) => r.id), [rows]);
  const sortState = useMemo<SortState>(
    () => ({ sortColumn: sort.field, sortDirection: sort.direction }),
    [sort.field, sort.direction],
  );

  const handleSortChange = useCallback(
    (_: unknown, next: SortState) => {
      const field = SORT_FIELDS.find((f) => f === next.sortColumn);
      if (!field) return;
      // A newly chosen column starts in its natural direction: worst/newest first, names A→Z.
      const direction: QueueSort['direction'] =
        field === sort.field ? next.sortDirection : defaultDirection(field);
      onSortChange({ field, direction });
    },
    [onSortChange, sort.field],
  );

  return (
    <DataGrid
      aria-busy={busy}
      aria-label="Incidents"
      aria-multiselectable
      className={styles.grid}
      columns={COLUMNS}
      focusMode="cell"
      getRowId={(row: QueueRow) => row.id}
      items={rows as QueueRow[]}
      sortable
      sortState={sortState}
      onSortChange={handleSortChange}
    >
      <DataGridHeader>
        <DataGridRow>
          {({ columnId, renderHeaderCell }) => (
            <DataGridHeaderCell
              className={cellClassName(styles, columnId)}
              focusMode={columnId === 'select' ? 'none' : undefined}
            >
              {columnId === 'select' ? (
                <SelectPageCheckbox ids={pageIds} />
              ) : columnId === 'expand' ? (
                <span className={styles.visuallyHidden}>Show alerts</span>
              ) : (
                renderHeaderCell()
              )}
            </DataGridHeaderCell>
          )}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<QueueRow>>{({ item }) => <IncidentGridRow row={item} />}</DataGridBody>
    </DataGrid>
  );
}
