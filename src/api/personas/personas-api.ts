/** The mock's identities (mock-only: live mode has no such route). */
import type { Persona, Principal } from '@/domain/identity';
import { isLiveMode, mockRoot } from '../config';
import { http } from '../http';

export type PersonaDirectory = { value: Persona[]; directory: Principal[] };

/** Lists the personas one can act as, and the users and groups incidents are assigned to. */
export function getPersonas(signal?: AbortSignal): Promise<PersonaDirectory> {
  // A real tenant's rights are enforced by Graph: the console knows no personas there.
  if (isLiveMode()) return Promise.resolve({ value: [], directory: [] });
  return http<PersonaDirectory>(`${mockRoot()}/personas`, { signal });
}
