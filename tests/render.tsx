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

/** A rule that can hide something (visibility is inherited, so any value of it counts). */
const CAN_HIDE = /\b(display:none|visibility:|opacity:0[;}])/;
/** A rule that shows something only while focus is in or on it (a grid cell's actions). */
const SHOWS_ON_FOCUS = /^[^{]*:focus[^{]*\{[^}]*\b(display|opacity):/;

/**
 * Fluent's styles, as Griffel writes them into the page, keeping only the rules that can decide
 * whether something is seen: what Testing Library's role queries and jest-dom's `toBeVisible`
 * read. jsdom's `getComputedStyle` matches every rule of every sheet against the element (a
 * descendant selector against its ancestors too) and resolves each declaration of those that
 * match, and the role queries ask it for each element they look at: with all of Fluent's rules
 * in the page, that was a fifth of the UI tests' time.
 *
 * Kept: every rule that can hide (display: none, any visibility, opacity: 0), and those that
 * show something while focus is in it. Left out, as they change nothing jsdom can see: a
 * component's base rules (their `display: flex` and the like hide nothing, and an element shows
 * without them), rules for `::before` and `::after` (`getComputedStyle` of an element never
 * reads them), for `:hover` and `:active` (jsdom has no pointer over anything), and the swaps of
 * a decorative icon's filled and regular halves (aria-hidden, never queried). Should a base rule
 * ever hide what a one-class rule shows, the element would read as hidden: a test fails, none
 * passes wrongly. Measured on incident-queue and queue-tools (one worker, three runs each):
 * 64.5 → 56 CPU-s on average (49.7–62.1). One renderer for the worker, so each rule is written
 * once.
 */
const styles = navigator.userAgent.includes('jsdom')
  ? createDOMRenderer(document, {
      unstable_filterCSSRule: (rule) => CAN_HIDE.test(rule) || SHOWS_ON_FOCUS.test(rule),
    })
  : // Chromium (the ui-browser project) lays out and styles the page as the app does.
    createDOMRenderer(document);

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
    <RendererProvider renderer={styles}>
      <App queryClient={queryClient} router={router} />
    </RendererProvider>,
  );
  return { ...view, queryClient, router, user };
}
