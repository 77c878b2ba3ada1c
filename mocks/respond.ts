/**
 * Answers one fetch Request with the mock's handlers through msw's `getResponse`, as the HTTP
 * server does in Node; the browser's SharedWorker (or the page, where that cannot start) calls
 * it for every request the service worker relays.
 */
import { getResponse, type HttpHandler } from 'msw';
import { armError } from './handlers/arm-response';
import { graphError } from './handlers/graph-response';

/**
 * Whether a request is for Sentinel's ARM API, which answers in its own envelope, without
 * Graph's innerError: on management.azure.com (the browser), or under `/subscriptions/` on any
 * origin (`mock:serve`).
 */
export function isArm(url: URL): boolean {
  return url.hostname === 'management.azure.com' || url.pathname.startsWith('/subscriptions/');
}

/** An error in the envelope of the API the request was for (`request` gives Graph's its id). */
function errorFor(
  url: URL,
  status: number,
  code: string,
  message: string,
  request?: Request,
): Response {
  return isArm(url) ? armError(status, code, message) : graphError(status, code, message, request);
}

function notFound(request: Request): Response {
  const url = new URL(request.url);
  return errorFor(url, 404, 'NotFound', `No route for ${request.method} ${url.pathname}`, request);
}

export type Responder = (request: Request) => Promise<Response>;

export function createResponder(handlers: HttpHandler[]): Responder {
  return async (request) => {
    let response: Response | undefined;
    try {
      response = await getResponse(handlers, request);
    } catch (error) {
      console.error(`[mock] ${request.method} ${request.url} failed:`, error);
      return errorFor(
        new URL(request.url),
        500,
        'InternalServerError',
        'The mock failed to handle the request.',
        request,
      );
    }
    return response ?? notFound(request);
  };
}
