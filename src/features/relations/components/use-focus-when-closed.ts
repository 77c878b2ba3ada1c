import { useCallback, useEffect, useRef } from 'react';

/** Frames to wait for a closing dialog to leave the page. */
const MAX_FRAMES = 60;

/**
 * Moves focus to an element once a change has landed and its confirmation dialog has left the
 * page. For changes that take away the control that opened the dialog (an added alert loses its
 * +, a removed one its row): focus would otherwise fall to the page, or out of the side panel to
 * what is behind it.
 */
export function useFocusWhenClosed(): (elementId: string) => void {
  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  return useCallback((elementId: string) => {
    cancelAnimationFrame(frame.current);
    let frames = 0;
    const attempt = () => {
      if (document.querySelector('[role="alertdialog"]') && frames++ < MAX_FRAMES) {
        frame.current = requestAnimationFrame(attempt);
        return;
      }
      document.getElementById(elementId)?.focus();
    };
    frame.current = requestAnimationFrame(attempt);
  }, []);
}
