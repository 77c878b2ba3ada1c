import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import {
  EditRegular,
  HistoryRegular,
  MoreVerticalRegular,
  OpenRegular,
  PanelRightRegular,
} from '@fluentui/react-icons';
import { createContext, useContext } from 'react';
import { useNavigate } from 'react-router';
import { useIsMerging } from '../merging-incidents';
import type { QueueRow } from '../queue-rows';
import type { IncidentPaneActions } from './incident-side-pane';

/** What a row's menu does: the app's flyouts, the side pane, and why changes are not allowed. */
export type IncidentRowMenuActions = IncidentPaneActions & {
  onOpenPane: (incidentId: string) => void;
  readOnlyReason: string | undefined;
};

const NO_ACTIONS: IncidentRowMenuActions = {
  onActivityLog: () => undefined,
  onManageIncidents: () => undefined,
  onOpenPane: () => undefined,
  readOnlyReason: undefined,
};

/** Given by the queue page to its rows (which are memoized and take only their row). */
export const IncidentRowMenuContext = createContext<IncidentRowMenuActions>(NO_ACTIONS);

/**
 * A row's ⋯ menu: Open incident page, Open side pane, Manage incident and Activity log (seed
 * 003: the activity log "from the incident page or the incident side pane"; the queue's row menu
 * opens the same panel).
 */
export function IncidentRowMenu({ row }: { row: QueueRow }) {
  const actions = useContext(IncidentRowMenuContext);
  const navigate = useNavigate();
  const merging = useIsMerging(row.id);
  // Focus comes back to the ⋯ button when the flyout an item opens closes.
  const restoreFocusTarget = useRestoreFocusTarget();
  const manageHint =
    actions.readOnlyReason ??
    (merging ? 'This incident is being merged; wait until the merge finishes' : undefined);
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          {...restoreFocusTarget}
          appearance="subtle"
          aria-label={`More actions for ${row.name}`}
          icon={<MoreVerticalRegular />}
          size="small"
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem
            icon={<OpenRegular />}
            onClick={() => void navigate(`/incidents/${encodeURIComponent(row.id)}/overview`)}
          >
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
