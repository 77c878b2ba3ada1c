/**
 * Answers in Azure Resource Manager's shapes (SPEC.md §7.1): the CloudError envelope
 * `{ "error": { "code", "message" } }` and JSON bodies. The same refusals of the store read in
 * Graph's envelope through graph-response.ts.
 */
import type { Refusal, RefusalKind } from '@/domain/outcome';
import { jsonResponse } from './json-response';

type ArmErrorBody = { error: { code: string; message: string } };

/** How ARM answers each kind of refusal (the seed's table gives 400, 404 and 409). */
const ARM_REFUSALS: Record<RefusalKind, { status: number; code: string }> = {
  invalid: { status: 400, code: 'BadRequest' },
  notFound: { status: 404, code: 'NotFound' },
  forbidden: { status: 403, code: 'AuthorizationFailed' },
  conflict: { status: 409, code: 'Conflict' },
  stale: { status: 412, code: 'PreconditionFailed' },
  locked: { status: 409, code: 'Conflict' },
};

export function armError(status: number, code: string, message: string): Response {
  return jsonResponse({ error: { code, message } } satisfies ArmErrorBody, {
    status,
    headers: { 'x-ms-request-id': globalThis.crypto.randomUUID() },
  });
}

/** A refusal of the store or the rules, in ARM's envelope. */
export function armRefusal(error: Refusal): Response {
  const { status, code } = ARM_REFUSALS[error.kind];
  return armError(status, code, error.message);
}

export function armJson(body: unknown, status = 200): Response {
  return jsonResponse(body, {
    status,
    headers: { 'x-ms-request-id': globalThis.crypto.randomUUID() },
  });
}
