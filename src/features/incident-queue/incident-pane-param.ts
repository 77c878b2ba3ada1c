/**
 * The queue's incident side pane is open on the incident the URL names (`?incident=<id>`), so a
 * link to the queue with its pane open can be bookmarked or shared, and Back closes the pane.
 */
import { useCallback } from 'react';
import { useLatest } from '@/components/use-latest';
import { useSearchParams } from 'react-router';

const INCIDENT_PANE_PARAM = 'incident';

export type IncidentPane = {
  /** The incident whose pane is open, or null. */
  openId: string | null;
  /**
   * Opens the pane on an incident. Moving it from one incident to another (↑/↓, a click on
   * another row) replaces the history entry by default, so Back leaves the pane rather than
   * stepping through every incident seen.
   */
  open: (incidentId: string, options?: { replace?: boolean }) => void;
  close: () => void;
};

export function useIncidentPane(): IncidentPane {
  const [searchParams, setSearchParams] = useSearchParams();
  const openId = searchParams.get(INCIDENT_PANE_PARAM)?.trim() || null;
  // The router's setter changes with every URL; open and close do not, so the grid's memoized
  // rows, which are handed `open`, are not rendered again by a sort, a filter or a page.
  const latestRef = useLatest({ setSearchParams, isOpen: openId !== null });
  const open = useCallback<IncidentPane['open']>(
    (incidentId, options) =>
      latestRef.current.setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.set(INCIDENT_PANE_PARAM, incidentId);
          return next;
        },
        { replace: options?.replace ?? latestRef.current.isOpen },
      ),
    [latestRef],
  );
  const close = useCallback(
    () =>
      latestRef.current.setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        next.delete(INCIDENT_PANE_PARAM);
        return next;
      }),
    [latestRef],
  );
  return { openId, open, close };
}
