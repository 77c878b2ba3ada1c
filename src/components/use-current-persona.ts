import { useQuery } from '@tanstack/react-query';
import { personaQueries } from '@/api/personas/persona-queries';
import { useSessionUpn } from '@/api/session-store';
import type { Persona } from '@/domain/identity';

/** The persona the console acts as, once the persona list is loaded (mock mode only). */
export function useCurrentPersona(): Persona | undefined {
  const upn = useSessionUpn().toLowerCase();
  const personas = useQuery(personaQueries.all());
  return personas.data?.value.find((p) => p.upn.toLowerCase() === upn);
}
