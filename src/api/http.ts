/**
 * The one way the app calls Graph: adds the bearer token, parses JSON, and turns anything that
 * is not a 2xx JSON answer into an ApiError whose message can be shown to an analyst as it is.
 */
import type { GraphErrorBody } from '@/domain/graph';
import { GRAPH_BASE } from './config';
import { getAccessToken } from './session-store';

/** A failed call: Graph's error envelope, or what went wrong before there was one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  /** Graph's `error.code`, or `NetworkError` / `InvalidResponse` for client-side failures. */
  readonly code: string;
  /** Graph's `innerError['request-id']`, for support tickets. */
  readonly requestId: string | undefined;

  constructor(init: { status: number; code: string; message: string; requestId?: string }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
  }
}

/** Tells whether a value is Graph's error envelope. */
function isGraphError(body: unknown): body is GraphErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/** Resolves a Graph path (`/security/incidents`) or passes an absolute URL through. */
export function graphUrl(pathOrUrl: string): string {
  return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${GRAPH_BASE}${pathOrUrl}`;
}

/** Calls Graph (or the mock's extensions) and returns the parsed JSON body; throws ApiError. */
export async function http<T>(pathOrUrl: string, init: RequestInit = {}): Promise<T> {
  const url = graphUrl(pathOrUrl);
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${await getAccessToken()}`);
  headers.set('Accept', 'application/json');
  // Without it Graph reads newer sources (Sentinel, Defender for Cloud…) as unknownFutureValue.
  if (!headers.has('Prefer')) headers.set('Prefer', 'include-unknown-enum-members');
  if (init.body !== undefined && init.body !== null && !headers.has('Content-Type')) {
    headers.set('Content-Type', 'application/json');
  }

  let response: Response;
  try {
    response = await fetch(url, { ...init, headers });
  } catch (cause) {
    // An aborted request (React Query cancelling) must stay an AbortError, not a network error.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError({
      status: 0,
      code: 'NetworkError',
      message: `Could not reach ${new URL(url).origin} (${detail}). Check your connection and try again.`,
    });
  }

  if (response.status === 204 || response.status === 205) return undefined as T;

  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new ApiError({
      status: response.status,
      code: 'InvalidResponse',
      message: `The server answered ${response.status} ${response.statusText} with a body that is not JSON.`,
    });
  }

  if (!response.ok) {
    if (isGraphError(body)) {
      throw new ApiError({
        status: response.status,
        code: body.error.code,
        message: body.error.message,
        requestId: body.error.innerError?.['request-id'],
      });
    }
    throw new ApiError({
      status: response.status,
      code: 'UnknownError',
      message: `The request failed with ${response.status} ${response.statusText}.`.replace(
        ' .',
        '.',
      ),
    });
  }
  return body as T;
}

/** Tells whether an error is worth retrying: network failures, throttling and server errors. */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}
