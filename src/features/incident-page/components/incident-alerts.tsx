import {
  Button,
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Tooltip,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { AlertRegular, ArrowMoveRegular, DismissRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { SeverityBadge } from '@/components/severity-badge';
import { detectionSourceLabel } from '@/domain/detection-sources';
import { SEVERITY_RANK, type ServiceSource } from '@/domain/enums';
import type { Alert, Incident } from '@/domain/graph';
import { categoryLabel } from '@/domain/naming';
import { alertSources, SOURCE_INFO } from '@/domain/sources';
import { useAlertSelectionActions, useSelectedAlertIds } from '../incident-alerts-selection-store';
import { missingManageAccess, useCurrentPersona } from '@/components/use-current-persona';
import { AlertStatusBadge } from '@/components/alert-status-badge';
import { AlertTitleLink } from './alert-title-link';
import { useIncidentAlertsStyles } from './incident-alerts.styles';

type Styles = ReturnType<typeof useIncidentAlertsStyles>;
type Column = TableColumnDefinition<Alert> & { cellClass: keyof Styles };

const serviceSourceLabel = (a: Alert) =>
  a.serviceSource ? (SOURCE_INFO[a.serviceSource as ServiceSource]?.label ?? a.serviceSource) : '—';
const alertCategory = (a: Alert) => {
  const c = a.categories?.[0] ?? a.category;
  return c ? categoryLabel(c) : '—';
};
const byText = (a: string, b: string) => a.localeCompare(b);

// Three time columns share the row with long source names: the short date style keeps each
// on one line; the exact time stays in the tooltip.
const shortFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
const longFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function GridTime({ value }: { value: string | null | undefined }) {
  const date = value ? new Date(value) : undefined;
  if (!value || !date || Number.isNaN(date.getTime())) return <span>—</span>;
  return (
    <time dateTime={value} title={longFormat.format(date)}>
      {shortFormat.format(date)}
    </time>
  );
}
const byTime = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').localeCompare(b ?? '');

function createColumns(styles: Styles): Column[] {
  const column = (
    cellClass: keyof Styles,
    def: Parameters<typeof createTableColumn<Alert>>[0],
  ): Column => ({ ...createTableColumn<Alert>(def), cellClass });
  return [
    column('titleCell', {
      columnId: 'title',
      compare: (a, b) => byText(a.title ?? '', b.title ?? ''),
      renderHeaderCell: () => 'Alert name',
      renderCell: (a) => (
        <AlertTitleLink
          alertId={a.id ?? ''}
          className={styles.title}
          title={a.title || a.id || ''}
        />
      ),
    }),
    column('severityCell', {
      columnId: 'severity',
      compare: (a, b) =>
        SEVERITY_RANK[a.severity ?? 'unknown'] - SEVERITY_RANK[b.severity ?? 'unknown'],
      renderHeaderCell: () => 'Severity',
      renderCell: (a) => <SeverityBadge severity={a.severity} />,
    }),
    column('statusCell', {
      columnId: 'status',
      compare: (a, b) => byText(a.status ?? '', b.status ?? ''),
      renderHeaderCell: () => 'Status',
      renderCell: (a) => <AlertStatusBadge status={a.status} />,
    }),
    column('sourceCell', {
      columnId: 'serviceSource',
      compare: (a, b) => byText(serviceSourceLabel(a), serviceSourceLabel(b)),
      renderHeaderCell: () => 'Service source',
      renderCell: (a) => (
        <span className={styles.wrap} title={serviceSourceLabel(a)}>
          {serviceSourceLabel(a)}
        </span>
      ),
    }),
    column('sourceCell', {
      columnId: 'detectionSource',
      compare: (a, b) =>
        byText(detectionSourceLabel(a.detectionSource), detectionSourceLabel(b.detectionSource)),
      renderHeaderCell: () => 'Detection source',
      renderCell: (a) => (
        <span className={styles.wrap}>{detectionSourceLabel(a.detectionSource)}</span>
      ),
    }),
    column('sourceCell', {
      columnId: 'category',
      compare: (a, b) => byText(alertCategory(a), alertCategory(b)),
      renderHeaderCell: () => 'Category',
      renderCell: (a) => <span className={styles.wrap}>{alertCategory(a)}</span>,
    }),
    column('dateCell', {
      columnId: 'createdDateTime',
      compare: (a, b) => byTime(a.createdDateTime, b.createdDateTime),
      renderHeaderCell: () => 'Created',
      renderCell: (a) => <GridTime value={a.createdDateTime} />,
    }),
    column('dateCell', {
      columnId: 'firstActivityDateTime',
      compare: (a, b) => byTime(a.firstActivityDateTime, b.firstActivityDateTime),
      renderHeaderCell: () => 'First activity',
      renderCell: (a) => <GridTime value={a.firstActivityDateTime} />,
    }),
    column('dateCell', {
      columnId: 'lastActivityDateTime',
      compare: (a, b) => byTime(a.lastActivityDateTime, b.lastActivityDateTime),
      renderHeaderCell: () => 'Last activity',
      renderCell: (a) => <GridTime value={a.lastActivityDateTime} />,
    }),
  ];
}

export type IncidentAlertsProps = {
  incident: Incident;
  /** Opens the move flyout for the selected alerts; without it the button stays disabled. */
  onMoveAlerts?: (alertIds: string[]) => void;
};

/** The Alerts tab: the incident's alerts, oldest first, with multi-select for moving them. */
export function IncidentAlerts({ incident, onMoveAlerts }: IncidentAlertsProps) {
  const styles = useIncidentAlertsStyles();
  const incidentId = incident.id ?? '';
  const alerts = useMemo(() => incident.alerts ?? [], [incident.alerts]);
  const columns = useMemo(() => createColumns(styles), [styles]);
  const stored = useSelectedAlertIds(incidentId);
  const { setSelected, clear } = useAlertSelectionActions();
  const persona = useCurrentPersona();

  // Alerts that left the incident (moved, merged) cannot stay selected.
  const selected = useMemo(() => {
    const present = new Set(alerts.map((a) => a.id));
    return new Set([...stored].filter((id) => present.has(id)));
  }, [alerts, stored]);

  const selectedAlerts = alerts.filter((a) => selected.has(a.id ?? ''));
  const moveHint =
    missingManageAccess(
      persona,
      alertSources(selectedAlerts.length > 0 ? selectedAlerts : alerts),
    ) ??
    (selected.size === 0
      ? 'Select one or more alerts to move'
      : onMoveAlerts
        ? undefined
        : 'Not available yet');

  if (alerts.length === 0) {
    return (
      <div className={styles.empty} role="status">
        <AlertRegular aria-hidden fontSize={48} />
        <span className={styles.emptyTitle}>This incident has no alerts</span>
        {incident.status === 'redirected' && (
          <span>Its alerts moved with it to the incident it was merged into.</span>
        )}
      </div>
    );
  }

  const cellClass = (columnId: string | number) =>
    styles[columns.find((c) => c.columnId === columnId)?.cellClass ?? 'sourceCell'];

  return (
    <div className={styles.root}>
      <div aria-label="Alert actions" className={styles.toolbar} role="toolbar">
        <span aria-live="polite" className={selected.size > 0 ? styles.selected : styles.count}>
          {selected.size > 0
            ? `${selected.size} selected`
            : `${alerts.length} ${alerts.length === 1 ? 'alert' : 'alerts'}`}
        </span>
        {selected.size > 0 && (
          <Button appearance="subtle" icon={<DismissRegular />} onClick={clear}>
            Clear selection
          </Button>
        )}
        <Tooltip
          content={moveHint ?? 'Move the selected alerts to another incident'}
          relationship="description"
        >
          <Button
            disabledFocusable={moveHint !== undefined}
            icon={<ArrowMoveRegular />}
            onClick={() => onMoveAlerts?.([...selected])}
          >
            Move alerts to another incident
          </Button>
        </Tooltip>
      </div>
      <div className={styles.surface}>
        <DataGrid
          aria-label="Alerts"
          className={styles.grid}
          columns={columns}
          defaultSortState={{ sortColumn: 'createdDateTime', sortDirection: 'ascending' }}
          getRowId={(a: Alert) => a.id ?? ''}
          items={alerts}
          selectedItems={selected}
          selectionMode="multiselect"
          sortable
          onSelectionChange={(_, data) =>
            setSelected(incidentId, [...data.selectedItems].map(String))
          }
        >
          <DataGridHeader>
            <DataGridRow
              selectionCell={{ checkboxIndicator: { 'aria-label': 'Select all alerts' } }}
            >
              {({ columnId, renderHeaderCell }) => (
                <DataGridHeaderCell className={cellClass(columnId)}>
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
                  checkboxIndicator: { 'aria-label': `Select alert ${item.title ?? item.id}` },
                }}
              >
                {({ columnId, renderCell }) => (
                  <DataGridCell className={cellClass(columnId)}>{renderCell(item)}</DataGridCell>
                )}
              </DataGridRow>
            )}
          </DataGridBody>
        </DataGrid>
      </div>
    </div>
  );
}
