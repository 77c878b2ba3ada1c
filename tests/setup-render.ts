/**
 * Setup of the projects that render the console (ui in jsdom, ui-browser in Chromium): jest-dom
 * matchers, Testing Library's cleanup (vitest has no globals, so RTL cannot register it itself),
 * and the clock the test stores are dated by.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach } from 'vitest';
import { pinClock } from '@/components/clock';
import { TEST_NOW } from '@mocks/test-runtime';

// The test stores are dated before TEST_NOW: the queue's relative time ranges count back from it.
pinClock(TEST_NOW);

// A screen's first render loads its lazy chunks, which takes more than Testing Library's default
// second on a shared machine; 5 s is still half of a test's budget (vite.config.ts).
configure({ asyncUtilTimeout: 5000 });

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
