import { useEffect, useRef } from 'react';

/**
 * For a Fluent Menu opened beside its button rather than wrapped around it (so the button need
 * not carry a Menu until first used): focus that was in the menu when it closed goes back to
 * `target`, as Fluent's MenuTrigger does for a menu it wraps. Focus the menu's action moved
 * elsewhere (a resize handle, a dialog) stays there. Returns the ref for the MenuPopover.
 */
export function useMenuFocusReturn(open: boolean, target: HTMLElement | null | undefined) {
  const popoverRef = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    const closed = wasOpen.current && !open;
    wasOpen.current = open;
    if (!closed) return;
    const active = document.activeElement;
    if (active === document.body || (active && popoverRef.current?.contains(active))) {
      target?.focus();
    }
  }, [open, target]);
  return popoverRef;
}
