/** Renders the whole console (providers, routes, shell) at a path, as the browser would. */
import { createDOMRenderer, RendererProvider } from '@fluentui/react-components';
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

/**
 * Fluent's styles, as Griffel writes them into the page, keeping only the rules that decide
 * whether something can be seen (display, visibility, opacity): what Testing Library's role
 * queries and jest-dom's `toBeVisible` read. jsdom's `getComputedStyle` matches every rule of
 * every sheet against the element, and the role queries ask it for each element they look at:
 * with all of Fluent's rules in the page, that was a fifth of the UI tests' time. One renderer
 * for the worker, so each rule is written once.
 */
const visibilityOnlyStyles = createDOMRenderer(document, {
  unstable_filterCSSRule: (rule) => /\b(display|visibility|opacity):/.test(rule),
});

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
  const view = render(
    <RendererProvider renderer={visibilityOnlyStyles}>
      <App queryClient={queryClient} router={router} />
    </RendererProvider>,
  );
  return { ...view, queryClient, router, user };
}
