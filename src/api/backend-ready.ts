/**
 * The demo backend (the MSW service worker and the store behind it) starts beside the app, not
 * before it: the router, the screen's code and its chunks load while the store opens. A request
 * made before the backend is ready waits here instead of going past a service worker that is
 * not there yet. In live mode nothing is awaited.
 */
/** What requests wait for; `undefined` once the backend has started (or in live mode). */
let ready: Promise<unknown> | undefined;

/** Requests wait for `started` to settle (fulfilled or not: a failed start is reported elsewhere). */
export function waitForBackend(started: Promise<unknown>): void {
  const settled = () => {
    if (ready === waiting) ready = undefined;
  };
  const waiting = started.then(settled, settled);
  ready = waiting;
}

/**
 * What a request must wait for before it is sent, or `undefined` when nothing: a request made in
 * an event handler then leaves before the handler's own rendering rather than after it (the
 * queues prefetch a new view's page as the analyst changes it, then render the change at once).
 */
export const backendReady = (): Promise<unknown> | undefined => ready;
