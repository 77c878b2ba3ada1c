import { Button, Text, Tooltip } from '@fluentui/react-components';
import { ArrowMoveRegular, DismissRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { personaQueries } from '@/api/personas/persona-queries';
import { useSessionUpn } from '@/api/session-store';
import { canManage } from '@/domain/identity';
import { useAlertsQueueStyles } from './alerts-queue-page.styles';

const countFormat = new Intl.NumberFormat();

/**
 * Why "Move alerts to another incident" cannot be used right now, in an analyst's words, or
 * undefined when it can.
 */
function useMoveUnavailableReason(selectedCount: number, canMove: boolean): string | undefined {
  const upn = useSessionUpn();
  const personas = useQuery(personaQueries.all());
  const persona = personas.data?.value.find((p) => p.upn.toLowerCase() === upn.toLowerCase());
  if (selectedCount === 0) return 'Select one or more alerts to move them to another incident.';
  if (persona && !canManage(persona)) {
    return `Moving alerts needs read and write access to every selected alert; ${persona.displayName} has read-only access.`;
  }
  return canMove ? undefined : 'Moving alerts to another incident is not available here.';
}

export type AlertSelectionToolbarProps = {
  selectedCount: number;
  onClearSelection: () => void;
  /** Opens the move flyout for the selection; without it the button stays disabled. */
  onMoveAlerts?: () => void;
};

/** What can be done with the selected alerts, and how many there are (across pages). */
export function AlertSelectionToolbar({
  selectedCount,
  onClearSelection,
  onMoveAlerts,
}: AlertSelectionToolbarProps) {
  const styles = useAlertsQueueStyles();
  const reason = useMoveUnavailableReason(selectedCount, onMoveAlerts !== undefined);

  return (
    <div aria-label="Alert actions" className={styles.selectionBar} role="toolbar">
      <Tooltip
        content={reason ?? 'Move the selected alerts to another incident'}
        relationship="description"
        withArrow
      >
        <Button
          appearance="subtle"
          disabledFocusable={reason !== undefined}
          icon={<ArrowMoveRegular />}
          onClick={() => onMoveAlerts?.()}
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
    </div>
  );
}
