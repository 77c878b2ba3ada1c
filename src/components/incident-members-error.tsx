import { ErrorState } from './error-state';
import type { IncidentMembers } from './use-incident-members';

/**
 * Why an incident's related alerts could not be read (useIncidentMembers), with Retry: a load
 * that failed, or a refresh that failed while the alerts read before stay shown ("Retrying…"
 * while they are read again). Nothing if neither.
 */
export function IncidentMembersError({
  error,
  stale,
  isFetching,
  refetch,
}: Pick<IncidentMembers, 'error' | 'stale' | 'isFetching' | 'refetch'>) {
  if (!error) return null;
  return (
    <ErrorState
      error={error}
      kind={stale ? 'stale' : 'failed'}
      retrying={isFetching}
      title={
        stale
          ? "Couldn't refresh the alerts added to this incident; showing what was loaded"
          : "Couldn't load the alerts added to this incident"
      }
      onRetry={refetch}
    />
  );
}
