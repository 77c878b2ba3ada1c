/**
 * The mock as a real HTTP server on loopback (`npm run mock:serve`), for SDKs, curl and a client
 * on another origin. Same handlers as the browser and tests; msw's `getResponse` answers each
 * request. Unmatched routes get Graph's 404 envelope; CORS is open so any origin may call it.
 */
import { randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import {
  createServer as createHttpServer,
  maxHeaderSize,
  STATUS_CODES,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { getResponse, type HttpHandler } from 'msw';
import { generate as generateCertificate } from 'selfsigned';
import { createEntra, type Entra } from './entra';
import { createHandlers } from './handlers';
import { armError } from './handlers/arm-response';
import { isArm } from './respond';
import { DEFAULT_SEED, inMemoryOnly, type MockRuntime } from './runtime';
import { openFileStore, type FileStore } from './store/file-persistence';
import { IncidentStore } from './store/incident-store';
import { DEFAULT_PERSONA_UPN } from './store/personas';
import { generateSeed } from './store/seed/generate';
import type { SeedSize } from './store/types';

export const DEFAULT_PORT = 4010;
const HOST = '127.0.0.1';

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  // A browser client must be able to read these, or it cannot send If-Match or follow paging.
  'Access-Control-Expose-Headers':
    'ETag, Location, request-id, client-request-id, Preference-Applied, Retry-After, WWW-Authenticate',
};

const PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, If-Match, If-None-Match, Prefer, ConsistencyLevel, client-request-id',
  'Access-Control-Max-Age': '600',
};

/**
 * The longest request URL served. Graph's own front door refuses long URLs too; 8 KB keeps any
 * real query (a $filter over a page of ids) and refuses what only a mistake or an attack sends.
 */
export const MAX_URL_BYTES = 8 * 1024;

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
  /** With `dataFile`: journal bytes after which it is folded into the file (see file-persistence). */
  compactAfterBytes?: number;
  /**
   * `entra`: also play Entra ID for this tenant (mocks/entra.ts) over HTTPS with a self-signed
   * certificate (MSAL accepts only an https authority), and accept only its JWTs.
   */
  entra?: { tenantId: string; clientId?: string };
};

export type RunningServer = {
  /** e.g. http://127.0.0.1:4010 */
  url: string;
  port: number;
  runtime: MockRuntime;
  /** Why stored data was replaced by the seed, when it was. */
  notice?: string;
  /** With `entra`: the self-signed certificate (PEM) the server answers HTTPS with. */
  certificate?: string;
  /** True when the data came from `dataFile`. */
  loadedFromFile: boolean;
  /** Stops accepting requests, drops idle connections and writes pending changes. */
  close(): Promise<void>;
};

function startOfToday(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Graph's error envelope as JSON, and the request id it names. */
function graphErrorBody(code: string, message: string): { json: string; requestId: string } {
  const requestId = randomUUID();
  const body = {
    error: {
      code,
      message,
      innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': requestId },
    },
  };
  return { json: JSON.stringify(body), requestId };
}

/** Graph's error envelope, as a fetch Response. */
function graphError(status: number, code: string, message: string): Response {
  const { json, requestId } = graphErrorBody(code, message);
  return new Response(json, {
    status,
    headers: { 'Content-Type': 'application/json', 'request-id': requestId },
  });
}

/** An error in the envelope of the API the request was for: ARM's under `/subscriptions/`. */
function errorFor(url: URL, status: number, code: string, message: string): Response {
  return isArm(url) ? armError(status, code, message) : graphError(status, code, message);
}

type Refusal = { status: number; code: string; message: string };

/** The parser's error: Node adds the chunk it was reading and how far it got. */
type ParserError = NodeJS.ErrnoException & { rawPacket?: Buffer; bytesParsed?: number };

/**
 * What to answer a request Node's parser refused before any handler saw it. Node counts the
 * request line and the headers against one limit (`maxHeaderSize`, 16 KB unless configured), and
 * its error carries only the chunk it was parsing: when that chunk starts the request and the
 * limit was hit before its first line ended, the URL is what was too long. (A request line that
 * arrives in several packets and overflows in a later one is answered 431.)
 */
function parserRefusal(error: ParserError): Refusal {
  const limit = `${Math.round(maxHeaderSize / 1024)} KB`;
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW': {
      const parsed = error.rawPacket?.subarray(0, error.bytesParsed ?? 0);
      const startsRequest =
        parsed !== undefined && /^[A-Z]+ /.test(parsed.toString('latin1', 0, 16));
      return startsRequest && !parsed.includes('\r\n')
        ? {
            status: 414,
            code: 'RequestUriTooLong',
            message: `The request URL is too long: the request line and headers may take ${limit} together.`,
          }
        : {
            status: 431,
            code: 'RequestHeaderFieldsTooLarge',
            message: `The request headers are too large: the request line and headers may take ${limit} together.`,
          };
    }
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return {
        status: 413,
        code: 'RequestEntityTooLarge',
        message: 'The chunk extensions are too large.',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        code: 'RequestTimeout',
        message: 'The request took too long to arrive.',
      };
    default:
      return {
        status: 400,
        code: 'BadRequest',
        message: `The request is not valid HTTP (${error.code ?? error.message}).`,
      };
  }
}

