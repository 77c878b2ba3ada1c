import {
  Checkbox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { memo } from 'react';
import { useLiveMode } from '@/api/config';
import { alertTitle, useAlertColumns, type AlertColumnId } from '@/components/alert-columns';
import { RouterLink } from '@/components/router-link';
import { VisuallyHidden } from '@/components/visually-hidden';
import { alertSelection } from '../alert-selection-store';
import type { QueueRow } from '../queue-rows';
import { useIncidentAlertsStyles } from './incident-alerts.styles';

const COLUMNS = [
  'title',
  'severity',
  'status',
  'serviceSource',
  'createdDateTime',
] as const satisfies readonly AlertColumnId[];

function AlertCheckbox({ id, title }: { id: string; title: string }) {
  const checked = alertSelection.useHas(id);
  const { toggle } = alertSelection.useActions();
  return (
    <Checkbox
      aria-label={`Select alert ${title}`}
      checked={checked}
      onChange={(_, data) => toggle(id, data.checked === true)}
    />
  );
}

/**
 * The alerts of an expanded queue row, from the page's `$expand=alerts` (no extra request).
 * Ticked alerts feed "Move alerts to another incident"; a title opens the alert details panel.
 * A plain table with its own checkboxes, not a DataGrid: it sits inside a cell of the queue's
 * grid, whose arrow keys it must not take over, and its ticks join one selection across rows.
 */
export const IncidentAlerts = memo(function IncidentAlerts({ row }: { row: QueueRow }) {
  const styles = useIncidentAlertsStyles();
  // A row's few alerts stay in the server's order: the columns do not sort.
  const columns = useAlertColumns(COLUMNS);

  const live = useLiveMode();
  // Alerts related to the incident (seed 004) are not in Graph's `alerts`; the count includes them.
  // Real Graph does not name them at all: live mode counts and lists only the home alerts.
  const related = row.alertCount - row.alerts.length;
  const relatedNote = live ? (
    <p className={styles.empty}>
      Only the incident&apos;s own alerts: Microsoft Graph does not list or count alerts related to
      it from other incidents.{' '}
      <RouterLink to={`/incidents/${encodeURIComponent(row.id)}/alerts`}>
        See them on the incident&apos;s Alerts tab
      </RouterLink>
    </p>
  ) : related > 0 ? (
    <p className={styles.empty}>
      {related === 1
        ? '1 alert related to this incident from another incident is not listed here: '
        : `${related} alerts related to this incident from other incidents are not listed here: `}
      <RouterLink to={`/incidents/${encodeURIComponent(row.id)}/alerts`}>
        see the incident's Alerts tab
      </RouterLink>
    </p>
  ) : null;

  if (row.alerts.length === 0) {
    return (
      <>
        <p className={styles.empty}>
          {related > 0
            ? 'This incident has no alerts of its own you can see.'
            : 'This incident has no alerts you can see.'}
        </p>
        {relatedNote}
      </>
    );
  }

  return (
    <>
      <Table aria-label={`Alerts of ${row.name}`} className={styles.table} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.selectCell}>
              <VisuallyHidden>Select</VisuallyHidden>
            </TableHeaderCell>
            {columns.map((column) => (
              <TableHeaderCell className={styles[column.columnId]} key={column.columnId}>
                {column.renderHeaderCell()}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {row.alerts.map((alert) => {
            const id = alert.id ?? '';
            return (
              <TableRow key={id}>
                <TableCell>
                  <AlertCheckbox id={id} title={alertTitle(alert)} />
                </TableCell>
                {columns.map((column) => (
                  <TableCell className={styles.cell} key={column.columnId}>
                    {column.renderCell(alert)}
                  </TableCell>
                ))}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {relatedNote}
    </>
  );
});
