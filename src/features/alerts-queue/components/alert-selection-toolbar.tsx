import { Button, Text, Toolbar, Tooltip } from '@fluentui/react-components';
import { ArrowMoveRegular, DismissRegular } from '@fluentui/react-icons';
import { useCurrentPersona } from '@/components/use-current-persona';
import { accessHint } from '@/domain/identity';
import { useAlertsQueueStyles } from './alerts-queue-page.styles';

const countFormat = new Intl.NumberFormat();

/**
 * Why "Move alerts to another incident" cannot be used right now, in an analyst's words, or
 * undefined when it can.
 */
function useMoveUnavailableReason(selectedCount: number): string | undefined {
  const persona = useCurrentPersona();
  if (selectedCount === 0) return 'Select one or more alerts to move them to another incident.';
  return accessHint(persona, [], 'alertsQueue');
}

export type AlertSelectionToolbarProps = {
  selectedCount: number;
  onClearSelection: () => void;
  /** Opens the move flyout for the selection. */
  onMoveAlerts: () => void;
};

/** What can be done with the selected alerts, and how many there are (across pages). */
export function AlertSelectionToolbar({
  selectedCount,
  onClearSelection,
  onMoveAlerts,
}: AlertSelectionToolbarProps) {
  const styles = useAlertsQueueStyles();
  const reason = useMoveUnavailableReason(selectedCount);

  return (
    // Fluent's Toolbar: Tab reaches it once, the arrow keys move between its buttons.
    <Toolbar aria-label="Alert actions" className={styles.selectionBar}>
      <Tooltip
        content={reason ?? 'Move the selected alerts to another incident'}
        relationship="description"
        withArrow
      >
        <Button
          appearance="subtle"
          disabledFocusable={reason !== undefined}
          icon={<ArrowMoveRegular />}
          onClick={onMoveAlerts}
        >
          Move alerts to another incident
        </Button>
      </Tooltip>
      {selectedCount > 0 && (
        <>
          <span aria-hidden className={styles.divider} />
          <Text aria-live="polite" className={styles.selectedCount} role="status">
            {countFormat.format(selectedCount)} selected
          </Text>
          <Button appearance="subtle" icon={<DismissRegular />} onClick={onClearSelection}>
            Clear selection
          </Button>
        </>
      )}
    </Toolbar>
  );
}
