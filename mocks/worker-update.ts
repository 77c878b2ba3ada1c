/**
 * msw starts by calling `registration.update()` on an existing registration without awaiting it
 * (mswjs/msw#2006). When the page navigates away meanwhile, the browser rejects that promise
 * ("Failed to update a ServiceWorker … Not found") and nobody handles it: an unhandled
 * rejection on an ordinary page load. This gives every `update()` promise a handler that logs
 * the failure as a warning, and still returns the same promise, so a caller that awaits it sees
 * the rejection as before: no real error is hidden, none goes unhandled.
 */
type Updatable = { update: (this: Updatable) => Promise<unknown> };

const patched = new WeakSet<object>();

export function reportFloatingWorkerUpdates(
  prototype: Updatable,
  warn: (message: string, error: unknown) => void = console.warn,
): void {
  if (patched.has(prototype)) return;
  patched.add(prototype);
  const update = prototype.update;
  prototype.update = function (this: Updatable) {
    const result = update.call(this);
    result.catch((error: unknown) =>
      warn('[mock] The mock service worker could not be checked for an update.', error),
    );
    return result;
  };
}
