import {
  Menu,
  MenuButton,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import {
  EditRegular,
  HistoryRegular,
  MergeRegular,
  MoreHorizontalRegular,
} from '@fluentui/react-icons';

/** A not-wired action's hint: why it is disabled, shown under it. */
export const NOT_AVAILABLE_YET = 'Not available yet';

export type IncidentActionsMenuProps = {
  /** Why the persona may not change this incident, if it may not. */
  accessDenial?: string;
  onActivityLog: () => void;
  /** Opens Manage incident; without it the item is disabled. */
  onManage?: () => void;
  /** Opens Merge incidents; without it the item is disabled. */
  onMerge?: () => void;
};

/** The incident page's Actions menu: Manage incident, Merge incidents, Activity log. */
export function IncidentActionsMenu({
  accessDenial,
  onActivityLog,
  onManage,
  onMerge,
}: IncidentActionsMenuProps) {
  const manageHint = accessDenial ?? (onManage ? undefined : NOT_AVAILABLE_YET);
  const mergeHint = accessDenial ?? (onMerge ? undefined : NOT_AVAILABLE_YET);
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton icon={<MoreHorizontalRegular />}>Actions</MenuButton>
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
          <MenuItem icon={<HistoryRegular />} onClick={onActivityLog}>
            Activity log
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
