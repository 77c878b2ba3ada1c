/**
 * Route plumbing shared by every handler: Graph (both versions), the mock's extensions and
 * Sentinel's ARM API; auth, the request body, crash safety, and durability. Every route is registered through `routeKit(runtime)`, so each one
 * answers a missing token, a body that is not JSON, and a write that could not be stored the
 * same way.
 */
import { http, type HttpHandler, type HttpResponseResolver, type PathParams } from 'msw';
import type { Persona } from '@/domain/identity';
import type { MockRuntime } from '../runtime';
import { authenticateMockToken, type AccessNeed } from './auth';
import type { BodyParser } from './bodies';
import type { Refusal } from '@/domain/outcome';
import { armError, armRefusal } from './arm-response';
import { graphError, graphRefusal, readJsonObject } from './graph-response';
import { ReadCache } from './read-cache';

const GRAPH_VERSIONS = ['v1.0', 'beta'] as const;

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export type GraphContext<T = undefined> = {
  request: Request;
  params: PathParams;
  persona: Persona;
  url: URL;
  /** The request body, as the route's parser read it (`undefined` for a route without one). */
  input: T;
};

type Resolver<T> = (ctx: GraphContext<T>) => Response | Promise<Response>;

export type RouteOptions<T> = {
  /**
   * The route takes a JSON object body, read by this parser (mocks/handlers/bodies.ts). A body
   * that is not `application/json` is refused with 415, one the parser refuses with its
   * message, before the resolver runs.
   */
  parse?: BodyParser<T>;
  /**
   * A read whose answer depends only on the store, the persona, the URL and the `Prefer`
   * header: successful answers are remembered until the store changes (./read-cache).
   */
  cache?: boolean;
  /**
   * Whether this request can be answered before the store holds its heavy records (the alerts'
   * evidence and the activity logs, read once requests pause: MockRuntime `complete`). Every
   * other request has them read at once, and waits for them.
   */
  early?: (url: URL) => boolean;
};

export type RouteKit = {
  /** Registers `resolver` for `*\/v1.0/<path>` and `*\/beta/<path>` on any origin. */
  graphRoute: <T = undefined>(
    method: Method,
    path: string,
    resolver: Resolver<T>,
    options?: RouteOptions<T>,
  ) => HttpHandler[];
  /** The same, for mock-only routes under `*\/mock/v1/`. */
  mockRoute: <T = undefined>(
    method: Method,
    path: string,
    resolver: Resolver<T>,
    options?: RouteOptions<T>,
  ) => HttpHandler;
};

const WRITES: ReadonlySet<Method> = new Set(['post', 'patch', 'put', 'delete']);

/** `application/json`, with or without parameters (`; charset=utf-8`, `odata.metadata=…`). */
function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const type = value.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/** How a contract words its errors: Graph's envelope or ARM's. */
type Envelope = {
  error: (status: number, code: string, message: string, request: Request) => Response;
  refusal: (error: Refusal, request: Request) => Response;
};

/** The parts of a runtime a route uses. */
type RouteRuntime = Pick<
  MockRuntime,
  'durable' | 'authenticate' | 'store' | 'complete' | 'requested'
>;

/** One cache per store, shared by its routes. */
const readCaches = new WeakMap<RouteRuntime['store'], ReadCache>();

function readCacheOf(store: RouteRuntime['store']): ReadCache {
  let cache = readCaches.get(store);
  if (!cache) readCaches.set(store, (cache = new ReadCache(store)));
  return cache;
}

/**
 * The delegated permission a Graph route needs, as Graph documents it per API: incidents need
 * SecurityIncident.*, alerts SecurityAlert.* (moving alerts changes incidents too: both); a read
 * is satisfied by Read.All or ReadWrite.All, a write only by ReadWrite.All. The mock's own
 * routes are read like incidents.
 */
function graphNeed(method: Method, path: string): AccessNeed {
  const write = WRITES.has(method);
  const scope = (resource: string) =>
    write ? [`${resource}.ReadWrite.All`] : [`${resource}.Read.All`, `${resource}.ReadWrite.All`];
  const resources = path.startsWith('security/alerts_v2')
    ? path.includes('moveAlerts')
      ? ['SecurityAlert', 'SecurityIncident']
      : ['SecurityAlert']
    : ['SecurityIncident'];
  return { audience: 'graph', scopes: resources.map(scope) };
}

/** ARM's delegated permission: acting as the signed-in user. */
const ARM_NEED: AccessNeed = { audience: 'arm', scopes: [['user_impersonation']] };

const GRAPH_ENVELOPE: Envelope = { error: graphError, refusal: graphRefusal };
const ARM_ENVELOPE: Envelope = {
  error: (status, code, message) => armError(status, code, message),
  refusal: (error) => armRefusal(error),
};

/**
 * One route, as every contract runs it: unauthenticated requests get 401 before the resolver
 * runs; a body is read and parsed one way; a write's answer waits until the runtime says the
 * change is durable (ARCHITECTURE.md §6: acknowledged means durable); an exception becomes a 500
 * in the contract's envelope rather than an unhandled rejection in the worker.
 */
