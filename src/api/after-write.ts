import type { QueryClient } from '@tanstack/react-query';
import { alertKeys } from './alerts/alert-keys';
import { incidentKeys } from './incidents/incident-keys';

/**
 * What a mutation's `onSettled` returns for the refetch that follows a write (React Query waits
 * for what `onSettled` returns before the mutation settles).
 *
 * - After a success: the refetch, so the mutation is done only once the screens show the change.
 * - After a failure: nothing. The refetch still runs, since the server may have applied part of
 *   the write, or someone else changed the data meanwhile. But the refusal reaches the screen at
 *   once, with what the analyst typed given back, even when that refetch cannot finish soon: in
 *   live mode it waits for "Sign in again" if the session ran out meanwhile.
 */
export function afterWrite(
  error: Error | null,
  refetch: Promise<unknown> | undefined,
): Promise<unknown> | undefined {
  return error ? undefined : refetch;
}

/**
 * Refetches every incident and alert query: what a merge, a move, a change or an assignment may
 * have changed. Entities and activity logs hang off the incident keys, so they are refreshed too.
 */
export function refetchIncidentsAndAlerts(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: incidentKeys.all }),
    queryClient.invalidateQueries({ queryKey: alertKeys.all }),
  ]);
}
