import {
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Skeleton,
  SkeletonItem,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { DocumentSearchRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { incidentQueries } from '@/api/incidents/incident-queries';
import { DEFAULT_INCIDENT_LIST_PARAMS } from '@/api/incidents/incidents-api';
import { DateTime } from '@/components/date-time';
import { ErrorState } from '@/components/error-state';
import { IncidentStatusBadge } from '@/components/incident-status-badge';
import { RouterLink } from '@/components/router-link';
import { SeverityBadge } from '@/components/severity-badge';
import type { Incident } from '@/domain/graph';
import { useIncidentsListStyles } from './incidents-list.styles';

const countFormat = new Intl.NumberFormat();

type Styles = ReturnType<typeof useIncidentsListStyles>;
type Column = TableColumnDefinition<Incident> & { cellClass: keyof Styles };

function createColumns(styles: Styles): Column[] {
  return [
    {
      ...createTableColumn<Incident>({
        columnId: 'displayName',
        renderHeaderCell: () => 'Incident name',
        renderCell: (incident) => (
          <RouterLink
            className={styles.name}
            to={`/incidents/${encodeURIComponent(incident.id ?? '')}`}
          >
            {incident.displayName || `Incident ${incident.id}`}
          </RouterLink>
        ),
      }),
      cellClass: 'nameCell',
    },
    {
      ...createTableColumn<Incident>({
        columnId: 'id',
        renderHeaderCell: () => 'Incident ID',
        renderCell: (incident) => incident.id,
      }),
      cellClass: 'idCell',
    },
    {
      ...createTableColumn<Incident>({
        columnId: 'severity',
        renderHeaderCell: () => 'Severity',
        renderCell: (incident) => <SeverityBadge severity={incident.severity} />,
      }),
      cellClass: 'badgeCell',
    },
    {
      ...createTableColumn<Incident>({
        columnId: 'status',
        renderHeaderCell: () => 'Status',
        renderCell: (incident) => <IncidentStatusBadge status={incident.status} />,
      }),
      cellClass: 'badgeCell',
    },
    {
      ...createTableColumn<Incident>({
        columnId: 'assignedTo',
        renderHeaderCell: () => 'Assigned to',
        renderCell: (incident) =>
          incident.assignedTo ? (
            incident.assignedTo
          ) : (
            <span className={styles.muted}>Unassigned</span>
          ),
      }),
      cellClass: 'assignedCell',
    },
    {
      ...createTableColumn<Incident>({
        columnId: 'lastUpdateDateTime',
        renderHeaderCell: () => 'Last update time',
        renderCell: (incident) => <DateTime value={incident.lastUpdateDateTime} />,
      }),
      cellClass: 'dateCell',
    },
  ];
}

function ListSkeleton({ styles }: { styles: Styles }) {
  return (
    <div aria-busy="true" aria-label="Loading incidents" role="status">
      <Skeleton className={styles.skeleton}>
        {Array.from({ length: 8 }, (_, i) => (
          <div className={styles.skeletonRow} key={i}>
            {Array.from({ length: 6 }, (_, j) => (
              <SkeletonItem key={j} size={16} />
            ))}
          </div>
        ))}
      </Skeleton>
    </div>
  );
}

/** The first page of Defender's default incident queue (issue 3 replaces it with the full queue). */
export function IncidentsList() {
  const styles = useIncidentsListStyles();
  const query = useQuery(incidentQueries.list(DEFAULT_INCIDENT_LIST_PARAMS));
  const columns = createColumns(styles);
  const total = query.data?.['@odata.count'] ?? query.data?.value.length;

  let content;
  if (query.isPending) {
    content = <ListSkeleton styles={styles} />;
  } else if (query.isError) {
    content = (
      <ErrorState
        error={query.error}
        retrying={query.isFetching}
        title="Couldn't load incidents"
        onRetry={() => void query.refetch()}
      />
    );
  } else if (query.data.value.length === 0) {
    content = (
      <div className={styles.empty} role="status">
        <DocumentSearchRegular fontSize={48} aria-hidden />
        <span className={styles.emptyTitle}>No incidents match</span>
        <span>New and in-progress incidents you can see appear here.</span>
      </div>
    );
  } else {
    content = (
      <DataGrid
        aria-label="Incidents"
        className={styles.grid}
        columns={columns}
        getRowId={(incident: Incident) => incident.id ?? ''}
        items={query.data.value}
      >
        <DataGridHeader>
          <DataGridRow>
            {({ columnId, renderHeaderCell }) => (
              <DataGridHeaderCell className={cellClass(styles, columns, columnId)}>
                {renderHeaderCell()}
              </DataGridHeaderCell>
            )}
          </DataGridRow>
        </DataGridHeader>
        <DataGridBody<Incident>>
          {({ item, rowId }) => (
            <DataGridRow<Incident> key={rowId}>
              {({ columnId, renderCell }) => (
                <DataGridCell className={cellClass(styles, columns, columnId)}>
                  {renderCell(item)}
                </DataGridCell>
              )}
            </DataGridRow>
          )}
        </DataGridBody>
      </DataGrid>
    );
  }

  return (
    <section aria-labelledby="incidents-title" className={styles.root}>
      <div className={styles.header}>
        <h1 className={styles.title} id="incidents-title">
          Incidents
        </h1>
        {total !== undefined && !query.isError && (
          <span className={styles.count}>
            {countFormat.format(total)} {total === 1 ? 'incident' : 'incidents'}
          </span>
        )}
      </div>
      {query.isError ? content : <div className={styles.surface}>{content}</div>}
    </section>
  );
}

function cellClass(styles: Styles, columns: Column[], columnId: string | number): string {
  const column = columns.find((c) => c.columnId === columnId);
  return column ? styles[column.cellClass] : '';
}
