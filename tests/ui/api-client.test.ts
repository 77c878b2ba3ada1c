import { http as route, HttpResponse } from 'msw';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { waitForBackend } from '@/api/backend-ready';
import { ApiError, http } from '@/api/http';
import {
  buildIncidentsQuery,
  forgetRefusedExpand,
  getIncidents,
} from '@/api/incidents/incidents-api';
import { setSessionUpn } from '@/api/session-store';
import { setupMockServer } from './mock-server';
import { buildStore, makeIncident } from './test-store';

const { server } = setupMockServer(buildStore([makeIncident()]));

/** The ApiError a call fails with (fails the test if it resolves or throws something else). */
async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('buildIncidentsQuery', () => {
  it('writes OData options with literal $ names and %20 for spaces', () => {
    expect(
      buildIncidentsQuery({
        filter: "status eq 'active' or status eq 'inProgress'",
        orderby: 'lastUpdateDateTime desc',
        top: 50,
        skip: 100,
        count: true,
      }),
    ).toBe(
      "?$filter=status%20eq%20'active'%20or%20status%20eq%20'inProgress'" +
        '&$orderby=lastUpdateDateTime%20desc&$top=50&$skip=100&$count=true',
    );
  });

  it('keeps lambda operators readable and escapes what must be escaped', () => {
    expect(
      buildIncidentsQuery({
        filter:
          "alerts/any(a:a/serviceSource eq 'microsoftDefenderForEndpoint') and contains(displayName,'a&b')",
      }),
    ).toBe(
      "?$filter=alerts/any(a:a/serviceSource%20eq%20'microsoftDefenderForEndpoint')%20and%20contains(displayName%2C'a%26b')",
    );
  });

  it('leaves out what is not set, and skip 0', () => {
    expect(buildIncidentsQuery({})).toBe('');
    expect(buildIncidentsQuery({ filter: ' ', skip: 0, count: false, top: 10 })).toBe('?$top=10');
  });
});

describe('http', () => {
  it('sends the persona as a bearer token', async () => {
    setSessionUpn('endpoint.analyst@contoso.com');
    let seen: string | null = null;
    server.use(
      route.get('*/v1.0/security/incidents', ({ request }) => {
        seen = request.headers.get('authorization');
        return HttpResponse.json({ value: [] });
      }),
    );
    await getIncidents({ top: 1 });
    expect(seen).toBe('Bearer mock.endpoint.analyst@contoso.com');
  });

  it("turns Graph's error envelope into an ApiError", async () => {
    const error = await failure(getIncidents({ top: 51 }));
    expect(error.status).toBe(400);
    // Real Graph sends an empty code here (SPEC.md §3.1); the message says what was wrong.
    expect(error.code).toBe('');
    expect(error.message).toContain("The limit of '50' for Top query has been exceeded");
    expect(error.requestId).toMatch(/\S/);
  });

  it('names an unauthenticated request (401) with the server message', async () => {
    setSessionUpn('nobody@contoso.com');
    const error = await failure(getIncidents({}));
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/nobody@contoso\.com/);
  });

  it('reports a body that is not JSON', async () => {
    server.use(route.get('*/v1.0/nonjson', () => new HttpResponse('<html>', { status: 502 })));
    const error = await failure(http('/nonjson'));
    expect(error).toMatchObject({ status: 502, code: 'InvalidResponse' });
    expect(error.message).toContain('not JSON');
  });

  it('reports an error without an envelope by its status', async () => {
    server.use(route.get('*/v1.0/bare', () => HttpResponse.json({ oops: true }, { status: 502 })));
    expect(await failure(http('/bare'))).toMatchObject({ status: 502, code: 'UnknownError' });
  });

  it('reports a network failure', async () => {
    server.use(route.get('*/v1.0/down', () => HttpResponse.error()));
    expect(await failure(http('/down'))).toMatchObject({ status: 0, code: 'NetworkError' });
  });

  it('returns nothing for 204', async () => {
    server.use(route.post('*/v1.0/empty', () => new HttpResponse(null, { status: 204 })));
    await expect(http('/empty', { method: 'POST' })).resolves.toBeUndefined();
  });
});

describe('before the demo backend is ready', () => {
  it('a request waits for it, then is answered, rather than failing', async () => {
    let seen = 0;
    server.events.on('request:start', () => void seen++);
    let open!: () => void;
    waitForBackend(new Promise<void>((resolve) => (open = resolve)));
    try {
      const call = http<{ value: unknown[] }>('/security/incidents');
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(seen).toBe(0);
      open();
      await expect(call).resolves.toHaveProperty('value');
      expect(seen).toBe(1);
    } finally {
      server.events.removeAllListeners('request:start');
      waitForBackend(Promise.resolve());
    }
  });

  it('once it is, a request is sent at once, before the caller goes on with its own work', async () => {
    const ready = Promise.resolve();
    waitForBackend(ready);
    await ready;
    await Promise.resolve();
    const fetched = vi.spyOn(globalThis, 'fetch');
    // A queue prefetches a new view's page in the analyst's event handler, then renders the
    // change there: the request must be on its way before that rendering, not after it.
    const call = http<{ value: unknown[] }>('/security/incidents');
    expect(fetched).toHaveBeenCalledTimes(1);
    await expect(call).resolves.toHaveProperty('value');
  });

  it('a backend that failed to start lets requests through to fail on their own', async () => {
    waitForBackend(Promise.reject(new Error('no service worker')));
    try {
      await expect(http('/security/incidents')).resolves.toHaveProperty('value');
    } finally {
      waitForBackend(Promise.resolve());
    }
  });
});

describe('nested $expand', () => {
  it('falls back to plain $expand=alerts after a 400, and keeps to it for the session', async () => {
    onTestFinished(forgetRefusedExpand);
    const seen: string[] = [];
    server.use(
      route.get('*/v1.0/security/incidents', ({ request }) => {
        const expand = new URL(request.url).searchParams.get('$expand') ?? '';
        seen.push(expand);
        if (expand.includes('(')) {
          return HttpResponse.json(
            { error: { code: 'BadRequest', message: "Query option '$select' is not allowed." } },
            { status: 400 },
          );
        }
        return HttpResponse.json({ value: [] });
      }),
    );
    await getIncidents({ top: 1, expand: 'alerts($select=id,title)' });
    await getIncidents({ top: 1, expand: 'alerts($select=id,title)' });
    expect(seen).toEqual(['alerts($select=id,title)', 'alerts', 'alerts']);
  });
});
