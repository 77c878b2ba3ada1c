import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  useId,
  useMergedRefs,
  useRestoreFocusTarget,
  type MenuProps,
} from '@fluentui/react-components';
import {
  EditRegular,
  HistoryRegular,
  MoreVerticalRegular,
  OpenRegular,
  PanelRightRegular,
} from '@fluentui/react-icons';
import {
  createContext,
  memo,
  useCallback,
  useContext,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';
import { useIsMerging } from '../merging-incidents';
import type { QueueRow } from '../queue-rows';
import type { IncidentPaneActions } from './incident-side-pane';
import { incidentOf, RowPlaceContext, useAriaLabel } from './row-place';
import { useMenuFocusReturn } from './use-menu-focus-return';

/** What a row's menu does: the app's flyouts, the side pane, and why changes are not allowed. */
export type IncidentRowMenuActions = IncidentPaneActions & {
  onOpenPane: (incidentId: string) => void;
  /** Goes to the incident's page (the row's name link and its menu). */
  onOpenPage: (incidentId: string) => void;
  readOnlyReason: string | undefined;
};

const NO_ACTIONS: IncidentRowMenuActions = {
  onActivityLog: () => undefined,
  onManageIncidents: () => undefined,
  onOpenPane: () => undefined,
  onOpenPage: () => undefined,
  readOnlyReason: undefined,
};

/**
 * Given by the queue page to its rows (which are memoized and take only their row). Rows read
 * no router state themselves: a URL change (a sort, a filter) would render every row again.
 */
export const IncidentRowMenuContext = createContext<IncidentRowMenuActions>(NO_ACTIONS);

/** The path of an incident's page. */
export const incidentPagePath = (incidentId: string) =>
  `/incidents/${encodeURIComponent(incidentId)}/overview`;

type RowMenuPopoverProps = {
  open: boolean;
  row: QueueRow;
  triggerId: string;
  /** The ⋯ button: the menu is placed below it, and focus goes back to it. */
  target: HTMLElement | null;
  onOpenChange: NonNullable<MenuProps['onOpenChange']>;
};

function RowMenuPopover({ open, row, triggerId, target, onOpenChange }: RowMenuPopoverProps) {
  const actions = useContext(IncidentRowMenuContext);
  const merging = useIsMerging(row.id);
  // Focus that was in the menu when it closed goes back to the ⋯ button.
  const popoverRef = useMenuFocusReturn(open, target);
  const manageHint =
    actions.readOnlyReason ??
    (merging ? 'This incident is being merged; wait until the merge finishes' : undefined);

  return (
    <Menu open={open} positioning={{ target }} onOpenChange={onOpenChange}>
      <MenuPopover ref={popoverRef}>
        <MenuList aria-labelledby={triggerId}>
          <MenuItem icon={<OpenRegular />} onClick={() => actions.onOpenPage(row.id)}>
            Open incident page
          </MenuItem>
          <MenuItem icon={<PanelRightRegular />} onClick={() => actions.onOpenPane(row.id)}>
            Open side pane
          </MenuItem>
          <MenuItem
            disabled={manageHint !== undefined}
            icon={<EditRegular />}
            subText={manageHint}
            onClick={() => actions.onManageIncidents([row.id])}
          >
            Manage incident
          </MenuItem>
          <MenuItem icon={<HistoryRegular />} onClick={() => actions.onActivityLog(row.id)}>
            Activity log
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/**
 * A row's ⋯ menu: Open incident page, Open side pane, Manage incident and Activity log (seed
 * 003: the activity log "from the incident page or the incident side pane"; the queue's row menu
 * opens the same panel).
 *
 * Until it is first opened a row holds only its button: a Fluent Menu per row (positioning,
 * outside-click and scroll listeners) was the heaviest part of rendering a page of rows. The menu
 * sits beside the button rather than around it, so opening it keeps the button (and its focus).
 */
export function IncidentRowMenu({ row }: { row: QueueRow }) {
  const [button, setButton] = useState<HTMLElement | null>(null);
  const triggerId = useId('row-menu');
  const { hidden } = useContext(RowPlaceContext);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useAriaLabel(buttonRef, `More actions for ${row.name}`);
  /**
   * The incident the menu was opened for; undefined until it is first opened (no Menu is mounted
   * before). Rows are reused for other incidents (a sort, a refetch): a menu opened for one
   * incident closes rather than act on the next one shown in its row, or on a row now hidden.
   */
  const [openFor, setOpenFor] = useState<string | null | undefined>(undefined);
  const open = openFor === undefined ? undefined : openFor === row.id && !hidden;
  // A click on the button while the menu is open closes it as a click outside the menu first;
  // that click must not open it again.
  const closedBy = useRef<Event | null>(null);

  const onOpenChange: RowMenuPopoverProps['onOpenChange'] = (event, data) => {
    if (!data.open) closedBy.current = 'nativeEvent' in event ? event.nativeEvent : event;
    setOpenFor(data.open ? row.id : null);
  };
  // The button's handlers read the incident from the row they are in when they run, so they
  // keep their identity (and the button is not rendered again) when the row shows another one.
  const onClick = useCallback((event: MouseEvent<HTMLButtonElement>) => {
    if (closedBy.current === event.nativeEvent) return;
    const id = incidentOf(event.currentTarget);
    setOpenFor((was) => (was === id ? null : id));
  }, []);
  // As Fluent's MenuTrigger: ↓ opens the menu, Escape closes it.
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLButtonElement>) => {
    const id = incidentOf(event.currentTarget);
    if (event.key === 'ArrowDown') setOpenFor(id);
    else if (event.key === 'Escape') setOpenFor((was) => (was === id ? null : was));
  }, []);

  return (
    <>
      <RowMenuButton
        buttonRef={buttonRef}
        expanded={open === true}
        id={triggerId}
        setButton={setButton}
        onClick={onClick}
        onKeyDown={onKeyDown}
      />
      {open !== undefined && (
        <RowMenuPopover
          open={open}
          row={row}
          target={button}
          triggerId={triggerId}
          onOpenChange={onOpenChange}
        />
      )}
    </>
  );
}

type RowMenuButtonProps = {
  buttonRef: RefObject<HTMLButtonElement | null>;
  expanded: boolean;
  id: string;
  setButton: (button: HTMLElement | null) => void;
  onClick: (event: MouseEvent<HTMLButtonElement>) => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
};

/** The ⋯ button; its name ("More actions for <name>") is set by `useAriaLabel`. */
const RowMenuButton = memo(function RowMenuButton({
  buttonRef,
  expanded,
  id,
  setButton,
  onClick,
  onKeyDown,
}: RowMenuButtonProps) {
  // Focus comes back to the ⋯ button when the flyout an item opens closes.
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <Button
      {...restoreFocusTarget}
      appearance="subtle"
      aria-expanded={expanded || undefined}
      aria-haspopup="menu"
      icon={<MoreVerticalRegular />}
      id={id}
      ref={useMergedRefs(buttonRef, setButton)}
      size="small"
      onClick={onClick}
      onKeyDown={onKeyDown}
    />
  );
});
