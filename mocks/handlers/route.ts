/** Route plumbing shared by every Graph handler: both API versions, auth, and crash safety. */
import { http, type HttpHandler, type HttpResponseResolver, type PathParams } from 'msw';
import type { Persona } from '@/domain/identity';
import { authenticate } from './auth';
import { graphError } from './graph-response';

export const GRAPH_VERSIONS = ['v1.0', 'beta'] as const;

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export type GraphContext = {
  request: Request;
  params: PathParams;
  persona: Persona;
  url: URL;
};

type Resolver = (ctx: GraphContext) => Response | Promise<Response>;

/**
 * Registers `resolver` for `*\/v1.0/<path>` and `*\/beta/<path>` on any origin. Unauthenticated
 * requests get 401 before the resolver runs; an exception becomes a 500 in Graph's envelope
 * rather than an unhandled rejection in the worker.
 */
export function graphRoute(method: Method, path: string, resolver: Resolver): HttpHandler[] {
  return GRAPH_VERSIONS.map((version) => authed(method, `*/${version}/${path}`, resolver));
}

/** The same, for mock-only routes under `*\/mock/v1/`. */
export function mockRoute(method: Method, path: string, resolver: Resolver): HttpHandler {
  return authed(method, `*/mock/v1/${path}`, resolver);
}

function authed(method: Method, path: string, resolver: Resolver): HttpHandler {
  const handle: HttpResponseResolver = async ({ request, params }) => {
    const auth = authenticate(request);
    if (!auth.ok) return graphError(401, 'Unauthorized', auth.message, request);
    try {
      return await resolver({ request, params, persona: auth.persona, url: new URL(request.url) });
    } catch (e) {
      console.error('[mock] handler failed', e);
      return graphError(
        500,
        'InternalServerError',
        `The mock failed to answer: ${(e as Error).message}`,
        request,
      );
    }
  };
  return http[method](path, handle);
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
