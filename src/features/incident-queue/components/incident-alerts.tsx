import {
  Checkbox,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { memo } from 'react';
import { useOpenAlert } from '@/components/alert-panel-param';
import { DateTime } from '@/components/date-time';
import { SeverityBadge } from '@/components/severity-badge';
import { ALERT_STATUS_LABELS } from '@/domain/enums';
import type { Alert } from '@/domain/graph';
import { sourceLabel } from '@/domain/sources';
import { alertSelection } from '../alert-selection-store';
import type { QueueRow } from '../queue-rows';
import { useIncidentAlertsStyles } from './incident-alerts.styles';

function alertTitle(alert: Alert): string {
  return alert.title?.trim() || `Alert ${alert.id}`;
}

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
 */
export const IncidentAlerts = memo(function IncidentAlerts({ row }: { row: QueueRow }) {
  const styles = useIncidentAlertsStyles();
  const openAlert = useOpenAlert();

  if (row.alerts.length === 0) {
    return <p className={styles.empty}>This incident has no alerts you can see.</p>;
  }

  return (
    <Table aria-label={`Alerts of ${row.name}`} className={styles.table} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.selectCell}>
            <span className={styles.visuallyHidden}>Select</span>
          </TableHeaderCell>
          <TableHeaderCell>Alert name</TableHeaderCell>
          <TableHeaderCell className={styles.severityCell}>Severity</TableHeaderCell>
          <TableHeaderCell className={styles.statusCell}>Status</TableHeaderCell>
          <TableHeaderCell className={styles.sourceCell}>Service source</TableHeaderCell>
          <TableHeaderCell className={styles.createdCell}>Created</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {row.alerts.map((alert) => {
          const id = alert.id ?? '';
          const title = alertTitle(alert);
          return (
            <TableRow key={id}>
              <TableCell>
                <AlertCheckbox id={id} title={title} />
              </TableCell>
              <TableCell>
                <Link as="button" className={styles.title} onClick={() => openAlert(id)}>
                  {title}
                </Link>
              </TableCell>
              <TableCell>
                <SeverityBadge severity={alert.severity} />
              </TableCell>
              <TableCell className={styles.nowrap}>
                {ALERT_STATUS_LABELS[alert.status ?? 'unknown']}
              </TableCell>
              <TableCell className={styles.nowrap}>
                {alert.serviceSource ? sourceLabel(alert.serviceSource) : '—'}
              </TableCell>
              <TableCell className={styles.nowrap}>
                <DateTime value={alert.createdDateTime} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
});
