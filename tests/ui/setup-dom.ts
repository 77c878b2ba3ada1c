/**
 * jsdom shims for Fluent UI v9 (STACK.md "Fluent v9 in jsdom"), jest-dom matchers, and
 * Testing Library cleanup (vitest has no globals, so RTL cannot register it itself).
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach } from 'vitest';
import { TEST_NOW } from '@mocks/node';
import { pinClock } from '@/components/clock';

// The test stores are dated before TEST_NOW: the queue's relative time ranges count back from it.
pinClock(TEST_NOW);

// A screen's first render loads its lazy chunks, which takes more than Testing Library's default
// second on a shared machine; 5 s is still half of a test's budget (vite.config.ts).
configure({ asyncUtilTimeout: 5000 });

// Fluent's focus manager (tabster) treats elements without an offsetParent as hidden and then
// aria-hides open Dialogs and Drawers ~100 ms after they open. jsdom does no layout.
Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement) {
    return this.parentNode;
  },
});

// ...and it judges the page itself visible by the body's size, which jsdom reports as 0×0.
document.body.getBoundingClientRect = () => new DOMRect(0, 0, 1280, 800);

if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  });
}

if (typeof globalThis.ResizeObserver === 'undefined') {
  globalThis.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
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