/**
 * Node's 'clientError': answers in Graph's envelope, as a raw HTTP/1.1 response, where Node
 * would send a bare status line, then closes the connection (the parser cannot go on).
 */
function answerClientError(error: Error, socket: Socket): void {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const refusal = parserRefusal(error);
  const { json, requestId } = graphErrorBody(refusal.code, refusal.message);
  const head = [
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status] ?? ''}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(json)}`,
    `request-id: ${requestId}`,
    ...Object.entries(CORS_HEADERS).map(([name, value]) => `${name}: ${value}`),
    'Connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${json}`);
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
  entra: Entra | undefined,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (Buffer.byteLength(req.url ?? '') > MAX_URL_BYTES) {
    res.shouldKeepAlive = false;
    await writeResponse(
      res,
      errorFor(
        new URL(req.url ?? '/', origin),
        414,
        'RequestUriTooLong',
        `The request URL is too long: this server accepts at most ${MAX_URL_BYTES} bytes; shorten the query.`,
      ),
      method === 'HEAD',
    );
    return;
  }
  if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
    // Graph allows whatever headers a client asks for (MSAL adds its own x-client-* ones).
    const asked = req.headers['access-control-request-headers'];
    res.writeHead(204, {
      ...PREFLIGHT_HEADERS,
      ...(asked ? { 'Access-Control-Allow-Headers': asked } : {}),
    });
    res.end();
    return;
  }
  const request = await toFetchRequest(req, origin);
  let response: Response | undefined;
  try {
    response =
      (await entra?.handle(request)) ??
      entra?.throttle(request) ??
      (await getResponse(handlers, request));
  } catch (error) {
    console.error(`[mock] ${method} ${req.url} failed:`, error);
    response = errorFor(
      new URL(request.url),
      500,
      'InternalServerError',
      'The mock failed to handle the request.',
    );
  }
  if (response?.type === 'error') {
    // HttpResponse.error(): a network failure, as the client would see it.
    req.socket.destroy();
    return;
  }
  const url = new URL(request.url);
  await writeResponse(
    res,
    response ?? errorFor(url, 404, 'NotFound', `No route for ${method} ${url.pathname}`),
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
    const opened = await openFileStore({
      file: options.dataFile,
      seed,
      size,
      seedNow: () => now,
      ...(options.compactAfterBytes ? { compactAfterBytes: options.compactAfterBytes } : {}),
    });
    fileStore = opened;
    runtime = {
      store: opened.store,
      seed: { seed, size },
      reset: () => opened.reset(),
      durable: () => opened.flush(),
    };
  } else {
    const store = new IncidentStore(generateSeed({ seed, size, now }));
    runtime = {
      store,
      seed: { seed, size },
      reset: () => Promise.resolve(store.replaceState(generateSeed({ seed, size, now }))),
      durable: inMemoryOnly,
    };
  }

  const handlers = [...(options.extraHandlers ?? []), ...createHandlers(runtime)];
  let origin = '';
  let entra: Entra | undefined;
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res, handlers, origin, entra).catch((error: unknown) => {
      console.error('[mock] request failed:', error);
      if (!res.headersSent) res.writeHead(500, CORS_HEADERS);
      res.end();
    });
  };
  const tls = options.entra
    ? await generateCertificate([{ name: 'commonName', value: HOST }], {
        keySize: 2048,
        extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: HOST }] }],
      })
    : undefined;
  const server = tls
    ? createHttpsServer({ key: tls.private, cert: tls.cert }, onRequest)
    : createHttpServer(onRequest);
  server.on('clientError', answerClientError);
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
  origin = `${tls ? 'https' : 'http'}://${HOST}:${port}`;
  if (options.entra) {
    entra = await createEntra({ origin, ...options.entra });
    runtime.authenticate = entra.authenticate;
  }

  let closing: Promise<void> | undefined;
  return {
    url: origin,
    port,
    runtime,
    ...(tls ? { certificate: tls.cert } : {}),
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
  --data FILE       load the demo data from FILE and keep every change: each write is
                    fsynced to FILE's journal (FILE.journal.*) before it is answered,
                    and the journal is folded into FILE in the background
                    (seeded, and created, when FILE is missing; set aside when unreadable)
  --compact-after N journal bytes after which they are folded into FILE
                    (default: a quarter of FILE's size, at least 256 KiB)
  --size SIZE       default (500 incidents) or large (10,000 incidents)
  --seed N          seed of the generated demo data (default ${DEFAULT_SEED})
  --auth entra      also play Entra ID (OpenID configuration, authorize with a sign-in page
                    listing the personas, token, JWKS) over HTTPS with a self-signed
                    certificate, and accept only its signed JWTs (no mock.<upn> tokens)
  --tenant ID       the tenant of --auth entra (default contoso.onmicrosoft.com)
  --client-id ID    the only app --auth entra lets sign in (default: any)
  --help            show this help
`;

type CliOptions = {
  entra?: { tenantId: string; clientId?: string };
  port: number;
  dataFile?: string;
  size: SeedSize;
  seed: number;
  compactAfterBytes?: number;
};

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
        'compact-after': { type: 'string' },
        auth: { type: 'string' },
        tenant: { type: 'string' },
        'client-id': { type: 'string' },
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
  const compactAfter = values['compact-after'];
  const compactAfterBytes = compactAfter === undefined ? undefined : Number(compactAfter);
  if (
    compactAfterBytes !== undefined &&
    !(Number.isSafeInteger(compactAfterBytes) && compactAfterBytes > 0)
  ) {
    return { error: `--compact-after must be a number of bytes, not "${compactAfter}"` };
  }
  if (values.auth !== undefined && values.auth !== 'entra') {
    return { error: `--auth must be "entra", not "${values.auth}"` };
  }
  const entra =
    values.auth === 'entra'
      ? {
          tenantId: values.tenant ?? 'contoso.onmicrosoft.com',
          ...(values['client-id'] ? { clientId: values['client-id'] } : {}),
        }
      : undefined;
  return {
    ...(entra ? { entra } : {}),
    port,
    size,
    seed,
    ...(values.data ? { dataFile: values.data } : {}),
    ...(compactAfterBytes ? { compactAfterBytes } : {}),
  };
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
        ? `Data: ${parsed.dataFile} (every acknowledged write is fsynced to ${parsed.dataFile}.journal.* before it is answered)`
        : 'Data: in memory (pass --data FILE to keep changes)',
      parsed.entra
        ? `Entra ID: authority ${server.url}/${parsed.entra.tenantId} (self-signed certificate; only its JWTs are accepted)`
        : `Try:  curl -H 'Authorization: Bearer mock.${DEFAULT_PERSONA_UPN}' '${server.url}/v1.0/security/incidents?$top=5'`,
      '',
    ].join('\n'),
  );

  const shutdown = (signal: string) => {
    const saving = parsed.dataFile ? ` (folding the journal into ${parsed.dataFile} first)` : '';
    process.stdout.write(`\n${signal}: stopping${saving}…\n`);
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
