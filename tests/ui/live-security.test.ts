/**
 * Live mode's security rules: the token goes only to the configured Graph and ARM origins (never
 * to the mock's routes, another host, or a next link pointing elsewhere), and the build's
 * Content-Security-Policy allows only those origins and the authority, which start-up checks
 * `config.json` against.
 */
import { http as route, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { enterLiveMode } from '@/api/config';
import { ApiError, http } from '@/api/http';
import { getNextIncidents } from '@/api/incidents/incident-pages';
import { setTokenProvider, type TokenRequest } from '@/api/session-store';
import { cspAllowsConnect, liveContentSecurityPolicy } from '@/app/live/content-security-policy';
import { checkContentSecurityPolicy, resolveLiveConfig } from '@/app/live/live-config';
import { setupMockServer } from './mock-server';
import { buildStore, makeIncident } from './test-store';

const { server } = setupMockServer(buildStore([makeIncident()]));

const GRAPH = 'https://graph.contoso.example';
const ARM = 'https://arm.contoso.example';

let asked: TokenRequest[] = [];
let sent: { url: string; authorization: string | null }[] = [];

beforeEach(() => {
  asked = [];
  sent = [];
  enterLiveMode({ graphBase: GRAPH, armBase: ARM, workspaces: [] });
  setTokenProvider({
    getToken: (r) => (asked.push(r), `token-for-${r.service}`),
    refreshable: false,
  });
  onTestFinished(() => setTokenProvider(undefined));
  server.use(
    route.all('*', ({ request }) => {
      sent.push({ url: request.url, authorization: request.headers.get('Authorization') });
      return HttpResponse.json({ value: [] });
    }),
  );
});

async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('live mode: where the token goes', () => {
  it("sends each service's own token to the configured Graph and ARM only", async () => {
    await http('/security/incidents');
    await http(`${ARM}/subscriptions/s/providers/x?api-version=1`);
    expect(sent).toEqual([
      { url: `${GRAPH}/v1.0/security/incidents`, authorization: 'Bearer token-for-graph' },
      {
        url: `${ARM}/subscriptions/s/providers/x?api-version=1`,
        authorization: 'Bearer token-for-arm',
      },
    ]);
  });

  it("refuses, before asking for a token, Microsoft's default Graph, the mock's routes and other hosts", async () => {
    for (const url of [
      'https://graph.microsoft.com/v1.0/security/incidents',
      `${GRAPH}/mock/v1/personas`,
      `${GRAPH}/v1.0/../mock/v1/personas`,
      `${ARM}/providers/elsewhere`,
      'https://evil.example/v1.0/security/incidents',
    ]) {
      expect((await refusal(http(url))).code).toBe('UntrustedUrl');
    }
    expect(asked).toEqual([]);
    expect(sent).toEqual([]);
  });

  it('follows a next link only on the configured Graph', async () => {
    await getNextIncidents(`${GRAPH}/v1.0/security/incidents?$skip=50`);
    expect(sent.map((s) => s.url)).toEqual([`${GRAPH}/v1.0/security/incidents?$skip=50`]);
    const error = await refusal(
      getNextIncidents('https://graph.microsoft.com/v1.0/security/incidents?$skip=50'),
    );
    expect(error.message).toContain('is not a Graph address');
    expect(sent).toHaveLength(1);
    expect(asked).toHaveLength(1);
  });
});

describe("the live build's Content-Security-Policy", () => {
  const policy = liveContentSecurityPolicy({
    graphBase: GRAPH,
    armBase: ARM,
    authority: 'https://login.contoso.example/tenant',
  });

  it('allows requests only to the app, Graph, ARM and the authority, and no inline script', () => {
    expect(policy).toContain(`connect-src 'self' ${GRAPH} ${ARM} https://login.contoso.example;`);
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("frame-src 'self' https://login.contoso.example;");
    expect(policy).toContain("object-src 'none'");
    expect(cspAllowsConnect(policy, `${GRAPH}/v1.0/x`)).toBe(true);
    expect(cspAllowsConnect(policy, 'https://graph.microsoft.com/v1.0/x')).toBe(false);
  });

  it('stops start-up, naming it, when config.json points at an origin the policy does not allow', () => {
    const built = { tenantId: 't', clientId: 'c', graphBase: GRAPH, armBase: ARM };
    const allowed = resolveLiveConfig(built, { authority: 'https://login.contoso.example/t2' });
    expect(() => checkContentSecurityPolicy(allowed, policy)).not.toThrow();
    const elsewhere = resolveLiveConfig(built, { graphBase: 'https://graph.fabrikam.example' });
    expect(() => checkContentSecurityPolicy(elsewhere, policy)).toThrow(
      "The Graph base URL (https://graph.fabrikam.example) is not allowed by this build's Content-Security-Policy.",
    );
    // Without a policy in the page (the mock build, or one served as a header) nothing is checked.
    expect(() => checkContentSecurityPolicy(elsewhere, undefined)).not.toThrow();
  });
});
