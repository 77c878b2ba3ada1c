import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { App } from './app/app';
import { listenForDataChanges } from './app/cross-tab-sync';
import { restorePersona } from './app/persona';
import { createQueryClient } from './app/query-client';
import { createAppRoutes } from './app/routes';
import type { StartupNotice } from './app/startup-notice';

let notice: StartupNotice | undefined;
if (import.meta.env.VITE_MOCK !== 'off') {
  try {
    // The mock is its own lazily loaded chunk: the only place src/ touches mocks/.
    const { startMockWorker } = await import('../mocks/browser');
    const started = await startMockWorker();
    if (started.notice) {
      notice = { intent: 'warning', message: started.notice };
    }
  } catch (error) {
    notice = {
      intent: 'error',
      title: 'The demo backend did not start',
      message: `${error instanceof Error ? error.message : String(error)}. Incidents cannot load; reload the page to try again.`,
    };
  }
}

restorePersona();
const queryClient = createQueryClient();
listenForDataChanges(queryClient);
const router = createBrowserRouter(createAppRoutes({ notice }));

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App queryClient={queryClient} router={router} />
  </StrictMode>,
);
