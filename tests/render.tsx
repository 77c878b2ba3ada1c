/** Renders the whole console (providers, routes, shell) at a path, as the browser would. */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { setSessionUpn } from '@/api/session-store';
import { App } from '@/app/app';
import { createQueryClient } from '@/app/query-client';
import { createAppRoutes } from '@/app/routes';
import { setStartupNotice, type StartupNotice } from '@/app/startup-notice';

export type RenderAppOptions = {
  /** Shown above every page, as main.tsx does with the mock worker's notice. */
  notice?: StartupNotice;
  /** The persona to act as; the app's default otherwise. */
  upn?: string;
};

/** Renders the app at `path` with a fresh QueryClient (no retries) and a user-event session. */
export function renderApp(path = '/incidents', options: RenderAppOptions = {}) {
  if (options.upn) setSessionUpn(options.upn);
  const queryClient = createQueryClient({
    queries: { retry: false, gcTime: Infinity },
    mutations: { retry: false },
  });
  setStartupNotice(options.notice);
  const router = createMemoryRouter(createAppRoutes({ queryClient }), {
    initialEntries: [path],
  });
  // Under fake timers (tests/ui/fake-timers.ts) user-event's pauses move the fake clock on.
  const user = userEvent.setup({
    advanceTimers: (ms) => {
      if (vi.isFakeTimers()) vi.advanceTimersByTime(ms);
    },
  });
  const view = render(<App queryClient={queryClient} router={router} />);
  return { ...view, queryClient, router, user };
}
