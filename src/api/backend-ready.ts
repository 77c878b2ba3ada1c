/**
 * The demo backend (the MSW service worker and the store behind it) starts beside the app, not
 * before it: the router, the screen's code and its chunks load while the store opens. A request
 * made before the backend is ready waits here instead of going past a service worker that is
 * not there yet. In live mode nothing is awaited.
 */
let ready: Promise<unknown> = Promise.resolve();

/** Requests wait for `started` to settle (fulfilled or not: a failed start is reported elsewhere). */
export function waitForBackend(started: Promise<unknown>): void {
  ready = started.then(
    () => undefined,
    () => undefined,
  );
}

export const backendReady = (): Promise<unknown> => ready;
