/**
 * A fake Entra ID for `mock:serve --auth entra`, so live mode's real MSAL flow runs here without
 * internet: OpenID configuration, `authorize` (a sign-in page listing the personas), `token`
 * (authorization code with PKCE, refresh token), JWKS and logout. Tokens are RS256 JWTs signed
 * with a key made at start-up (`jose`). In this mode the API routes accept only such tokens:
 * issuer, audience, expiry and scopes checked, the persona taken from the token's UPN.
 *
 * Test controls under `/_test/` (this mode only): expire every access token issued so far,
 * revoke every session (refresh tokens too), make the next Graph requests answer 429, and
 * leave the next silent sign-in (MSAL's hidden frame) unanswered, as a slow or blocked one is.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  createLocalJWKSet,
  errors,
  type JWK,
  type JWTPayload,
} from 'jose';
import type { AccessNeed, Authenticator } from './handlers/auth';
import { findPersona, PERSONAS } from './store/personas';

/** The resources tokens are issued for, by the audience Entra puts in them. */
const RESOURCES = {
  graph: 'https://graph.microsoft.com',
  arm: 'https://management.azure.com',
} as const;
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

export type EntraOptions = {
  /** The server's own origin (`https://127.0.0.1:4010`): the authority is `<origin>/<tenant>`. */
  origin: string;
  tenantId: string;
  /** The app registration allowed to sign in; any when absent. */
  clientId?: string;
  /** Lifetime of access tokens (default one hour, as Entra's). */
  accessTokenSeconds?: number;
};

export type Entra = {
  /** What the API routes check tokens with, in place of the mock's `mock.<upn>`. */
  authenticate: Authenticator;
  /** Answers Entra's endpoints and the test controls; undefined for any other request. */
  handle(request: Request): Promise<Response | undefined>;
  /** A 429 the API should answer now (a test control), else undefined. */
  throttle(request: Request): Response | undefined;
};

type Grant = {
  upn: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  challenge: string;
  nonce?: string;
  expires: number;
};

const html = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });

/** OAuth's error answer (RFC 6749 §5.2), as Entra sends it. */
const oauthError = (error: string, description: string, status = 400) =>
  json({ error, error_description: description, error_codes: [], timestamp: new Date() }, status);

/**
 * A test control's whole-number parameter (`fallback` when absent), or what is wrong with it.
 * A control told something it cannot do refuses and changes nothing.
 */
function wholeParam(url: URL, name: string, fallback: number): number | string {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  // Digits only: not "1e3", "0x10", "2.0" or " 2 ", which Number reads as whole numbers too.
  return /^\d+$/.test(raw) && Number.isSafeInteger(value)
    ? value
    : `${name} must be a whole number of 0 or more; it was '${raw}'.`;
}

const controlError = (message: string) => json({ error: { code: 'BadRequest', message } }, 400);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const base64url = (buf: Buffer) => buf.toString('base64url');

/** The resource a set of scopes is for, and the scope names without it (`scp`). */
function resourceOf(
  scopes: string[],
): { resource: keyof typeof RESOURCES; scp: string[] } | string {
  const named = scopes.filter((s) => !OIDC_SCOPES.has(s));
  if (named.length === 0) return { resource: 'graph', scp: ['User.Read'] };
  let resource: keyof typeof RESOURCES | undefined;
  const scp: string[] = [];
  for (const scope of named) {
    const entry = Object.entries(RESOURCES).find(([, uri]) => scope.startsWith(`${uri}/`));
    if (!entry) return `The scope '${scope}' names no resource this authority knows.`;
    const key = entry[0] as keyof typeof RESOURCES;
    if (resource && resource !== key) {
      return 'AADSTS28000: The scopes requested are for more than one resource.';
    }
    resource = key;
    scp.push(scope.slice(entry[1].length + 1));
  }
  return { resource: resource ?? 'graph', scp };
}

