// First, so the demo store starts opening before the app's own modules are evaluated.
import { mockStarted, onSeedProgress } from './mock-start';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { waitForBackend } from './api/backend-ready';
import { LIVE_BUILD } from './api/config';
import { App } from './app/app';
import { AppProviders } from './app/app-providers';
import { listenForDataChanges, type DataChangeFilter } from './app/cross-tab-sync';
import { guardPendingWrites } from './app/pending-writes-guard';
import { restorePersona } from './app/persona';
import { createQueryClient } from './app/query-client';
import { createAppRoutes } from './app/routes';
import { setSeedProgress, setStartupNotice } from './app/startup-notice';

/**
 * Starts the console. A function rather than top-level code: a top-level `await` would leave
 * this module still evaluating while live mode's lazy chunk loads, and that chunk imports from
 * the chunk this module is bundled in (vite.config.ts `boot`): each would wait for the other.
 */
async function start(): Promise<void> {
  /** Live mode before sign-in: what to show instead of the console. */
  let instead: ReactNode | undefined;
  let halt = false;
  if (LIVE_BUILD) {
    // MSAL and live mode's start are their own chunk, loaded only by a live build.
    const { startLive } = await import('./app/live/start-live');
    const started = await startLive();
    if (started.kind === 'popup') halt = true;
    else if (started.kind === 'screen') instead = started.screen;
  } else {
    restorePersona();
  }
  const queryClient = createQueryClient();
  // Before the mock's msw listens for the page's unloading (src/app/pending-writes-guard.ts).
  guardPendingWrites(queryClient);

  if (mockStarted) {
    // The mock starts beside the app, not before it (src/mock-start.ts): the router, the screen's
    // code and its first request are under way while the store opens, and requests wait for it
    // (src/api/backend-ready.ts).
    waitForBackend(mockStarted);
    onSeedProgress((done, total) => setSeedProgress({ done, total }));
    // Listening at once: right after opening, the store can tell the tabs that its stored
    // evidence or logs were set aside, before this tab's own start has finished. Which tab this
    // is, and which store it shows, is filled in once it has.
    const changes: DataChangeFilter = {};
    listenForDataChanges(queryClient, changes);
    mockStarted.then(
      ({ tabId, store, notice }) => {
        changes.tabId = tabId;
        changes.store = store;
        if (notice) setStartupNotice({ intent: 'warning', message: notice });
      },
      (error: unknown) =>
        setStartupNotice({
          intent: 'error',
          title: 'The demo backend did not start',
          message: `${error instanceof Error ? error.message : String(error)}. Incidents cannot load; reload the page to try again.`,
        }),
    );
  } else {
    listenForDataChanges(queryClient);
  }

  const router = createBrowserRouter(createAppRoutes({ queryClient }));

  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  if (!halt) {
    createRoot(container).render(
      <StrictMode>
        {instead ? (
          <AppProviders queryClient={queryClient}>{instead}</AppProviders>
        ) : (
          <App queryClient={queryClient} router={router} />
        )}
      </StrictMode>,
    );
  }
}

void start();
