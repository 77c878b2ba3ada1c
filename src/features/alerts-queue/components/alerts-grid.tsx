import {
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Link,
  type DataGridProps,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { useMemo, type ReactNode } from 'react';
import { DateTime } from '@/components/date-time';
import { RouterLink } from '@/components/router-link';
import { SeverityBadge } from '@/components/severity-badge';
import type { Alert } from '@/domain/graph';
import { categoryLabel } from '@/domain/naming';
import { ALERT_STATUS_LABELS } from '@/domain/enums';
import { detectionSourceLabel, serviceSourceLabel } from '../alerts-queue-labels';
import { SORTABLE_COLUMNS, type AlertSort, type SortColumn } from '../alerts-queue-view';
import { useAlertsGridStyles } from './alerts-grid.styles';

type Styles = ReturnType<typeof useAlertsGridStyles>;
type Column = TableColumnDefinition<Alert> & {
  cellClass: keyof Styles;
  /** Cells holding one link or button let that control take focus instead of the cell. */
  interactive?: boolean;
};

function alertTitle(alert: Alert): string {
  return alert.title || `Alert ${alert.id ?? ''}`;
}

function column(
  columnId: SortColumn,
  header: string,
  cellClass: keyof Styles,
  renderCell: (alert: Alert) => ReactNode,
  interactive = false,
): Column {
  return {
    ...createTableColumn<Alert>({
      columnId,
      renderHeaderCell: () => header,
      renderCell,
      // The server sorts; a two-argument compare only tells Fluent the header is sortable.
      compare: (_a: Alert, _b: Alert) => 0,
    }),
    cellClass,
    interactive,
  };
}

function createColumns(styles: Styles, onOpenAlert: (id: string) => void): Column[] {
  const muted = (text: string) => <span className={styles.muted}>{text}</span>;
  // Rows stay one line high; the whole text is in the tooltip-like title.
  const oneLine = (text: string) => (
    <span className={styles.ellipsis} title={text}>
      {text}
    </span>
  );
  return [
    column(
      'title',
      'Alert name',
      'titleCell',
      (alert) => (
        <Link
          as="button"
          className={styles.title}
          title={alertTitle(alert)}
          onClick={() => onOpenAlert(alert.id ?? '')}
        >
          {alertTitle(alert)}
        </Link>
      ),
      true,
    ),
    column('id', 'Alert ID', 'idCell', (alert) => (
      <span className={styles.mono} title={alert.id ?? undefined}>
        {alert.id}
      </span>
    )),
    column('severity', 'Severity', 'badgeCell', (alert) => (
      <SeverityBadge severity={alert.severity} />
    )),
    column('status', 'Status', 'statusCell', (alert) =>
      alert.status ? ALERT_STATUS_LABELS[alert.status] : muted('—'),
    ),
    column('category', 'Category', 'categoryCell', (alert) =>
      alert.category ? categoryLabel(alert.category) : muted('—'),
    ),
    column('serviceSource', 'Service source', 'sourceCell', (alert) =>
      oneLine(serviceSourceLabel(alert.serviceSource)),
    ),
    column('detectionSource', 'Detection source', 'sourceCell', (alert) =>
      oneLine(detectionSourceLabel(alert.detectionSource)),
    ),
    column(
      'incidentId',
      'Incident',
      'incidentCell',
      (alert) =>
        alert.incidentId ? (
          <RouterLink to={`/incidents/${encodeURIComponent(alert.incidentId)}/overview`}>
            <span className={styles.visuallyHidden}>Incident</span> {alert.incidentId}
          </RouterLink>
        ) : (
          muted('—')
        ),
      true,
    ),
    column('assignedTo', 'Assigned to', 'assignedCell', (alert) =>
      alert.assignedTo ? (
        <span className={styles.ellipsis} title={alert.assignedTo}>
          {alert.assignedTo}
        </span>
      ) : (
        muted('Unassigned')
      ),
    ),
    column('firstActivityDateTime', 'First activity', 'dateCell', (alert) => (
      <DateTime value={alert.firstActivityDateTime} />
    )),
    column('lastActivityDateTime', 'Last activity', 'dateCell', (alert) => (
      <DateTime value={alert.lastActivityDateTime} />
    )),
    column('createdDateTime', 'Created', 'dateCell', (alert) => (
      <DateTime value={alert.createdDateTime} />
    )),
  ];
}

export type AlertsGridProps = {
  alerts: Alert[];
  /** A newer page is on its way: the rows shown are the previous ones. */
  busy: boolean;
  selectedIds: ReadonlySet<string>;
  sort: AlertSort;
  onOpenAlert: (id: string) => void;
  onSelectionChange: (pageIds: readonly string[], selectedOnPage: ReadonlySet<string>) => void;
  onSortChange: (sort: AlertSort) => void;
};

/** One page of alerts: sortable by the server, selectable across pages. */
export function AlertsGrid({
  alerts,
  busy,
  selectedIds,
  sort,
  onOpenAlert,
  onSelectionChange,
  onSortChange,
}: AlertsGridProps) {
  const styles = useAlertsGridStyles();
  const columns = useMemo(() => createColumns(styles, onOpenAlert), [styles, onOpenAlert]);
  const byId = useMemo(() => new Map(columns.map((c) => [c.columnId, c])), [columns]);

  const handleSortChange: DataGridProps['onSortChange'] = (_, state) => {
    const columnId = SORTABLE_COLUMNS.find((c) => c === state.sortColumn);
    if (!columnId) return;
    onSortChange({
      column: columnId,
      direction: state.sortDirection === 'descending' ? 'desc' : 'asc',
    });
  };

  const handleSelectionChange: DataGridProps['onSelectionChange'] = (_, data) => {
    const pageIds = alerts.map((a) => a.id ?? '');
    const selected = new Set([...data.selectedItems].map(String));
    onSelectionChange(pageIds, selected);
  };

  return (
    <DataGrid
      aria-busy={busy}
      aria-label="Alerts"
      className={styles.grid}
      columns={columns}
      getRowId={(alert: Alert) => alert.id ?? ''}
      items={alerts}
      selectedItems={selectedIds as Set<string>}
      selectionMode="multiselect"
      sortable
      sortState={{
        sortColumn: sort.column,
        sortDirection: sort.direction === 'desc' ? 'descending' : 'ascending',
      }}
      onSelectionChange={handleSelectionChange}
      onSortChange={handleSortChange}
    >
      <DataGridHeader className={styles.header}>
        <DataGridRow
          selectionCell={{ checkboxIndicator: { 'aria-label': 'Select all alerts on this page' } }}
        >
          {({ columnId, renderHeaderCell }) => (
            <DataGridHeaderCell className={styles[byId.get(columnId)?.cellClass ?? 'dateCell']}>
              {renderHeaderCell()}
            </DataGridHeaderCell>
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
            {({ columnId, renderCell }) => {
              const col = byId.get(columnId);
              return (
                <DataGridCell
                  className={styles[col?.cellClass ?? 'dateCell']}
                  focusMode={col?.interactive ? 'none' : 'cell'}
                >
                  {renderCell(item)}
                </DataGridCell>
              );
            }}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
