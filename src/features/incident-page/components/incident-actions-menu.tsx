import {
  Button,
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tooltip,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import {
  EditRegular,
  HistoryRegular,
  MergeRegular,
  MoreHorizontalRegular,
  OrganizationRegular,
} from '@fluentui/react-icons';
import { useIncidentActionsMenuStyles } from './incident-actions-menu.styles';

export type IncidentActionsMenuProps = {
  /** Why the persona may not change this incident, if it may not. */
  accessDenial?: string;
  onActivityLog: () => void;
  /** Opens the investigation graph (seed 004). */
  onInvestigate: () => void;
  /** Opens Manage incident. */
  onManage: () => void;
  /** Opens Merge incidents. */
  onMerge: () => void;
  /** The Actions menu opened. */
  onOpen?: () => void;
};

/**
 * The incident page's actions, top right of its header (seed 003: "Manage incident option
 * located on the upper right side of the Incident page"): a Manage incident button, and the
 * Actions menu with Manage incident, Merge incidents, Investigate and Activity log.
 */
export function IncidentActionsMenu({
  accessDenial,
  onActivityLog,
  onInvestigate,
  onManage,
  onMerge,
  onOpen,
}: IncidentActionsMenuProps) {
  const styles = useIncidentActionsMenuStyles();
  const manageHint = accessDenial;
  const mergeHint = accessDenial;
  // Focus comes back here when the drawer these open closes.
  const restoreFocusTarget = useRestoreFocusTarget();
  return (
    <div className={styles.root}>
      {manageHint === undefined ? (
        <Button
          {...restoreFocusTarget}
          appearance="primary"
          icon={<EditRegular />}
          onClick={onManage}
        >
          Manage incident
        </Button>
      ) : (
        // Focusable while disabled, so keyboard users reach the reason.
        <Tooltip content={manageHint} relationship="description" withArrow>
          <Button disabledFocusable icon={<EditRegular />}>
            Manage incident
          </Button>
        </Tooltip>
      )}
      <Menu onOpenChange={(_, data) => data.open && onOpen?.()}>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton {...restoreFocusTarget} icon={<MoreHorizontalRegular />}>
            Actions
          </MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem
              disabled={manageHint !== undefined}
              icon={<EditRegular />}
              subText={manageHint}
              onClick={onManage}
            >
              Manage incident
            </MenuItem>
            <MenuItem
              disabled={mergeHint !== undefined}
              icon={<MergeRegular />}
              subText={mergeHint}
              onClick={onMerge}
            >
              Merge incidents
            </MenuItem>
            <MenuItem icon={<OrganizationRegular />} onClick={onInvestigate}>
              Investigate
            </MenuItem>
            <MenuItem icon={<HistoryRegular />} onClick={onActivityLog}>
              Activity log
            </MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  );
}
