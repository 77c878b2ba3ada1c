/**
 * Focus after a drawer (flyout, panel) closes: back to what opened it, or to the page's main
 * region when that is gone — never lost on the body. Fluent restores focus itself when it can;
 * this covers what it cannot: an opener inside a menu (the menu has closed), an opener removed
 * while the drawer was open (a row that left the queue, a page that changed).
 */
import { useEffect, useRef, useState } from 'react';

/** The element that opened the drawer: the focused one, or the button of the open menu. */
function focusedOpener(): HTMLElement | null {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === document.body) return null;
  if (!active.closest('[role="menu"]')) return active;
  return document.querySelector<HTMLElement>('[aria-haspopup="menu"][aria-expanded="true"]');
}

/** Focuses `fallback` (or main) if focus was lost; leaves a focus someone else placed alone. */
function restoreFocus(fallback: HTMLElement | null) {
  if (document.activeElement && document.activeElement !== document.body) return;
  if (fallback?.isConnected) {
    fallback.focus();
    if (document.activeElement === fallback) return;
  }
  document.querySelector<HTMLElement>('main')?.focus();
}

/**
 * Put inside a drawer's content (it mounts when the drawer opens and unmounts once it has
 * closed). It remembers the opener, follows focus moves outside dialogs (alert dialogs too) and menus while the
 * drawer is open, and on close puts focus back where it belongs if it was lost.
 */
export function DrawerFocusReturn() {
  const [opener] = useState(focusedOpener);
  const lastOutside = useRef(opener);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target;
      if (
        target instanceof HTMLElement &&
        !target.closest('[role="dialog"], [role="alertdialog"], [role="menu"]')
      ) {
        lastOutside.current = target;
      }
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);

  useEffect(() => {
    // A remount (React's strict-mode check) is not a close.
    clearTimeout(pending.current);
    return () => {
      // After the drawer's own focus handling, which may leave focus on the body.
      pending.current = setTimeout(() => restoreFocus(lastOutside.current), 0);
    };
  }, []);
  return null;
}
