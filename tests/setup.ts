/**
 * Global setup of every test project (domain, contract: node; ui: jsdom). Keep it free of DOM:
 * jsdom-only shims live in tests/ui/setup-dom.ts.
 */
import { afterEach, vi } from 'vitest';
import type * as Zustand from 'zustand';
import { resetAllStores } from './zustand-reset';

// Client state must not leak between tests (STYLE.md §13).
vi.mock('zustand', async (importOriginal) => {
  const { withResettableStores } = await import('./zustand-reset');
  return withResettableStores(await importOriginal<typeof Zustand>());
});

afterEach(() => {
  // Runs after setup-render's cleanup (after-hooks run in reverse order), so nothing is mounted.
  resetAllStores();
});
