/**
 * Answers one fetch Request with the mock's handlers through msw's `getResponse`, as the HTTP
 * server does in Node; the browser's SharedWorker (or the page, where that cannot start) calls
 * it for every request the service worker relays.
 */
import { getResponse, HttpResponse, type HttpHandler } from 'msw';
import { graphError } from './handlers/graph-response';

/** Sentinel's ARM API answers in its own envelope, without Graph's innerError. */
const ARM_HOST = 'management.azure.com';

function notFound(request: Request): Response {
  const url = new URL(request.url);
  const message = `No route for ${request.method} ${url.pathname}`;
  if (url.hostname === ARM_HOST) {
    return HttpResponse.json({ error: { code: 'NotFound', message } }, { status: 404 });
  }
  return graphError(404, 'NotFound', message, request);
}

export type Responder = (request: Request) => Promise<Response>;

export function createResponder(handlers: HttpHandler[]): Responder {
  return async (request) => {
    let response: Response | undefined;
    try {
      response = await getResponse(handlers, request);
    } catch (error) {
      console.error(`[mock] ${request.method} ${request.url} failed:`, error);
      return graphError(
        500,
        'InternalServerError',
        'The mock failed to handle the request.',
        request,
      );
    }
    return response ?? notFound(request);
  };
}