export async function createEntra(options: EntraOptions): Promise<Entra> {
  const { origin, tenantId } = options;
  const lifetime = options.accessTokenSeconds ?? 3600;
  const authority = `${origin}/${tenantId}`;
  const idIssuer = `${authority}/v2.0`;
  // Access tokens for Graph and ARM are v1 tokens: their issuer is sts.windows.net's form.
  const accessIssuer = `${origin}/${tenantId}/`;
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const keySet = createLocalJWKSet({ keys: [jwk] });

  const codes = new Map<string, Grant>();
  const refreshTokens = new Map<string, { upn: string; clientId: string }>();
  /**
   * Access tokens carry the generation they were issued in; the "expire" control starts a new
   * one and refuses the older tokens, as if their lifetime had run out.
   */
  let generation = 0;
  let throttleNext = 0;
  /** How many of the next silent (`prompt=none`) sign-ins get a page that never answers. */
  let stallSilent = 0;
  let throttleSeconds = 1;

  const oid = (upn: string) =>
    createHash('sha256')
      .update(upn)
      .digest('hex')
      .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*/, '$1-$2-$3-$4-$5');

  async function sign(payload: JWTPayload, audience: string, seconds: number, issuer: string) {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(`${seconds}s`)
      .sign(privateKey);
  }

  async function tokens(upn: string, clientId: string, scopes: string[], nonce?: string) {
    const target = resourceOf(scopes);
    if (typeof target === 'string') return oauthError('invalid_scope', target);
    const persona = findPersona(upn);
    if (!persona) return oauthError('invalid_grant', `The user '${upn}' does not exist.`);
    const user = {
      tid: tenantId,
      oid: oid(upn),
      upn,
      preferred_username: upn,
      name: persona.displayName,
    };
    // Stored before signing, which awaits: a revocation that comes meanwhile revokes this
    // refresh token too, as the generation already in the access token expires it.
    const refresh = base64url(randomBytes(32));
    refreshTokens.set(refresh, { upn, clientId });
    const accessToken = await sign(
      { ...user, scp: target.scp.join(' '), appid: clientId, ver: '1.0', xms_gen: generation },
      RESOURCES[target.resource],
      lifetime,
      accessIssuer,
    );
    const body: Record<string, unknown> = {
      token_type: 'Bearer',
      scope: target.scp.map((s) => `${RESOURCES[target.resource]}/${s}`).join(' '),
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: accessToken,
      refresh_token: refresh,
      client_info: base64url(Buffer.from(JSON.stringify({ uid: user.oid, utid: tenantId }))),
    };
    if (scopes.includes('openid')) {
      body.id_token = await sign(
        { ...user, ...(nonce ? { nonce } : {}), ver: '2.0' },
        clientId,
        lifetime,
        idIssuer,
      );
    }
    return json(body);
  }

  function configuration(): Response {
    return json({
      issuer: idIssuer,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      token_endpoint: `${authority}/oauth2/v2.0/token`,
      end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      jwks_uri: `${authority}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      response_types_supported: ['code', 'id_token', 'code id_token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      tenant_region_scope: null,
      cloud_instance_name: new URL(origin).host,
    });
  }

  function authorize(url: URL): Response {
    const q = url.searchParams;
    const clientId = q.get('client_id') ?? '';
    const redirectUri = q.get('redirect_uri') ?? '';
    if (options.clientId && clientId !== options.clientId) {
      return html(`<p>AADSTS700016: Application '${escapeHtml(clientId)}' was not found.</p>`, 400);
    }
    let redirect: URL;
    try {
      redirect = new URL(redirectUri);
    } catch {
      return html('<p>AADSTS50011: The redirect URI is missing or not valid.</p>', 400);
    }
    const challenge = q.get('code_challenge');
    if (!challenge || q.get('code_challenge_method') !== 'S256') {
      return html('<p>AADSTS9002325: Proof Key for Code Exchange (S256) is required.</p>', 400);
    }
    // This authority keeps no browser session (no cookie): a silent request (MSAL's hidden
    // frame) is answered as Entra answers one without a session, so the client asks the user.
    if (q.get('prompt') === 'none' && !q.get('upn') && stallSilent > 0) {
      stallSilent -= 1;
      return html(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing in</title></head><body></body></html>',
      );
    }
    if (q.get('prompt') === 'none' && !q.get('upn')) {
      const answer = new URLSearchParams({
        error: 'login_required',
        error_description:
          'AADSTS50058: A silent sign-in request was sent but no user is signed in.',
        state: q.get('state') ?? '',
      });
      if (q.get('response_mode') === 'query') redirect.search = answer.toString();
      else redirect.hash = answer.toString();
      return new Response(null, { status: 302, headers: { Location: redirect.href } });
    }
    const upn = q.get('upn');
    if (!upn) {
      const hint = q.get('login_hint');
      const items = PERSONAS.map((p) => {
        const pick = new URL(url);
        pick.searchParams.set('upn', p.upn);
        const hinted = hint === p.upn ? ' aria-current="true"' : '';
        return `<li><a href="${escapeHtml(pick.pathname + pick.search)}"${hinted}>${escapeHtml(p.displayName)} <small>${escapeHtml(p.upn)}</small></a></li>`;
      }).join('');
      return html(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to your account</title></head>` +
          `<body><main><h1>Pick an account</h1><p>Mock Entra ID: tenant ${escapeHtml(tenantId)}. Sign in as:</p><ul>${items}</ul></main></body></html>`,
      );
    }
    if (!findPersona(upn)) return html(`<p>No account '${escapeHtml(upn)}'.</p>`, 400);
    const code = base64url(randomBytes(32));
    const nonce = q.get('nonce') ?? undefined;
    codes.set(code, {
      upn,
      clientId,
      redirectUri,
      scopes: (q.get('scope') ?? '').split(' ').filter(Boolean),
      challenge,
      ...(nonce ? { nonce } : {}),
      expires: Date.now() + 5 * 60_000,
    });
    const answer = new URLSearchParams({
      code,
      state: q.get('state') ?? '',
      client_info: base64url(Buffer.from(JSON.stringify({ uid: oid(upn), utid: tenantId }))),
    });
    if (q.get('response_mode') === 'query') redirect.search = answer.toString();
    else redirect.hash = answer.toString();
    return new Response(null, { status: 302, headers: { Location: redirect.href } });
  }

  async function token(request: Request): Promise<Response> {
    const form = new URLSearchParams(await request.text());
    const clientId = form.get('client_id') ?? '';
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
    switch (form.get('grant_type')) {
      case 'authorization_code': {
        const code = form.get('code') ?? '';
        const grant = codes.get(code);
        codes.delete(code);
        if (!grant || grant.expires < Date.now()) {
          return oauthError(
            'invalid_grant',
            'AADSTS70008: The authorization code is not valid or has expired.',
          );
        }
        if (grant.clientId !== clientId || grant.redirectUri !== form.get('redirect_uri')) {
          return oauthError(
            'invalid_grant',
            'AADSTS50148: The code was issued to another client or redirect URI.',
          );
        }
        const verifier = form.get('code_verifier') ?? '';
        const computed = createHash('sha256').update(verifier).digest('base64url');
        if (computed !== grant.challenge) {
          return oauthError(
            'invalid_grant',
            'AADSTS501481: The code_verifier does not match the code_challenge.',
          );
        }
        return tokens(grant.upn, clientId, scopes.length ? scopes : grant.scopes, grant.nonce);
      }
      case 'refresh_token': {
        const session = refreshTokens.get(form.get('refresh_token') ?? '');
        if (!session || session.clientId !== clientId) {
          return oauthError(
            'invalid_grant',
            'AADSTS700082: The refresh token has expired or was revoked.',
          );
        }
        return tokens(session.upn, clientId, scopes);
      }
      default:
        return oauthError(
          'unsupported_grant_type',
          'Only authorization_code and refresh_token are supported.',
        );
    }
  }

  const authenticate: Authenticator = async (request, need: AccessNeed) => {
    const header = request.headers.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    const refuse = (message: string, error = 'invalid_token') => ({
      ok: false as const,
      status: 401 as const,
      code: 'InvalidAuthenticationToken',
      message,
      challenge: `Bearer authorization_uri="${authority}/oauth2/v2.0/authorize", error="${error}"`,
    });
    if (!match?.[1]) return refuse('Access token is empty.', 'invalid_request');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], keySet, {
        issuer: accessIssuer,
        audience: RESOURCES[need.audience],
        algorithms: ['RS256'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        return refuse('Lifetime validation failed, the token is expired.');
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud') {
        return refuse(`Invalid audience: this API accepts tokens for ${RESOURCES[need.audience]}.`);
      }
      return refuse('Access token validation failure. Invalid audience, issuer or signature.');
    }
    if (payload.xms_gen !== generation)
      return refuse('Lifetime validation failed, the token is expired.');
    const granted = new Set((typeof payload.scp === 'string' ? payload.scp : '').split(' '));
    const missing = need.scopes.find((anyOf) => !anyOf.some((s) => granted.has(s)));
    if (missing) {
      return {
        ok: false,
        status: 403,
        code: 'Forbidden',
        message: `Missing scope permissions on the request. API requires one of '${missing.join(', ')}'.`,
      };
    }
    const persona = findPersona(typeof payload.upn === 'string' ? payload.upn : '');
    if (!persona) return refuse(`No user '${String(payload.upn)}' in this tenant.`);
    return { ok: true, persona };
  };

  async function handle(request: Request): Promise<Response | undefined> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path.startsWith('/_test/') && request.method === 'POST') {
      if (path === '/_test/expire-tokens') {
        generation += 1;
        return new Response(null, { status: 204 });
      }
      if (path === '/_test/revoke-sessions') {
        generation += 1;
        refreshTokens.clear();
        return new Response(null, { status: 204 });
      }
      if (path === '/_test/stall-silent-sign-in') {
        const count = wholeParam(url, 'count', 1);
        if (typeof count === 'string') return controlError(count);
        stallSilent = count;
        return new Response(null, { status: 204 });
      }
      if (path === '/_test/throttle') {
        const count = wholeParam(url, 'count', 1);
        const seconds = wholeParam(url, 'retryAfter', 1);
        if (typeof count === 'string') return controlError(count);
        if (typeof seconds === 'string') return controlError(seconds);
        throttleNext = count;
        throttleSeconds = seconds;
        return new Response(null, { status: 204 });
      }
      return undefined;
    }
    if (!path.startsWith(`/${tenantId}/`)) return undefined;
    const rest = path.slice(tenantId.length + 1);
    if (rest === '/v2.0/.well-known/openid-configuration') return configuration();
    if (rest === '/discovery/v2.0/keys') return json({ keys: [jwk] });
    if (rest === '/oauth2/v2.0/authorize' && request.method === 'GET') return authorize(url);
    if (rest === '/oauth2/v2.0/token' && request.method === 'POST') return token(request);
    if (rest === '/oauth2/v2.0/logout') {
      const back = url.searchParams.get('post_logout_redirect_uri');
      return back
        ? new Response(null, { status: 302, headers: { Location: back } })
        : html('<p>You signed out of your account.</p>');
    }
    return undefined;
  }

  function throttle(request: Request): Response | undefined {
    if (throttleNext <= 0 || !/\/v1\.0\//.test(new URL(request.url).pathname)) return undefined;
    throttleNext -= 1;
    return new Response(
      JSON.stringify({
        error: {
          code: 'TooManyRequests',
          message: 'Too many requests. Retry after the time in Retry-After.',
        },
      }),
      {
        status: 429,
        headers: { 'Content-Type': 'application/json', 'Retry-After': String(throttleSeconds) },
      },
    );
  }

  return { authenticate, handle, throttle };
}
