/**
 * Who is calling, and may they call this route. By default the mock's own identity:
 * `Authorization: Bearer mock.<upn>` names a persona (ARCHITECTURE.md §5); no token or an
 * unknown one is 401, as Graph answers a missing or invalid token. `mock:serve --auth entra`
 * replaces it with real JWT checks (mocks/entra), through the runtime's `authenticate`.
 */
import type { Persona } from '@/domain/identity';
import { findPersona, PERSONAS } from '../store/personas';

/** The resource a route belongs to: a token must have been issued for it (its audience). */
type Audience = 'graph' | 'arm';

/**
 * What a route needs from the caller's token: its audience, and for each entry one of its
 * delegated scopes (`scp`), e.g. `[['SecurityIncident.Read.All', 'SecurityIncident.ReadWrite.All']]`.
 */
export type AccessNeed = { audience: Audience; scopes: readonly (readonly string[])[] };

/** A refused caller: 401 (no valid token) or 403 (valid, but not for this). */
type AuthRefusal = {
  status: 401 | 403;
  code: string;
  message: string;
  /** The `WWW-Authenticate` challenge to send with a 401. */
  challenge?: string;
};

type AuthResult = { ok: true; persona: Persona } | ({ ok: false } & AuthRefusal);

/** Decides who a request comes from, for a route that needs `need`. */
export type Authenticator = (
  request: Request,
  need: AccessNeed,
) => AuthResult | Promise<AuthResult>;

const refuse = (message: string): AuthResult => ({
  ok: false,
  status: 401,
  code: 'Unauthorized',
  message,
  challenge: 'Bearer',
});

/** The mock's own scheme: `Bearer mock.<upn>` names a persona; scopes are not checked. */
export const authenticateMockToken: Authenticator = (request) => {
  const header = request.headers.get('authorization');
  if (!header) {
    return refuse('Access token is missing. Send Authorization: Bearer mock.<upn>.');
  }
  const match = /^Bearer\s+mock\.(.+)$/i.exec(header.trim());
  if (!match?.[1]) {
    return refuse('Access token is invalid. The mock accepts Authorization: Bearer mock.<upn>.');
  }
  const persona = findPersona(match[1].trim());
  if (!persona) {
    return refuse(
      `Access token is invalid: no persona '${match[1]}'. Known personas: ${PERSONAS.map((p) => p.upn).join(', ')}.`,
    );
  }
  return { ok: true, persona };
};
