/**
 * End-to-end tests: Debian's Chromium against the built app (`vite build` first), with the real
 * MSW service worker and IndexedDB. Playwright's own browser download is blocked (STACK.md).
 *
 * The browser is Debian's `chromium-headless-shell`: the same Chromium (Blink, V8, service and
 * shared workers, IndexedDB) built without the browser's own UI, which is what Playwright itself
 * runs headless tests in. The full `chromium` in headless mode also starts its UI's WebUI
 * renderer for every browser context; measured here, the shell needs ~16% less CPU for the same
 * specs. It draws no tab, so it never asks for the page's icon (shell.spec.ts asks for it).
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH } from './scripts/chromium-path.mjs';

// Several people (or helpers) may build and serve at once: each can pick its own folder and port.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // Every test opens its own browser context, so its own IndexedDB, service worker and
  // SharedWorker store: tests share nothing and run side by side. Two at a time keep both cores
  // of the 2-core machine busy while one test waits on the page (measured here: 1.9 cores busy
  // against 1.5 with one, the suite 6.0 against 7.4 minutes); `E2E_WORKERS=1` runs one at a time.
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  forbidOnly: Boolean(process.env.CI),
  // A failed test runs once more, traced (below), and still fails the run: a test that passes
  // only on its retry is flaky, which fails `playwright test` (failOnFlakyTests) and `npm test`.
  retries: 1,
  failOnFlakyTests: true,
  // Generous, for machines slower than this one usually is: on 2026-12-02 the same 2-core
  // machine ran the suite at half its usual speed, and journeys of 10–25 s took 30–45 s. A test
  // that passes is not slowed by a longer limit; only a failure takes longer to report.
  timeout: 60_000,
  expect: { timeout: 20_000 },
  // `npm test` sets PLAYWRIGHT_JSON_OUTPUT_NAME to count results for its closing line.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    // Otherwise screenshots catch Fluent mid-fade.
    reducedMotion: 'reduce',
    viewport: { width: 1440, height: 900 },
    // A test is traced only when it runs again after failing: its retry keeps the whole trace
    // (actions, DOM snapshots, screencast, network, console). Tracing every run to keep the
    // failures' cost a third of the suite's time for nothing: the DOM snapshot Playwright takes
    // around every action serialises the page (the 50-row grid) each time. Measured here on
    // queue-pane.spec.ts and merge.spec.ts (7 tests), two runs each: 52 and 50 s traced with
    // snapshots, 37 and 42 s traced without them, 34 and 36 s untraced. The screencast alone
    // had cost a fifth to a half of the browser's CPU. `screenshot` keeps the page as it failed.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    serviceWorkers: 'allow',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
