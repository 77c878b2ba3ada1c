/**
 * The loopback HTTP server (`npm run mock:serve`): Node ⇄ fetch plumbing, Graph's 404 envelope,
 * CORS, `--data` persistence and the command line. Route behaviour is tested through msw/node in
 * the other contract tests; here a few extra handlers stand in for routes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_NOW } from '@mocks/test-runtime';
import { startServer, type RunningServer } from '@mocks/server';
import { ok } from '@mocks/store/incident-store';
import type { StoreState } from '@mocks/store/types';

const extraHandlers = [
  http.get('*/test/unauthorized', () =>
    HttpResponse.json(
      { error: { code: 'Unauthorized', message: 'No bearer token.' } },
      { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } },
    ),
  ),
  http.post('*/test/echo', async ({ request }) =>
    HttpResponse.json(
      {
        url: request.url,
        authorization: request.headers.get('authorization'),
        ifMatch: request.headers.get('if-match'),
        body: await request.json(),
      },
      { status: 201, headers: { ETag: 'W/"3"', Location: '/test/echo/1' } },
    ),
  ),
  http.delete('*/test/empty', () => new HttpResponse(null, { status: 204 })),
  http.get('*/test/throws', () => {
    throw new Error('boom');
  }),
];

describe('mock HTTP server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, size: 'default', seed: 1, now: TEST_NOW, extraHandlers });
  });
  afterAll(() => server.close());

  it('listens on a loopback port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
    expect(server.runtime.store.incidents().length).toBeGreaterThan(0);
  });

  it("answers an unknown route with Graph's 404 envelope", async () => {
    const res = await fetch(`${server.url}/v1.0/security/nothing-here?$top=5`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as {
      error: { code: string; message: string; innerError: Record<string, string> };
    };
    expect(body.error.code).toBe('NotFound');
    expect(body.error.message).toBe('No route for GET /v1.0/security/nothing-here');
    expect(body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('request-id')).toBe(body.error.innerError['request-id']);
  });

  it("answers an unknown Sentinel route, or a long Sentinel URL, in ARM's envelope", async () => {
    const workspace =
      '/subscriptions/d3b07384-d9a0-4c3f-8b1e-5a6f2c7e9b14/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel/providers/Microsoft.SecurityInsights';
    const unknown = await fetch(`${server.url}${workspace}/bookmarks?api-version=2024-03-01`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: {
        code: 'NotFound',
        message: `No route for GET ${workspace}/bookmarks`,
      },
    });
    const long = await fetch(`${server.url}${workspace}/incidents?$filter=${'x'.repeat(9000)}`);
    expect(long.status).toBe(414);
    const body = (await long.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
    expect(body.error.code).toBe('RequestUriTooLong');
  });

  it('answers a CORS preflight so a browser client on another origin may call it', async () => {
    const res = await fetch(`${server.url}/v1.0/security/incidents/1`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:3000',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization,content-type,if-match,prefer',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['authorization', 'content-type', 'if-match', 'prefer']) {
      expect(allowed).toContain(h);
    }
  });

  it('passes status codes, headers and bodies through both ways', async () => {
    const unauthorized = await fetch(`${server.url}/test/unauthorized`);
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('www-authenticate')).toBe('Bearer');
    expect(unauthorized.headers.get('access-control-allow-origin')).toBe('*');
    expect(await unauthorized.json()).toEqual({
      error: { code: 'Unauthorized', message: 'No bearer token.' },
    });

    const echo = await fetch(`${server.url}/test/echo?x=1`, {
      method: 'POST',
      headers: {
        Authorization: 'Bearer mock.analyst@contoso.com',
        'Content-Type': 'application/json',
        'If-Match': 'W/"2"',
      },
      body: JSON.stringify({ comment: 'Ça marche — ünïcode' }),
    });
    expect(echo.status).toBe(201);
    expect(echo.headers.get('etag')).toBe('W/"3"');
    expect(echo.headers.get('access-control-expose-headers')).toContain('ETag');
    expect(await echo.json()).toEqual({
      url: `${server.url}/test/echo?x=1`,
      authorization: 'Bearer mock.analyst@contoso.com',
      ifMatch: 'W/"2"',
      body: { comment: 'Ça marche — ünïcode' },
    });

    const empty = await fetch(`${server.url}/test/empty`, { method: 'DELETE' });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
  });

  type Envelope = {
    error: { code: string; message: string; innerError: { date: string; 'request-id': string } };
  };

  /** Sends bytes as they are on a raw socket and reads the answer until the server closes. */
  async function rawExchange(request: string) {
    const socket = connect(server.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.write(request);
    await once(socket, 'close');
    const text = Buffer.concat(chunks).toString('utf8');
    const [head = '', body = ''] = text.split('\r\n\r\n');
    const [statusLine = '', ...headerLines] = head.split('\r\n');
    const headers = new Map(
      headerLines.map((line) => {
        const at = line.indexOf(':');
        return [line.slice(0, at).toLowerCase(), line.slice(at + 1).trim()] as const;
      }),
    );
    return { statusLine, headers, body: JSON.parse(body) as Envelope };
  }

  const expectEnvelope = (body: Envelope, code: string) => {
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(/too (long|large)/);
    expect(body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    expect(body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  };

  it("answers a request line past Node's limit with 414 in Graph's envelope", async () => {
    const url = `/v1.0/security/incidents?$filter=${'a'.repeat(20_000)}`;
    const res = await rawExchange(`GET ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    expect(res.statusLine).toBe('HTTP/1.1 414 URI Too Long');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expectEnvelope(res.body, 'RequestUriTooLong');
    expect(res.headers.get('request-id')).toBe(res.body.error.innerError['request-id']);
  });

  it("answers headers past Node's limit with 431 in Graph's envelope", async () => {
    const headers = Array.from({ length: 20 }, (_, i) => `X-Padding-${i}: ${'b'.repeat(1000)}`);
    const res = await rawExchange(
      `GET /v1.0/security/incidents HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers.join('\r\n')}\r\n\r\n`,
    );
    expect(res.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(res.headers.get('content-type')).toBe('application/json');
    expectEnvelope(res.body, 'RequestHeaderFieldsTooLarge');
  });

  it('refuses a URL longer than 8 KB with 414 even when Node would parse it', async () => {
    const res = await fetch(`${server.url}/v1.0/security/incidents?$filter=${'c'.repeat(10_000)}`, {
      headers: { Authorization: 'Bearer mock.analyst@contoso.com' },
    });
    expect(res.status).toBe(414);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expectEnvelope((await res.json()) as Envelope, 'RequestUriTooLong');
  });

  it("turns a handler's crash into Graph's 500 envelope", async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await fetch(`${server.url}/test/throws`);
    expect(logged).toHaveBeenCalled();
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'InternalServerError',
    );
  });
});

describe('mock HTTP server with --data', () => {
  let dir: string;
  const running: RunningServer[] = [];
  const start = async (dataFile: string) => {
    const s = await startServer({ port: 0, size: 'default', seed: 1, now: TEST_NOW, dataFile });
    running.push(s);
    return s;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mock-server-'));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.close()));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('saves changes to the file and loads them after a restart', async () => {
    const file = join(dir, 'restart.json');
    const first = await start(file);
    expect(first.loadedFromFile).toBe(false);
    const { store } = first.runtime;
    const id = store.incidents()[0]?.id ?? '';
    store.transact('analyst@contoso.com', (tx) => {
      tx.editIncident(id).displayName = 'Renamed over HTTP';
      return ok(null);
    });
    const before = store.snapshot();
    await first.close(); // folds the journal into the file

    const saved = JSON.parse(await readFile(file, 'utf8')) as StoreState;
    expect(saved.incidents[id]?.displayName).toBe('Renamed over HTTP');
    const second = await start(file);
    expect(second.loadedFromFile).toBe(true);
    expect(second.notice).toBeUndefined();
    expect(second.runtime.store.snapshot()).toEqual(before);

    await second.runtime.reset();
    const reseeded = JSON.parse(await readFile(file, 'utf8')) as StoreState;
    expect(reseeded.incidents[id]?.displayName).not.toBe('Renamed over HTTP');
  });

  it('starts from the seed, with a notice, when the file is unreadable', async () => {
    const file = join(dir, 'corrupt.json');
    await writeFile(file, 'not json');
    const s = await start(file);
    expect(s.notice).toContain('Stored demo data was unreadable (the file is not valid JSON)');
    expect(s.runtime.store.incidents().length).toBeGreaterThan(0);
  });
});

describe('npm run mock:serve', () => {
  let dir: string;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mock-cli-'));
  });
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Runs the CLI as `npm run mock:serve` does (`tsx mocks/server.ts`). */
  function cli(args: string[]) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'mocks/server.ts', ...args], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    return { child, exited, out: () => stdout, err: () => stderr };
  }

  it('prints where it listens, serves, and saves on SIGTERM', async () => {
    const file = join(dir, 'cli.json');
    const run = cli(['--port', '0', '--data', file]);
    const line = await new Promise<RegExpMatchArray>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = run
          .out()
          .match(
            /Mock Graph API listening on (http:\/\/127\.0\.0\.1:\d+) \((\d+) incidents, (\d+) alerts\)/,
          );
        if (m) {
          clearInterval(timer);
          resolve(m);
        } else if (run.child.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`exited early: ${run.err()}`));
        }
      }, 50);
    });
    expect(run.out()).toContain("curl -H 'Authorization: Bearer mock.");
    expect(run.out()).toContain(
      `Data: ${file} (every acknowledged write is fsynced to ${file}.journal.* before it is answered)`,
    );
    expect(run.err()).toContain('did not exist');
    const url = line[1] ?? '';
    expect((await fetch(`${url}/nope`)).status).toBe(404);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const saved = JSON.parse(await readFile(file, 'utf8')) as StoreState;
    expect(Object.keys(saved.incidents)).toHaveLength(Number(line[2]));
    expect(Object.keys(saved.alerts)).toHaveLength(Number(line[3]));
  });

  it('explains its options with --help and refuses bad ones', async () => {
    const help = cli(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.out()).toContain('--data FILE');

    const bad = cli(['--size', 'huge']);
    expect(await bad.exited).toBe(2);
    expect(bad.err()).toContain('--size must be "default" or "large", not "huge"');
  });
});
