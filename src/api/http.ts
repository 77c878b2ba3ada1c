/**
 * The one way the app calls Graph and ARM: adds the service's bearer token, waits out
 * throttling, parses JSON, and turns anything that is not a 2xx JSON answer into an ApiError
 * whose message can be shown to an analyst as it is.
 */
import type { GraphErrorBody } from '@/domain/graph';
import { backendReady } from './backend-ready';
import { graphRoot, isLiveMode, serviceBases, serviceOf, type Service } from './config';
import { canRefreshToken, getAccessToken } from './session-store';
import { waitBeforeRetry } from './throttle-store';

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
function graphUrl(pathOrUrl: string): string {
  return /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${graphRoot()}${pathOrUrl}`;
}

/**
 * Live mode reads what real Graph sends: a mock answer's `@mock.*` annotations (mock:serve adds
 * them; Graph never does) are dropped here, so no screen can lean on them in live mode.
 */
const withoutMockFields = (key: string, value: unknown) =>
  key.startsWith('@mock.') ? undefined : value;

/** How many times a throttled (429) or unavailable (503) request is sent again. */
const MAX_RETRIES = 3;
/** A Retry-After longer than this is not waited out: the request fails and says so. */
const MAX_RETRY_WAIT_MS = 120_000;

/** The services' names, as an analyst knows them. */
export const SERVICE_NAMES: Record<Service, string> = {
  graph: 'Microsoft Graph',
  arm: 'Azure Resource Manager',
};

/**
 * How long to wait before sending a request again: what `Retry-After` asks (seconds or an HTTP
 * date), else 1 s, 2 s, 4 s… as Graph's throttling guidance suggests.
 */
function retryDelayMs(retryAfter: string | null, attempt: number): number {
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  return Math.min(1000 * 2 ** attempt, 30_000);
}

/**
 * Whether an answer asks to try again later. A 429 means the request was not run, so any method
 * may be sent again; a 503 is retried only for reads, since a write may have been applied.
 */
function shouldRetry(status: number, method: string): boolean {
  return status === 429 || (status === 503 && (method === 'GET' || method === 'HEAD'));
}

/**
 * Calls Graph (or ARM, or the mock's extensions) and returns the parsed JSON body; throws
 * ApiError. Only the configured Graph and ARM bases get a token (`serviceOf`): a URL elsewhere is
 * refused before anything is sent. A 401 is retried once with a fresh token when the token
 * provider can renew one; 429 and 503 are waited out as the service asks (the shell shows it).
 */
export async function http<T>(pathOrUrl: string, init: RequestInit = {}): Promise<T> {
  const url = graphUrl(pathOrUrl);
  const service = serviceOf(url);
  if (!service) {
    const { graph, arm } = serviceBases();
    throw new ApiError({
      status: 0,
      code: 'UntrustedUrl',
      message: `The console sends requests only to Microsoft Graph (${graph}) and Azure Resource Manager (${arm}); it refused ${safeOrigin(url)}.`,
    });
  }
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  // Without it Graph reads newer sources (Sentinel, Defender for Cloud…) as unknownFutureValue.
  if (!headers.has('Prefer')) headers.set('Prefer', 'include-unknown-enum-members');
  if (init.body !== undefined && init.body !== null && !headers.has('Content-Type')) {
    headers.set('Content-Type', 'application/json');
  }

  let forceRefresh = false;
  let refreshed = false;
  let response: Response;
  for (let attempt = 0; ; attempt += 1) {
    // Awaited only when there is something to wait for: with the token at hand and the backend
    // up, `fetch` is called before this function first yields (see backend-ready.ts).
    const token = getAccessToken({ service, forceRefresh });
    headers.set('Authorization', `Bearer ${typeof token === 'string' ? token : await token}`);
    try {
      const waiting = backendReady();
      if (waiting) await waiting;
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
    if (response.status === 401 && !refreshed && canRefreshToken()) {
      // The service refused the token (expired or revoked early): renew it once and resend.
      refreshed = true;
      forceRefresh = true;
      discard(response);
      continue;
    }
    forceRefresh = false;
    if (shouldRetry(response.status, method) && attempt < MAX_RETRIES) {
      const delay = retryDelayMs(response.headers.get('Retry-After'), attempt);
      if (delay <= MAX_RETRY_WAIT_MS) {
        discard(response);
        await waitBeforeRetry(delay, { service, status: response.status }, init.signal);
        continue;
      }
    }
    break;
  }

  if (response.status === 204 || response.status === 205) return undefined as T;

  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text, isLiveMode() ? withoutMockFields : undefined);
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

/**
 * Tells whether an error is worth retrying: network failures and server errors. Throttling (429)
 * and 503 are not: `http` has already waited them out as the service asked.
 */
export function isTransientError(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.code === 'UntrustedUrl') return false;
  return error.status === 0 || (error.status >= 500 && error.status !== 503);
}

/**
 * Drops a body that will not be read, so the connection can be reused. Not awaited: a stream
 * may only settle its cancel once the source finishes.
 */
function discard(response: Response): void {
  response.body?.cancel().catch(() => {
    // Nothing to free.
  });
}

/** A URL's origin for a message (never its path or query, which may carry data). */
function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'a URL that is not valid';
  }
}
