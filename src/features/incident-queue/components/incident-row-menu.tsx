import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  useId,
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
  useContext,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { useIsMerging } from '../merging-incidents';
import type { QueueRow } from '../queue-rows';
import type { IncidentPaneActions } from './incident-side-pane';
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
  // Focus comes back to the ⋯ button when the flyout an item opens closes.
  const restoreFocusTarget = useRestoreFocusTarget();
  /**
   * The incident the menu was opened for; undefined until it is first opened (no Menu is mounted
   * before). Rows are reused for other incidents (a sort, a refetch): a menu opened for one
   * incident closes rather than act on the next one shown in its row.
   */
  const [openFor, setOpenFor] = useState<string | null | undefined>(undefined);
  const open = openFor === undefined ? undefined : openFor === row.id;
  const setOpen = (next: boolean) => setOpenFor(next ? row.id : null);
  // A click on the button while the menu is open closes it as a click outside the menu first;
  // that click must not open it again.
  const closedBy = useRef<Event | null>(null);

  const onOpenChange: RowMenuPopoverProps['onOpenChange'] = (event, data) => {
    if (!data.open) closedBy.current = 'nativeEvent' in event ? event.nativeEvent : event;
    setOpen(data.open);
  };
  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (closedBy.current === event.nativeEvent) return;
    setOpen(!open);
  };
  // As Fluent's MenuTrigger: ↓ opens the menu, Escape closes it.
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown') setOpen(true);
    else if (event.key === 'Escape' && open) setOpen(false);
  };

  return (
    <>
      <Button
        {...restoreFocusTarget}
        appearance="subtle"
        aria-expanded={open ? true : undefined}
        aria-haspopup="menu"
        aria-label={`More actions for ${row.name}`}
        icon={<MoreVerticalRegular />}
        id={triggerId}
        ref={setButton}
        size="small"
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
