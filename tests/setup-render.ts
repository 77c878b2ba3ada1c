/**
 * Setup of the projects that render the console (ui in jsdom, ui-browser in Chromium): jest-dom
 * matchers, Testing Library's cleanup (vitest has no globals, so RTL cannot register it itself),
 * and the clock the test stores are dated by.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import * as React from 'react';
import { afterAll, afterEach } from 'vitest';
import { pinClock } from '@/components/clock';
import { TEST_NOW } from '@mocks/test-runtime';

// The test stores are dated before TEST_NOW: the queue's relative time ranges count back from it.
pinClock(TEST_NOW);

// A screen's first render loads its lazy chunks, which takes more than Testing Library's default
// second on a shared machine; 5 s is still half of a test's budget (vite.config.ts).
configure({ asyncUtilTimeout: 5000 });

// React's development build (which Testing Library's act() needs) captures a stack trace for
// each element it creates, up to 10,000 a second, to name an element's owner in its warnings.
// Rendering the console does little else that costs as much: in a Chrome profile of the
// ui-browser project, creating the Error of those traces was a quarter of the page's CPU. The
// tests turn it off by holding React's counter at its limit; a warning then names no owner.
// VITE_REACT_OWNER_STACKS=1 keeps them, for reading a warning's component stack.
if (!import.meta.env.VITE_REACT_OWNER_STACKS) holdOwnerStacksAtLimit();

function holdOwnerStacksAtLimit() {
  const internals = (React as unknown as Record<string, object | undefined>)
    .__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE;
  if (!internals || !('recentlyCreatedOwnerStacks' in internals)) return;
  Object.defineProperty(internals, 'recentlyCreatedOwnerStacks', {
    get: () => 10_000,
    set: () => {},
  });
}

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

// The incident page warms Investigate once it is idle (src/app/routes/incident-page-route.tsx):
// it starts loading the investigation route and its warm-up without waiting for them. A file
// whose last test ends while those modules are still loading would have them fail to load after
// its environment is torn down (Vitest's EnvironmentTeardownError, an unhandled rejection that
// fails the run). The file ends once they are in; a file that never started them loads them here.
afterAll(async () => {
  await Promise.all([
    import('@/app/routes/investigation-route'),
    import('@/features/investigation/warm-investigation'),
  ]);
});
