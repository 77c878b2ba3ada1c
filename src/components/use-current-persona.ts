import { useQuery } from '@tanstack/react-query';
import { personaQueries } from '@/api/personas/persona-queries';
import { useSessionUpn } from '@/api/session-store';
import { canManage, canReadSource, type Persona } from '@/domain/identity';
import type { ServiceSource } from '@/domain/enums';
import { sourceLabel } from '@/domain/sources';

/** The persona the console acts as, once the persona list is loaded (mock mode only). */
export function useCurrentPersona(): Persona | undefined {
  const upn = useSessionUpn().toLowerCase();
  const personas = useQuery(personaQueries.all());
  return personas.data?.value.find((p) => p.upn.toLowerCase() === upn);
}

/**
 * What the persona lacks to change alerts of these sources, in a few words for a tooltip, or
 * `undefined` when nothing is missing (or the persona is not known, as in live mode).
 */
export function missingManageAccess(
  persona: Persona | undefined,
  sources: Iterable<ServiceSource>,
): string | undefined {
  if (!persona) return undefined;
  if (!canManage(persona)) return 'Requires Security Operator access';
  const missing = [...new Set(sources)].filter((s) => !canReadSource(persona, s));
  if (missing.length === 0) return undefined;
  return `Requires manage access to ${missing.map(sourceLabel).join(', ')} data`;
}
