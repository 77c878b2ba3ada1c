/**
 * The alert details panel is opened by putting the alert's id in the URL (`?alert=<id>`), so any
 * screen can open it without knowing the panel, and a link to an open panel can be shared.
 */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export const ALERT_PARAM = 'alert';

/** Returns a function that opens the alert details panel for an alert id, keeping the page's URL. */
export function useOpenAlert(): (alertId: string) => void {
  const [, setSearchParams] = useSearchParams();
  return useCallback(
    (alertId: string) =>
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        next.set(ALERT_PARAM, alertId);
        return next;
      }),
    [setSearchParams],
  );
}

/** The alert whose panel is open (or null) and a function that closes it. */
export function useOpenAlertId(): [string | null, () => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const close = useCallback(
    () =>
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        next.delete(ALERT_PARAM);
        return next;
      }),
    [setSearchParams],
  );
  return [searchParams.get(ALERT_PARAM), close];
}
