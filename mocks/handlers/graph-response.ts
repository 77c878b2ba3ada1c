/** Answers in Graph's shapes: the error envelope (SPEC.md §9.1) and JSON bodies. */
import { HttpResponse } from 'msw';
import type { GraphErrorBody } from '@/domain/graph';
import type { StoreError } from '../store/types';

let requestCounter = 0;

/** A request id in Graph's GUID shape; unique per answer, deterministic enough for logs. */
function requestId(): string {
  requestCounter += 1;
  const rand = globalThis.crypto?.randomUUID?.();
  return rand ?? `00000000-0000-4000-8000-${String(requestCounter).padStart(12, '0')}`;
}

/** Graph's error envelope, with `innerError.date` (no fraction, like Graph) and `request-id`. */
export function errorBody(code: string, message: string, request?: Request): GraphErrorBody {
  const clientRequestId = request?.headers.get('client-request-id');
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        'request-id': requestId(),
        ...(clientRequestId ? { 'client-request-id': clientRequestId } : {}),
      },
    },
  };
}

export function graphError(
  status: number,
  code: string,
  message: string,
  request?: Request,
): HttpResponse<GraphErrorBody> {
  return HttpResponse.json(errorBody(code, message, request), { status });
}

export function storeError(error: StoreError, request: Request): HttpResponse<GraphErrorBody> {
  return graphError(error.status, error.code, error.message, request);
}

export function graphJson(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
) {
  return HttpResponse.json(body as Record<string, unknown>, {
    status: init.status ?? 200,
    headers: { 'OData-Version': '4.0', ...init.headers },
  });
}

/** Reads a JSON object body, or explains why it cannot. */
export async function readJsonObject(
  request: Request,
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await request.text();
  } catch {
    return { ok: false, message: 'The request body could not be read.' };
  }
  if (text.trim() === '')
    return { ok: false, message: 'The request body is empty; a JSON object is required.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `The request body is not valid JSON: ${(e as Error).message}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, message: 'The request body must be a JSON object.' };
  }
  return { ok: true, value: parsed as Record<string, unknown> };
}
