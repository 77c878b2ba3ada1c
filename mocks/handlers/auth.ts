/**
 * Mock identity: `Authorization: Bearer mock.<upn>` names a persona (ARCHITECTURE.md §5).
 * No token or an unknown one is 401, as Graph answers a missing or invalid token.
 */
import type { Persona } from '@/domain/identity';
import { findPersona, PERSONAS } from '../store/personas';

export type AuthResult = { ok: true; persona: Persona } | { ok: false; message: string };

export function authenticate(request: Request): AuthResult {
  const header = request.headers.get('authorization');
  if (!header) {
    return {
      ok: false,
      message: 'Access token is missing. Send Authorization: Bearer mock.<upn>.',
    };
  }
  const match = /^Bearer\s+mock\.(.+)$/i.exec(header.trim());
  if (!match?.[1]) {
    return {
      ok: false,
      message: 'Access token is invalid. The mock accepts Authorization: Bearer mock.<upn>.',
    };
  }
  const persona = findPersona(match[1].trim());
  if (!persona) {
    return {
      ok: false,
      message: `Access token is invalid: no persona '${match[1]}'. Known personas: ${PERSONAS.map((p) => p.upn).join(', ')}.`,
    };
  }
  return { ok: true, persona };
}
