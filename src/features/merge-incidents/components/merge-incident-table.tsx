import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  mergeClasses,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { SeverityBadge } from '@/components/severity-badge';
import type { Incident } from '@/domain/graph';
import { VisuallyHidden } from '@/components/visually-hidden';
import { useMergeIncidentsStyles } from './merge-incidents.styles';

export type MergeIncidentTableProps = {
  /** The incidents to merge, in the order the analyst gave them. */
  incidents: Incident[];
  /** The id of the incident that will remain, once known. */
  targetId: string | undefined;
  /** Removes an incident from the merge (the incident page's picks); none when not given. */
  onRemove?: (incidentId: string) => void;
  /** Which incidents may not be removed (the incident the page shows). */
  fixedIds?: readonly string[];
  disabled?: boolean;
};

/** An owner's address, that may wrap before its @ ("admin" / "@contoso.com") and nowhere else. */
function BreakableAddress({ value }: { value: string }) {
  const at = value.indexOf('@');
  if (at <= 0) return <>{value}</>;
  return (
    <>
      {value.slice(0, at)}
      <wbr />
      {value.slice(at)}
    </>
  );
}

/** The incidents of the merge: name (the target marked), id, severity, alerts, owner. */
export function MergeIncidentTable({
  incidents,
  targetId,
  onRemove,
  fixedIds = [],
  disabled = false,
}: MergeIncidentTableProps) {
  const styles = useMergeIncidentsStyles();
  return (
    <Table aria-label="Incidents to merge" className={styles.table} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.incidentColumn}>Incident</TableHeaderCell>
          <TableHeaderCell className={styles.severityColumn}>Severity</TableHeaderCell>
          <TableHeaderCell className={mergeClasses(styles.alertsColumn, styles.numeric)}>
            Alerts
          </TableHeaderCell>
          <TableHeaderCell className={styles.ownerColumn}>Assigned to</TableHeaderCell>
          {onRemove && (
            <TableHeaderCell className={styles.removeColumn}>
              <VisuallyHidden>Remove</VisuallyHidden>
            </TableHeaderCell>
          )}
        </TableRow>
      </TableHeader>
      <TableBody>
        {incidents.map((incident) => {
          const id = incident.id ?? '';
          const name = incident.displayName?.trim() || `Incident ${id}`;
          return (
            <TableRow key={id}>
              <TableCell>
                <span className={styles.nameCell}>
                  <span className={styles.name}>{name}</span>
                  <span className={styles.idLine}>
                    <span className={styles.muted}>ID {id}</span>
                    {id === targetId && (
                      <Badge appearance="filled" color="brand" shape="rounded" size="small">
                        Target
                      </Badge>
                    )}
                  </span>
                </span>
              </TableCell>
              <TableCell>
                <SeverityBadge severity={incident.severity} />
              </TableCell>
              <TableCell className={styles.numeric}>{incident.alerts?.length ?? 0}</TableCell>
              <TableCell className={styles.owner}>
                {incident.assignedTo ? (
                  <BreakableAddress value={incident.assignedTo} />
                ) : (
                  <span className={styles.muted}>Unassigned</span>
                )}
              </TableCell>
              {onRemove && (
                <TableCell>
                  {!fixedIds.includes(id) && (
                    <Button
                      appearance="subtle"
                      aria-label={`Remove ${name} from the merge`}
                      disabled={disabled}
                      icon={<DismissRegular />}
                      size="small"
                      onClick={() => onRemove(id)}
                    />
                  )}
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
