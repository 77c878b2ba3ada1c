import {
  Button,
  Toolbar,
  ToolbarButton,
  ToolbarDivider,
  Tooltip,
} from '@fluentui/react-components';
import { ArrowMoveRegular, DismissRegular, EditRegular, MergeRegular } from '@fluentui/react-icons';
import { memo, useCallback, type ReactElement } from 'react';
import { alertSelection } from '../alert-selection-store';
import { incidentSelection } from '../incident-selection-store';
import { useAnyMerging } from '../merging-incidents';
import { actionRequirement, QUEUE_ACTION_LABELS, type QueueActionName } from '../queue-actions';
import { useQueueToolbarStyles } from './queue-toolbar.styles';

/** What the app wires into the queue's toolbar: the merge, manage and move-alerts features. */
export type IncidentQueueActions = {
  onMergeIncidents: (incidentIds: string[]) => void;
  onManageIncidents: (incidentIds: string[]) => void;
  onMoveAlerts: (alertIds: string[]) => void;
};

const ICONS: Record<QueueActionName, ReactElement> = {
  merge: <MergeRegular />,
  manage: <EditRegular />,
  moveAlerts: <ArrowMoveRegular />,
};

/** Renders again only when what the action needs changes, not on every tick. */
const ActionButton = memo(function ActionButton({
  action,
  requirement,
  onClick,
}: {
  action: QueueActionName;
  requirement: string | undefined;
  onClick: () => void;
}) {
  const label = QUEUE_ACTION_LABELS[action];
  if (requirement === undefined) {
    return (
      <ToolbarButton icon={ICONS[action]} onClick={onClick}>
        {label}
      </ToolbarButton>
    );
  }
  // Focusable while disabled, so keyboard users reach the tooltip that says what is needed.
  return (
    <Tooltip content={requirement} relationship="description" withArrow>
      <ToolbarButton disabledFocusable icon={ICONS[action]}>
        {label}
      </ToolbarButton>
    </Tooltip>
  );
});

export type QueueToolbarProps = {
  actions: IncidentQueueActions;
  /** Why the persona may not change incidents (a read-only role), if so. */
  readOnlyReason: string | undefined;
};

/** Selection count, "Clear selection", and the actions that work on the selection. */
export const QueueToolbar = memo(function QueueToolbar({
  actions,
  readOnlyReason,
}: QueueToolbarProps) {
  const styles = useQueueToolbarStyles();
  const incidentCount = incidentSelection.useCount();
  const alertCount = alertSelection.useCount();
  const incidentIds = incidentSelection.useIds();
  const clearIncidents = incidentSelection.useActions().clear;
  const clearAlerts = alertSelection.useActions().clear;
  const merging = useAnyMerging(incidentIds);
  const summary = {
    incidents: incidentCount,
    alerts: alertCount,
    merging,
    ...(readOnlyReason ? { readOnlyReason } : {}),
  };

  // The actions take the selection as it is when clicked.
  const { onMergeIncidents, onManageIncidents, onMoveAlerts } = actions;
  const merge = useCallback(
    () => onMergeIncidents([...incidentSelection.getIds()]),
    [onMergeIncidents],
  );
  const manage = useCallback(
    () => onManageIncidents([...incidentSelection.getIds()]),
    [onManageIncidents],
  );
  const moveAlerts = useCallback(() => onMoveAlerts([...alertSelection.getIds()]), [onMoveAlerts]);

  return (
    <div className={styles.root}>
      <Toolbar aria-label="Incident actions" className={styles.toolbar} size="medium">
        <ActionButton
          action="merge"
          requirement={actionRequirement('merge', summary)}
          onClick={merge}
        />
        <ActionButton
          action="manage"
          requirement={actionRequirement('manage', summary)}
          onClick={manage}
        />
        <ToolbarDivider />
        <ActionButton
          action="moveAlerts"
          requirement={actionRequirement('moveAlerts', summary)}
          onClick={moveAlerts}
        />
      </Toolbar>
      <div className={styles.spacer} />
      <div className={styles.selection}>
        <span aria-live="polite" className={styles.selection} role="status">
          {incidentCount > 0 && <span className={styles.count}>{incidentCount} selected</span>}
          {alertCount > 0 && (
            <span className={styles.alertCount}>
              {alertCount === 1 ? '1 alert selected' : `${alertCount} alerts selected`}
            </span>
          )}
        </span>
        {(incidentCount > 0 || alertCount > 0) && (
          <Button
            appearance="subtle"
            icon={<DismissRegular />}
            onClick={() => {
              clearIncidents();
              clearAlerts();
            }}
          >
            Clear selection
          </Button>
        )}
      </div>
    </div>
  );
});
