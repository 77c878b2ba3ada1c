import { Button, Toolbar, Tooltip } from '@fluentui/react-components';
import { AlertRegular, ArrowMoveRegular, DismissRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import {
  useAlertColumns,
  type AlertColumnId,
  type AlertColumnOptions,
} from '@/components/alert-columns';
import { AlertGrid } from '@/components/alert-grid';
import { IncidentMembersError } from '@/components/incident-members-error';
import { useCurrentPersona } from '@/components/use-current-persona';
import { useIncidentMembers } from '@/components/use-incident-members';
import type { Incident } from '@/domain/graph';
import { accessHint, CAN_MANAGE_ANNOTATION } from '@/domain/identity';
import { alertSources } from '@/domain/sources';
import { incidentAlertsSelection } from '../incident-alerts-selection-store';
import { useIncidentAlertsStyles } from './incident-alerts.styles';

const COLUMNS = [
  'title',
  'severity',
  'status',
  'incidentId',
  'serviceSource',
  'detectionSource',
  'category',
  'createdDateTime',
  'firstActivityDateTime',
  'lastActivityDateTime',
] as const satisfies readonly AlertColumnId[];

// Three date columns share the row with long source names: short dates, names on two lines.
const OPTIONS: AlertColumnOptions = {
  dates: 'short',
  longText: 'twoLines',
  sort: 'client',
  status: 'badge',
  title: 'link',
};

export type IncidentAlertsProps = {
  incident: Incident;
  /** Opens the move flyout for the selected alerts. */
  onMoveAlerts: (alertIds: string[]) => void;
};

/**
 * The Alerts tab: the incident's alerts, oldest first, with multi-select for moving them. The
 * alerts related to it (Sentinel, seed 004) are listed with its own, marked, with their home.
 */
export function IncidentAlerts({ incident, onMoveAlerts }: IncidentAlertsProps) {
  const styles = useIncidentAlertsStyles();
  const incidentId = incident.id ?? '';
  const { members, error, stale, isFetching, refetch } = useIncidentMembers(incident);
  const alerts = useMemo(() => members.map((m) => m.alert), [members]);
  const options = useMemo(() => ({ ...OPTIONS, incident: incidentId }), [incidentId]);
  const columns = useAlertColumns(COLUMNS, options);
  const stored = incidentAlertsSelection.useIds(incidentId);
  const { setPage, clear } = incidentAlertsSelection.useActions();
  const persona = useCurrentPersona();

  // Alerts that left the incident (moved, merged) cannot stay selected.
  const selected = useMemo(() => {
    const present = new Set(alerts.map((a) => a.id));
    return new Set([...stored].filter((id) => present.has(id)));
  }, [alerts, stored]);

  const selectedAlerts = alerts.filter((a) => selected.has(a.id ?? ''));
  const moveHint =
    accessHint(
      persona,
      alertSources(selectedAlerts.length > 0 ? selectedAlerts : alerts),
      'action',
      incident[CAN_MANAGE_ANNOTATION] === false,
    ) ?? (selected.size === 0 ? 'Select one or more alerts to move' : undefined);

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

  return (
    <div className={styles.root}>
      {/* Fluent's Toolbar: Tab reaches it once, the arrow keys move between its buttons. */}
      <Toolbar aria-label="Alert actions" className={styles.toolbar}>
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
            onClick={() => onMoveAlerts([...selected])}
          >
            Move alerts to another incident
          </Button>
        </Tooltip>
      </Toolbar>
      <IncidentMembersError error={error} isFetching={isFetching} refetch={refetch} stale={stale} />
      <div className={styles.surface}>
        <AlertGrid
          alerts={alerts}
          cellClassName={(columnId) => styles[columnId]}
          className={styles.grid}
          columns={columns}
          defaultSortState={{ sortColumn: 'createdDateTime', sortDirection: 'ascending' }}
          selectAllLabel="Select all alerts"
          selectedIds={selected}
          onSelectionChange={(shownIds, selectedShown) =>
            setPage(shownIds, selectedShown, incidentId)
          }
        />
      </div>
    </div>
  );
}