function route<T>(
  runtime: RouteRuntime,
  envelope: Envelope,
  need: AccessNeed,
  method: Method,
  path: string,
  resolver: Resolver<T>,
  options: RouteOptions<T> & { check?: (url: URL, request: Request) => Response | undefined } = {},
): HttpHandler {
  const { parse, check, early } = options;
  const cache = options.cache && method === 'get' ? readCacheOf(runtime.store) : undefined;
  const handle: HttpResponseResolver = async ({ request, params }) => {
    runtime.requested?.();
    // Read per request: `mock:serve --auth entra` installs its JWT check after the server starts.
    const auth = await (runtime.authenticate ?? authenticateMockToken)(request, need);
    if (!auth.ok) {
      const refused = envelope.error(auth.status, auth.code, auth.message, request);
      if (auth.challenge) refused.headers.set('WWW-Authenticate', auth.challenge);
      return refused;
    }
    const url = new URL(request.url);
    if (runtime.complete && !early?.(url)) await runtime.complete();
    const refused = check?.(url, request);
    if (refused) return refused;
    let input = undefined as T;
    if (parse) {
      const contentType = request.headers.get('content-type');
      if (!isJsonContentType(contentType)) {
        return envelope.error(
          415,
          'UnsupportedMediaType',
          contentType === null
            ? 'The request has no Content-Type; send the body as application/json.'
            : `Content-Type '${contentType}' is not supported; send the body as application/json.`,
          request,
        );
      }
      const json = await readJsonObject(request);
      if (!json.ok) return envelope.error(400, 'BadRequest', json.message, request);
      const parsed = parse(json.value);
      if (!parsed.ok) return envelope.refusal(parsed.error, request);
      input = parsed.value;
    }
    const cacheKey = cache ? ReadCache.key(url, request) : '';
    const cached = cache?.get(auth.persona, cacheKey);
    if (cached) return cached;
    const generation = runtime.store.generation();
    let response: Response;
    try {
      response = await resolver({ request, params, persona: auth.persona, url, input });
      if (cache) response = await cache.put(auth.persona, cacheKey, generation, response);
    } catch (e) {
      console.error('[mock] handler failed', e);
      return envelope.error(
        500,
        'InternalServerError',
        `The mock failed to answer: ${(e as Error).message}`,
        request,
      );
    }
    if (WRITES.has(method) && response.status < 400) {
      try {
        await runtime.durable();
      } catch (e) {
        return envelope.error(
          503,
          'ServiceUnavailable',
          `The change could not be saved (${e instanceof Error ? e.message : String(e)}); it may be lost when the mock restarts.`,
          request,
        );
      }
    }
    return response;
  };
  return http[method](path, handle);
}

/** Binds the Graph and mock-extension route helpers to a runtime. */
export function routeKit(runtime: RouteRuntime): RouteKit {
  return {
    graphRoute: (method, path, resolver, options) =>
      GRAPH_VERSIONS.map((version) =>
        route(
          runtime,
          GRAPH_ENVELOPE,
          graphNeed(method, path),
          method,
          `*/${version}/${path}`,
          resolver,
          options,
        ),
      ),
    mockRoute: (method, path, resolver, options) =>
      route(
        runtime,
        GRAPH_ENVELOPE,
        graphNeed(method, path),
        method,
        `*/mock/v1/${path}`,
        resolver,
        options,
      ),
  };
}

/**
 * The path of a Sentinel workspace's SecurityInsights resources under any origin (SPEC.md §7.1);
 * `:sub`, `:rg` and `:ws` are its parts.
 */
const ARM_WORKSPACE_PATH =
  '*/subscriptions/:sub/resourceGroups/:rg/providers/Microsoft.OperationalInsights/workspaces/:ws/providers/Microsoft.SecurityInsights';

/**
 * Binds the ARM route helper to a runtime: `path` is under a workspace's SecurityInsights; every
 * request must name a known `api-version` (else 400 naming it), and errors use ARM's envelope.
 */
export function armRouteKit(
  runtime: RouteRuntime,
  apiVersions: readonly string[],
): {
  armRoute: <T = undefined>(
    method: Method,
    path: string,
    resolver: Resolver<T>,
    options?: RouteOptions<T>,
  ) => HttpHandler;
} {
  const check = (url: URL) => {
    const version = url.searchParams.get('api-version');
    if (version === null) {
      return armError(
        400,
        'MissingApiVersionParameter',
        "The api-version query parameter (?api-version=) is required for all requests. Supported api-versions are '" +
          apiVersions.join("', '") +
          "'.",
      );
    }
    const given = url.searchParams.getAll('api-version');
    if (given.length > 1) {
      return armError(
        400,
        'InvalidApiVersionParameter',
        `The api-version query parameter was given ${given.length} times ('${given.join("', '")}'); give it once.`,
      );
    }
    if (!apiVersions.includes(version)) {
      return armError(
        400,
        'InvalidApiVersionParameter',
        `The api-version '${version}' is invalid. The supported versions are '${apiVersions.join("', '")}'.`,
      );
    }
    return undefined;
  };
  return {
    armRoute: (method, path, resolver, options) =>
      route(runtime, ARM_ENVELOPE, ARM_NEED, method, `${ARM_WORKSPACE_PATH}/${path}`, resolver, {
        ...options,
        check,
      }),
  };
}

/** A path parameter as a single decoded string. */
export function param(params: PathParams, name: string): string {
  const v = params[name];
  return typeof v === 'string' ? v : (v?.[0] ?? '');
}

/** `https://graph.microsoft.com/v1.0` for a request to `…/v1.0/…` (used in `@odata.context`). */
export function serviceRoot(url: URL): string {
  const m = /^(.*?\/(?:v1\.0|beta))\//.exec(url.href);
  return m?.[1] ?? url.origin;
}
