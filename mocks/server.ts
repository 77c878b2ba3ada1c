/**
 * The mock as a real HTTP server on loopback (`npm run mock:serve`), for SDKs, curl and a client
 * on another origin. Same handlers as the browser and tests; msw's `getResponse` answers each
 * request. Unmatched routes get Graph's 404 envelope; CORS is open so any origin may call it.
 */
import { randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getResponse, type HttpHandler } from 'msw';
import { createHandlers } from './handlers';
import { DEFAULT_SEED, type MockRuntime } from './runtime';
import { openFileStore, type FileStore } from './store/file-persistence';
import { IncidentStore } from './store/incident-store';
import { DEFAULT_PERSONA_UPN } from './store/personas';
import { generateSeed } from './store/seed';
import type { SeedSize } from './store/types';

export const DEFAULT_PORT = 4010;
const HOST = '127.0.0.1';

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  // A browser client must be able to read these, or it cannot send If-Match or follow paging.
  'Access-Control-Expose-Headers':
    'ETag, Location, request-id, client-request-id, Preference-Applied, Retry-After',
};

const PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, If-Match, If-None-Match, Prefer, ConsistencyLevel, client-request-id',
  'Access-Control-Max-Age': '600',
};

/** Hop-by-hop headers belong to this connection, not to the fetch Request/Response. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'host',
]);

export type ServerOptions = {
  /** 0 picks a free port. */
  port: number;
  /** JSON file to load from and save to; in memory when absent. */
  dataFile?: string;
  size: SeedSize;
  seed: number;
  /** The seed's "now"; by default today at 00:00 UTC. */
  now?: Date;
  /** Handlers tried before the mock's own (tests use them to exercise the HTTP plumbing). */
  extraHandlers?: HttpHandler[];
};

export type RunningServer = {
  /** e.g. http://127.0.0.1:4010 */
  url: string;
  port: number;
  runtime: MockRuntime;
  /** Why stored data was replaced by the seed, when it was. */
  notice?: string;
  /** True when the data came from `dataFile`. */
  loadedFromFile: boolean;
  /** Stops accepting requests, drops idle connections and writes pending changes. */
  close(): Promise<void>;
};

function startOfToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Graph's error envelope, as a fetch Response. */
function graphError(status: number, code: string, message: string): Response {
  const requestId = randomUUID();
  const body = {
    error: {
      code,
      message,
      innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': requestId },
    },
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'request-id': requestId },
  });
}

async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (chunks.length > 0) body = Uint8Array.from(Buffer.concat(chunks));
  }
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    ...(body ? { body } : {}),
  });
}

async function writeResponse(res: ServerResponse, response: Response, head: boolean) {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && !HOP_BY_HOP.has(name)) headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  for (const [name, value] of Object.entries(CORS_HEADERS)) headers[name.toLowerCase()] = value;
  const body = head ? undefined : Buffer.from(await response.arrayBuffer());
  if (body) headers['content-length'] = String(body.length);
  res.writeHead(response.status, response.statusText || undefined, headers);
  res.end(body);
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  handlers: HttpHandler[],
  origin: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
    res.writeHead(204, PREFLIGHT_HEADERS);
    res.end();
    return;
  }
  const request = await toFetchRequest(req, origin);
  let response: Response | undefined;
  try {
    response = await getResponse(handlers, request);
  } catch (error) {
    console.error(`[mock] ${method} ${req.url} failed:`, error);
    response = graphError(500, 'InternalServerError', 'The mock failed to handle the request.');
  }
  if (response?.type === 'error') {
    // HttpResponse.error(): a network failure, as the client would see it.
    req.socket.destroy();
    return;
  }
  const { pathname } = new URL(request.url);
  await writeResponse(
    res,
    response ?? graphError(404, 'NotFound', `No route for ${method} ${pathname}`),
    method === 'HEAD',
  );
}

/** Starts the mock Graph API on 127.0.0.1. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { size, seed } = options;
  const now = options.now ?? startOfToday();
  let fileStore: FileStore | undefined;
  let runtime: MockRuntime;
  if (options.dataFile) {
    const opened = await openFileStore({ file: options.dataFile, seed, size, seedNow: () => now });
    fileStore = opened;
    runtime = { store: opened.store, seed: { seed, size }, reset: () => opened.reset() };
  } else {
    const store = new IncidentStore(generateSeed({ seed, size, now }));
    runtime = {
      store,
      seed: { seed, size },
      reset: () => Promise.resolve(store.replaceState(generateSeed({ seed, size, now }))),
    };
  }

  const handlers = [...(options.extraHandlers ?? []), ...createHandlers(runtime)];
  let origin = '';
  const server = createServer((req, res) => {
    handle(req, res, handlers, origin).catch((error: unknown) => {
      console.error('[mock] request failed:', error);
      if (!res.headersSent) res.writeHead(500, CORS_HEADERS);
      res.end();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await fileStore?.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  origin = `http://${HOST}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    port,
    runtime,
    ...(fileStore?.notice ? { notice: fileStore.notice } : {}),
    loadedFromFile: fileStore?.loadedFromFile ?? false,
    close: () =>
      (closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await fileStore?.close();
      })()),
  };
}

// ---------------------------------------------------------------- command line

const USAGE = `Usage: npm run mock:serve -- [options]

Serves the mock Microsoft Graph security API (and the Sentinel relations and mock/v1 extras)
on http://${HOST}:${DEFAULT_PORT}.

Options:
  --port N          port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --data FILE       load the demo data from FILE and save every change to it
                    (seeded, and created, when FILE is missing or unreadable)
  --size SIZE       default (500 incidents) or large (10,000 incidents)
  --seed N          seed of the generated demo data (default ${DEFAULT_SEED})
  --help            show this help
`;

type CliOptions = { port: number; dataFile?: string; size: SeedSize; seed: number };

function parseCli(argv: string[]): CliOptions | { help: true } | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        data: { type: 'string' },
        size: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { help: true };
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    return { error: `--port must be a number from 0 to 65535, not "${values.port}"` };
  }
  const size = values.size ?? 'default';
  if (size !== 'default' && size !== 'large') {
    return { error: `--size must be "default" or "large", not "${size}"` };
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isSafeInteger(seed))
    return { error: `--seed must be an integer, not "${values.seed}"` };
  return { port, size, seed, ...(values.data ? { dataFile: values.data } : {}) };
}

async function main(argv: string[]): Promise<void> {
  const parsed = parseCli(argv);
  if ('help' in parsed) {
    process.stdout.write(USAGE);
    return;
  }
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const server = await startServer(parsed);
  if (server.notice) process.stderr.write(`${server.notice}\n`);
  else if (parsed.dataFile && !server.loadedFromFile) {
    process.stderr.write(
      `${parsed.dataFile} did not exist; it now holds freshly seeded demo data.\n`,
    );
  }
  const { store } = server.runtime;
  const counts = `${store.incidents().length} incidents, ${store.alerts().length} alerts`;
  process.stdout.write(
    [
      `Mock Graph API listening on ${server.url} (${counts})`,
      parsed.dataFile
        ? `Data: ${parsed.dataFile} (saved after every change)`
        : 'Data: in memory (pass --data FILE to keep changes)',
      `Try:  curl -H 'Authorization: Bearer mock.${DEFAULT_PERSONA_UPN}' '${server.url}/v1.0/security/incidents?$top=5'`,
      '',
    ].join('\n'),
  );

  const shutdown = (signal: string) => {
    process.stdout.write(`\n${signal}: saving and stopping…\n`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
