import { useEffect, useRef, useState } from 'react';

/** The element focused now, if it is worth returning to. */
function focusedElement(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/** Focuses the opener if it is still there, else the page's main region if focus is lost. */
function returnFocus(opener: HTMLElement | null) {
  if (opener?.isConnected) {
    opener.focus();
    if (document.activeElement === opener) return;
  }
  const active = document.activeElement;
  if (!active || active === document.body) document.querySelector<HTMLElement>('main')?.focus();
}

/**
 * Put inside a drawer's content: it remembers what had focus when the drawer opened (the button
 * that opened it) and, once the drawer has closed, puts focus back there, or on the page's main
 * region when that button is gone.
 */
export function FocusReturn() {
  const [opener] = useState(focusedElement);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    // A remount (React's strict mode checks) is not a close.
    clearTimeout(pending.current);
    return () => {
      // After the drawer's own focus handling, which may leave focus on the body.
      pending.current = setTimeout(() => returnFocus(opener), 0);
    };
  }, [opener]);
  return null;
}
