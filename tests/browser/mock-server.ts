/**
 * msw's service worker in front of a UI test file's mock backend (tests/ui/mock-backend.ts), in
 * Chromium: the page's requests to Graph and ARM leave it and come back through the worker, as
 * they do in the built app.
 */
import { setupWorker } from 'msw/browser';
import { createHandlers } from '@mocks/handlers';
import type { StoreState } from '@mocks/store/types';
import { serveForFile } from '../ui/mock-backend';

/** The worker for this file, over `state` (`serveForFile`); the page's own modules pass through. */
export function setupMockServer(state: StoreState) {
  return serveForFile(state, {
    create: (runtime) => setupWorker(...createHandlers(runtime)),
    start: (worker) =>
      worker.start({
        quiet: true,
        onUnhandledRequest: (request, print) => {
          if (new URL(request.url).origin !== location.origin) print.error();
        },
      }),
    stop: (worker) => worker.stop(),
  });
}
