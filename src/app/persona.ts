/** Which persona the console acts as: remembered, and switched with a clean cache. */
import type { QueryClient } from '@tanstack/react-query';
import { DEFAULT_PERSONA_UPN } from '@/api/config';
import { personaKeys } from '@/api/personas/persona-keys';
import { setSessionUpn } from '@/api/session-store';
import { readPreference, writePreference } from './preferences';

/** Sets the session's persona from what was remembered (before the first render). */
export function restorePersona(): void {
  setSessionUpn(readPreference('persona') ?? DEFAULT_PERSONA_UPN);
}

/**
 * Acts as another persona from now on. Every query is reset rather than merely invalidated:
 * invalidation would keep showing the previous persona's data (which the new one may not be
 * allowed to see) until the refetch lands. The persona list itself does not depend on who asks.
 */
export function switchPersona(queryClient: QueryClient, upn: string): Promise<void> {
  writePreference('persona', upn);
  setSessionUpn(upn);
  return queryClient.resetQueries({ predicate: (q) => q.queryKey[0] !== personaKeys.all[0] });
}
