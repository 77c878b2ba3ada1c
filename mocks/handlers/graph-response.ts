/** Answers in Graph's shapes: the error envelope (SPEC.md §9.1) and JSON bodies. */
import type { GraphErrorBody } from '@/domain/graph';
import type { Refusal, RefusalKind } from '@/domain/outcome';
import { jsonResponse } from './json-response';

let requestCounter = 0;

/** A request id in Graph's GUID shape; unique per answer, deterministic enough for logs. */
function requestId(): string {
  requestCounter += 1;
  const rand = globalThis.crypto?.randomUUID?.();
  return rand ?? `00000000-0000-4000-8000-${String(requestCounter).padStart(12, '0')}`;
}

/** Graph's error envelope, with `innerError.date` (no fraction, like Graph) and `request-id`. */
function errorBody(code: string, message: string, request?: Request): GraphErrorBody {
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
): Response {
  return jsonResponse(errorBody(code, message, request) satisfies GraphErrorBody, { status });
}

/** How Graph answers each kind of refusal (SPEC.md §9.2). */
const GRAPH_REFUSALS: Record<RefusalKind, { status: number; code: string }> = {
  invalid: { status: 400, code: 'BadRequest' },
  notFound: { status: 404, code: 'NotFound' },
  forbidden: { status: 403, code: 'Forbidden' },
  conflict: { status: 409, code: 'Conflict' },
  stale: { status: 412, code: 'PreconditionFailed' },
  locked: { status: 409, code: 'Conflict' },
};

/** A refusal of the store or the rules, in Graph's envelope. */
export function graphRefusal(error: Refusal, request: Request): Response {
  const { status, code } = GRAPH_REFUSALS[error.kind];
  return graphError(status, code, error.message, request);
}

export function graphJson(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
) {
  return jsonResponse(body, {
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
  const tooDeep = firstTooDeep(parsed);
  if (tooDeep !== undefined) {
    return {
      ok: false,
      message: `Property '${tooDeep}' is nested more than ${MAX_JSON_DEPTH} levels deep; the limit is ${MAX_JSON_DEPTH}.`,
    };
  }
  return { ok: true, value: parsed as Record<string, unknown> };
}

/** How deep a request body may nest: System.Text.Json's default, which Graph's services use. */
const MAX_JSON_DEPTH = 64;

/**
 * The path (`customTags[0].a…`) of the first value nested deeper than MAX_JSON_DEPTH, or
 * undefined. Iterative, so no body can overflow the stack, and nothing later recurses into one.
 */
function firstTooDeep(root: object): string | undefined {
  const stack: { value: unknown; depth: number; path: string[] }[] = [
    { value: root, depth: 1, path: [] },
  ];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop() as (typeof stack)[number];
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) {
      const shown = path.slice(0, 4).join('');
      return `${shown.replace(/^\./, '')}${path.length > 4 ? '…' : ''}`;
    }
    const entries = Array.isArray(value)
      ? value.map((v, i) => [`[${i}]`, v] as const)
      : Object.entries(value).map(([k, v]) => [`.${k}`, v] as const);
    for (const [segment, child] of entries) {
      if (child !== null && typeof child === 'object') {
        // Only the first few segments are ever shown, so the path stops growing there.
        stack.push({
          value: child,
          depth: depth + 1,
          path: path.length > 4 ? path : [...path, segment],
        });
      }
    }
  }
  return undefined;
}
