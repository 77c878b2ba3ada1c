/**
 * Which incidents a merge is running on (the app tells the queue). While it runs they cannot be
 * changed (the server answers 409), so their rows say "Merging…" and cannot be selected.
 */
import { createContext, useContext } from 'react';

const NONE: ReadonlySet<string> = new Set();

export const MergingIncidentsContext = createContext<ReadonlySet<string>>(NONE);

/** Whether a merge is running on this incident. */
export function useIsMerging(incidentId: string): boolean {
  return useContext(MergingIncidentsContext).has(incidentId);
}

/** Whether a merge is running on any of these incidents. */
export function useAnyMerging(incidentIds: Iterable<string>): boolean {
  const merging = useContext(MergingIncidentsContext);
  for (const id of incidentIds) if (merging.has(id)) return true;
  return false;
}
