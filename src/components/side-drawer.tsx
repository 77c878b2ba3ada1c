/**
 * The console's side panels and flyouts (alert details, an entity, Merge, Move, Manage): a Fluent
 * OverlayDrawer at the end of the page with a title row and its Close button, that gives focus
 * back to what opened it (Fluent's restore-focus source, and DrawerFocusReturn for what Fluent
 * cannot: an opener in a menu, an opener that left the page).
 */
import {
  Button,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  useRestoreFocusSource,
  type DrawerProps,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { KeyboardEvent, ReactNode } from 'react';
import { DrawerFocusReturn } from './drawer-focus-return';

type SideDrawerHeaderProps = {
  children: ReactNode;
  className?: string;
  /** The title heading's id, for a pane that is labelled by it. */
  headingId?: string;
  /** Close is disabled while something that must be seen through is running. @default false */
  closeDisabled?: boolean;
  onClose: () => void;
};

/** A drawer's title row with its Close button. */
export function SideDrawerHeader({
  children,
  className,
  closeDisabled = false,
  headingId,
  onClose,
}: SideDrawerHeaderProps) {
  return (
    <DrawerHeader>
      <DrawerHeaderTitle
        action={
          <Button
            appearance="subtle"
            aria-label="Close"
            disabled={closeDisabled}
            icon={<DismissRegular />}
            onClick={onClose}
          />
        }
        className={className}
        heading={headingId ? { id: headingId } : undefined}
      >
        {children}
      </DrawerHeaderTitle>
    </DrawerHeader>
  );
}

type SideDrawerProps = {
  open: boolean;
  /**
   * The title row's text. Omit it when the content draws its own title row (with
   * SideDrawerHeader), as a drawer whose title depends on what it shows does.
   */
  title?: ReactNode;
  titleClassName?: string;
  /**
   * Something is running that must be seen through (a merge, a move): Escape and the Close
   * button do nothing meanwhile. @default false
   */
  busy?: boolean;
  size?: DrawerProps['size'];
  className?: string;
  /** Keys pressed anywhere in the drawer (e.g. ↑/↓ to move to another item of a list). */
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
  onClose: () => void;
  children: ReactNode;
};

/** A side panel at the end of the page: title row, content, and focus back to its opener. */
export function SideDrawer({
  open,
  title,
  titleClassName,
  busy = false,
  size = 'medium',
  className,
  onKeyDown,
  onClose,
  children,
}: SideDrawerProps) {
  const restoreFocusSource = useRestoreFocusSource();
  return (
    <OverlayDrawer
      {...restoreFocusSource}
      className={className}
      open={open}
      position="end"
      size={size}
      onKeyDown={onKeyDown}
      onOpenChange={(_, data) => {
        if (!data.open && !busy) onClose();
      }}
    >
      <DrawerFocusReturn />
      {title !== undefined && (
        <SideDrawerHeader className={titleClassName} closeDisabled={busy} onClose={onClose}>
          {title}
        </SideDrawerHeader>
      )}
      {children}
    </OverlayDrawer>
  );
}
