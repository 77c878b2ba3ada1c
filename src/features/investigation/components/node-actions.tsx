import {
  Button,
  Spinner,
  ToggleButton,
  Tooltip,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, OpenRegular, SearchRegular } from '@fluentui/react-icons';
import { useLayoutEffect, useRef, type ReactElement, type RefObject } from 'react';
import type { EntityAlert } from '@/api/relations/relations-api';
import { RetryButton } from '@/components/error-state';
import type { Alert } from '@/domain/graph';
import type { AlertNode, EntityNode } from '../investigation-model';
import { useInvestigationPageStyles } from './investigation-page.styles';

/**
 * What the app composes into the graph: the relations feature's add and remove flows (their
 * questions, the relation, the toasts). `hintFor` says why an alert cannot be added or removed.
 */
export type AlertActionFlows = {
  addAlert: {
    hintFor: (entityAlert: EntityAlert) => string | undefined;
    ask: (entityAlert: EntityAlert, onAdded: () => void) => void;
  };
  removeAlert: {
    hintFor: (alert: Alert) => string | undefined;
    ask: (alert: Alert, onRemoved: () => void) => void;
  };
};

/** Where an entity's Related alerts stand; `retrying`: Retry is reading them again. */
export type ExplorationState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  /** `refreshFailed`: reading them again failed; the graph shows them as last read. */
  | { kind: 'done'; related: number; refreshFailed?: string; retrying?: boolean }
  | { kind: 'failed'; message: string };

type EntityActionsProps = {
  node: EntityNode;
  state: ExplorationState;
  onRelatedAlerts: () => void;
  onOpen: () => void;
  /** Reads the Related alerts again after a failed read. */
  onRetry: () => void;
};

/**
 * Retry for a failed read of the Related alerts. It goes once the read starts (a first read) or
 * succeeds (a refresh); if it had focus then, focus moves to `focusAfter` (the entity's Related
 * alerts), not to the page.
 */
function EntityRetry({
  retrying,
  onRetry,
  focusAfter,
}: {
  retrying: boolean;
  onRetry: () => void;
  focusAfter: RefObject<HTMLButtonElement | null>;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    const button = ref.current;
    // The entity's Related alerts stays while its Retry comes and goes.
    const next = focusAfter.current;
    return () => {
      if (button !== null && button === document.activeElement) next?.focus();
    };
  }, [focusAfter]);
  return <RetryButton ref={ref} retrying={retrying} size="small" onRetry={onRetry} />;
}

/**
 * An entity's exploration queries (seed 004: **Related alerts**, pressed while its results are
 * shown) and **Entity details**, which opens its side pane.
 */
export function EntityActions({
  node,
  state,
  onRelatedAlerts,
  onOpen,
  onRetry,
}: EntityActionsProps) {
  const styles = useInvestigationPageStyles();
  const related = useRef<HTMLButtonElement>(null);
  return (
    <>
      <div
        aria-label={`Exploration queries for ${node.entity.name}`}
        className={styles.actions}
        role="group"
      >
        <ToggleButton
          checked={node.explored}
          icon={state.kind === 'loading' ? <Spinner size="extra-tiny" /> : <SearchRegular />}
          ref={related}
          size="small"
          onClick={onRelatedAlerts}
        >
          Related alerts
        </ToggleButton>
        <Button icon={<OpenRegular />} size="small" onClick={onOpen}>
          Entity details
        </Button>
      </div>
      {state.kind === 'done' && (
        <p className={styles.muted} role="status">
          {state.related === 0
            ? 'No related alerts outside this incident.'
            : `${state.related} related ${state.related === 1 ? 'alert' : 'alerts'} outside this incident.`}
          {state.refreshFailed &&
            ` Couldn't refresh them; showing what was loaded (${state.refreshFailed}).`}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className={styles.muted} role="alert">
          Related alerts could not be loaded: {state.message}
        </p>
      )}
      {((state.kind === 'done' && state.refreshFailed) || state.kind === 'failed') && (
        <EntityRetry
          focusAfter={related}
          retrying={state.kind === 'done' && (state.retrying ?? false)}
          onRetry={onRetry}
        />
      )}
    </>
  );
}

type AlertActionsProps = AlertActionFlows & {
  node: AlertNode;
  /** Focus moves on once the action's control is gone. */
  onChanged: () => void;
};

/** An action button, or the same disabled (still focusable) with why. */
function ActionButton({
  hint,
  icon,
  label,
  onClick,
}: {
  hint: string | undefined;
  icon: ReactElement;
  label: string;
  onClick: () => void;
}) {
  const restoreFocusTarget = useRestoreFocusTarget();
  return hint === undefined ? (
    <Button {...restoreFocusTarget} icon={icon} size="small" onClick={onClick}>
      {label}
    </Button>
  ) : (
    <Tooltip content={hint} relationship="description">
      <Button disabledFocusable icon={icon} size="small">
        {label}
      </Button>
    </Tooltip>
  );
}

/**
 * A related alert offers **Add alert to incident (Preview)**; an added one **Remove alert from
 * incident**; a home alert says it was correlated into the incident.
 */
export function AlertActions({ node, onChanged, addAlert, removeAlert }: AlertActionsProps) {
  const styles = useInvestigationPageStyles();
  const { entityAlert } = node;
  if (node.placement === 'related' && entityAlert) {
    return (
      <ActionButton
        hint={addAlert.hintFor(entityAlert)}
        icon={<AddRegular />}
        label="Add alert to incident (Preview)"
        onClick={() => addAlert.ask(entityAlert, onChanged)}
      />
    );
  }
  if (node.placement === 'added') {
    return (
      <ActionButton
        hint={removeAlert.hintFor(node.alert)}
        icon={<DeleteRegular />}
        label="Remove alert from incident"
        onClick={() => removeAlert.ask(node.alert, onChanged)}
      />
    );
  }
  return <p className={styles.muted}>Correlated into this incident.</p>;
}
