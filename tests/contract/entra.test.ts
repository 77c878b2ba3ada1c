/**
 * `mock:serve --auth entra`: the fake Entra ID (authorization code with PKCE, refresh, JWKS) and
 * the API accepting only its JWTs, with issuer, audience, expiry and scopes checked and the
 * persona taken from the token's UPN.
 */
import { createHash, randomBytes } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '@mocks/server';

const TENANT = 'contoso.onmicrosoft.com';
const CLIENT = 'console-app';
const REDIRECT = 'http://127.0.0.1:4999/';
const GRAPH = [
  'https://graph.microsoft.com/SecurityIncident.ReadWrite.All',
  'https://graph.microsoft.com/SecurityAlert.ReadWrite.All',
];
const ARM = ['https://management.azure.com/user_impersonation'];

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({
    port: 0,
    size: 'default',
    seed: 1,
    entra: { tenantId: TENANT, clientId: CLIENT },
  });
});
afterAll(() => server.close());

type Answer = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

/** An HTTPS call that trusts the server's self-signed certificate (and nothing else). */
function call(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpsRequest(
      new URL(path, server.url),
      { method: init.method ?? 'GET', headers: init.headers, ca: server.certificate },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const base64url = (b: Buffer) => b.toString('base64url');

/** Runs authorize (choosing `upn` on the sign-in page) and returns the code and the verifier. */
async function authorize(upn: string, scopes = ['openid', 'profile', 'offline_access', ...GRAPH]) {
  const verifier = base64url(randomBytes(32));
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const query = new URLSearchParams({
    client_id: CLIENT,
    redirect_uri: REDIRECT,
    response_type: 'code',
    response_mode: 'fragment',
    scope: scopes.join(' '),
    state: 'st',
    nonce: 'n0',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const page = await call(`/${TENANT}/oauth2/v2.0/authorize?${query}`);
  expect(page.status).toBe(200);
  const link = new RegExp(`href="([^"]+)"[^>]*>[^<]*<small>${upn.replace('.', '\\.')}<`).exec(
    page.body,
  );
  expect(link, `the sign-in page lists ${upn}`).not.toBeNull();
  const picked = await call(link![1]!.replace(/&#38;/g, '&'));
  expect(picked.status).toBe(302);
  const location = new URL(String(picked.headers.location));
  expect(location.origin + location.pathname).toBe(REDIRECT);
  const answer = new URLSearchParams(location.hash.slice(1));
  expect(answer.get('state')).toBe('st');
  return { code: answer.get('code')!, verifier, scopes };
}

async function token(form: Record<string, string>) {
  const answer = await call(`/${TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: CLIENT, ...form }).toString(),
  });
  return { status: answer.status, body: JSON.parse(answer.body) as Record<string, string> };
}

async function signIn(upn: string) {
  const { code, verifier, scopes } = await authorize(upn);
  const answer = await token({
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: REDIRECT,
    scope: scopes.join(' '),
  });
  expect(answer.status).toBe(200);
  return answer.body;
}

/** A refresh-token grant for `scopes` (Graph's by default). */
const renew = (refreshToken: string, scopes: readonly string[] = GRAPH) =>
  token({ grant_type: 'refresh_token', refresh_token: refreshToken, scope: scopes.join(' ') });

const incidents = (accessToken: string) =>
  call('/v1.0/security/incidents?$top=1', { headers: { Authorization: `Bearer ${accessToken}` } });

describe('mock:serve --auth entra', () => {
  it('publishes an OpenID configuration and the keys its tokens are signed with', async () => {
    const config = JSON.parse(
      (await call(`/${TENANT}/v2.0/.well-known/openid-configuration`)).body,
    ) as Record<string, string>;
    expect(config.issuer).toBe(`${server.url}/${TENANT}/v2.0`);
    expect(config.token_endpoint).toBe(`${server.url}/${TENANT}/oauth2/v2.0/token`);
    const keys = JSON.parse((await call(new URL(config.jwks_uri!).pathname)).body) as {
      keys: { kty: string }[];
    };
    expect(keys.keys[0]?.kty).toBe('RSA');
  });

  it('signs a persona in with code + PKCE; the API serves them with the token', async () => {
    const tokens = await signIn('analyst@contoso.com');
    expect(tokens.id_token).toBeTruthy();
    expect(tokens.refresh_token).toBeTruthy();
    const answer = await incidents(tokens.access_token!);
    expect(answer.body).toContain('"value"');
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });

  it('refuses a code exchanged with the wrong verifier, and a code used twice', async () => {
    const { code, verifier } = await authorize('analyst@contoso.com');
    const wrong = await token({
      grant_type: 'authorization_code',
      code,
      code_verifier: `${verifier}x`,
      redirect_uri: REDIRECT,
    });
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const again = await token({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
    });
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it("refuses mock.<upn> tokens, forged signatures and another resource's token", async () => {
    expect((await incidents('mock.analyst@contoso.com')).status).toBe(401);
    const tokens = await signIn('analyst@contoso.com');
    const [head, body] = tokens.access_token!.split('.');
    expect((await incidents(`${head}.${body}.${base64url(randomBytes(256))}`)).status).toBe(401);
    const arm = await renew(tokens.refresh_token!, ARM);
    expect(arm.status).toBe(200);
    const refused = await incidents(arm.body.access_token!);
    expect(refused.status).toBe(401);
    expect(refused.body).toContain('Invalid audience');
  });

  it('refuses a write to a token without the ReadWrite scope (403)', async () => {
    const { code, verifier } = await authorize('analyst@contoso.com', [
      'openid',
      'https://graph.microsoft.com/SecurityIncident.Read.All',
    ]);
    const read = await token({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
    });
    const auth = { Authorization: `Bearer ${read.body.access_token}` };
    expect((await incidents(read.body.access_token!)).status).toBe(200);
    const id = (
      JSON.parse((await incidents(read.body.access_token!)).body) as { value: { id: string }[] }
    ).value[0]!.id;
    const patch = await call(`/v1.0/security/incidents/${id}`, {
      method: 'PATCH',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'inProgress' }),
    });
    expect(patch.status).toBe(403);
    expect(patch.body).toContain('SecurityIncident.ReadWrite.All');
  });

  it('takes the persona from the token: a reader cannot change incidents', async () => {
    const tokens = await signIn('reader@contoso.com');
    const id = (
      JSON.parse((await incidents(tokens.access_token!)).body) as { value: { id: string }[] }
    ).value[0]!.id;
    const patch = await call(`/v1.0/security/incidents/${id}`, {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${tokens.access_token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ status: 'inProgress' }),
    });
    expect(patch.status).toBe(403);
  });

  it('refuses expired tokens until renewed with the refresh token; revoked sessions cannot renew', async () => {
    const tokens = await signIn('analyst@contoso.com');
    expect((await call('/_test/expire-tokens', { method: 'POST' })).status).toBe(204);
    const expired = await incidents(tokens.access_token!);
    expect(expired.status).toBe(401);
    expect(String(expired.headers['www-authenticate'])).toContain('invalid_token');
    const renewed = await renew(tokens.refresh_token!);
    expect(renewed.status).toBe(200);
    expect((await incidents(renewed.body.access_token!)).status).toBe(200);

    await call('/_test/revoke-sessions', { method: 'POST' });
    const again = await renew(renewed.body.refresh_token!);
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('revokes the refresh token of a grant still being answered when the sessions are revoked', async () => {
    const tokens = await signIn('analyst@contoso.com');
    // The grant is held while its access token is signed (signing awaits): the revocation comes
    // then, after its refresh token was checked and before the answer.
    let signing: () => void = () => {};
    const reached = new Promise<void>((resolve) => (signing = resolve));
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sign = SignJWT.prototype.sign;
    const held = vi.spyOn(SignJWT.prototype, 'sign').mockImplementation(async function (
      this: SignJWT,
      ...args: Parameters<SignJWT['sign']>
    ) {
      signing();
      await gate;
      return sign.apply(this, args);
    });
    let answered: Awaited<ReturnType<typeof token>>;
    try {
      const grant = renew(tokens.refresh_token!);
      await reached;
      expect((await call('/_test/revoke-sessions', { method: 'POST' })).status).toBe(204);
      release();
      answered = await grant;
    } finally {
      held.mockRestore();
    }
    // Issued as the revocation came: answered, but its refresh token renews nothing.
    expect(answered.status).toBe(200);
    const renewal = await renew(answered.body.refresh_token!);
    expect(renewal).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('refuses a test control told a count or a wait it cannot use, naming it, and changes nothing', async () => {
    for (const [path, named] of [
      ['/_test/throttle?count=abc', "count must be a whole number of 0 or more; it was 'abc'."],
      [
        '/_test/throttle?count=1&retryAfter=-2',
        "retryAfter must be a whole number of 0 or more; it was '-2'.",
      ],
      [
        '/_test/stall-silent-sign-in?count=1.5',
        "count must be a whole number of 0 or more; it was '1.5'.",
      ],
      [
        '/_test/stall-silent-sign-in?count=',
        "count must be a whole number of 0 or more; it was ''.",
      ],
      ['/_test/throttle?count=1e3', "count must be a whole number of 0 or more; it was '1e3'."],
    ] as const) {
      const refused = await call(path, { method: 'POST' });
      expect(refused.status, path).toBe(400);
      expect(JSON.parse(refused.body), path).toEqual({
        error: { code: 'BadRequest', message: named },
      });
    }
    // Nothing was armed: the next request is answered, not throttled.
    const tokens = await signIn('analyst@contoso.com');
    expect((await incidents(tokens.access_token!)).status).toBe(200);
  });
});
