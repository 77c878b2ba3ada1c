import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import griffel from '@griffel/vite-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { loadEnv, normalizePath, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_PATH } from './scripts/chromium-path.mjs';
import { liveContentSecurityPolicy } from './src/app/live/content-security-policy.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The build's `VITE_` settings: the process environment first, then the mode's .env files. */
type BuildEnv = (name: string) => string;

function buildEnv(mode: string): BuildEnv {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  return (name) => process.env[name] ?? env[name] ?? '';
}

/**
 * Writes the live build's Content-Security-Policy into index.html, for the Graph, ARM and
 * authority origins of the build's environment (plus `VITE_CSP_EXTRA_ORIGINS`, comma-separated,
 * for the origins a deployment's config.json may switch to). Not in the mock build, whose
 * service worker answers Graph's URLs in the page, nor in the dev server (Vite's HMR client).
 */
function liveCsp(read: BuildEnv): Plugin {
  const live = read('VITE_MODE') === 'live';
  return {
    name: 'live-content-security-policy',
    apply: 'build',
    transformIndexHtml() {
      if (!live) return [];
      const tenant = read('VITE_TENANT_ID');
      const policy = liveContentSecurityPolicy({
        graphBase: read('VITE_GRAPH_BASE') || 'https://graph.microsoft.com',
        armBase: read('VITE_ARM_BASE') || 'https://management.azure.com',
        authority:
          read('VITE_AUTHORITY') ||
          `https://login.microsoftonline.com/${encodeURIComponent(tenant || 'organizations')}`,
        extra: read('VITE_CSP_EXTRA_ORIGINS')
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      });
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}

/** Whether the build answers Graph with the demo mock: not live, and not `VITE_MOCK=off`. */
const mockBuild = (read: BuildEnv) => read('VITE_MODE') !== 'live' && read('VITE_MOCK') !== 'off';

/**
 * Has the built index.html run `src/mock-start.ts`, in a chunk of its own (the `mock-start` group
 * below), ahead of the app's chunk: it creates the demo store's SharedWorker while the app's
 * chunk is still downloading. The browser starts a worker only once the page's main thread is
 * free, and once the app's chunk runs that thread is busy for ~350 ms (evaluating React, Fluent
 * and the router, then rendering), so a worker created from inside that chunk started that much
 * later. main.tsx still imports mock-start first: the same module, run once, and all the dev
 * server needs. Only in a mock build: no mock starts in a live one or with `VITE_MOCK=off`.
 */
function mockStartFirst(): Plugin {
  const entry = normalizePath(here('./src/mock-start.ts'));
  let base = '/';
  return {
    name: 'mock-start-first',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {})
          .flatMap((c) => (c.type === 'chunk' ? [c] : []))
          .find((c) => c.moduleIds.includes(entry));
        if (!chunk) throw new Error('mock-start-first: no chunk holds src/mock-start.ts');
        // Run before the app's chunk, it must not import it (nor anything that does).
        if (chunk.imports.length > 0) {
          throw new Error(
            `mock-start-first: the mock-start chunk imports ${chunk.imports.join(', ')}`,
          );
        }
        // Module scripts run in document order: before the app's.
        const first = html.indexOf('<script type="module"');
        if (first < 0) throw new Error('mock-start-first: index.html has no module script');
        const tag = `<script type="module" crossorigin src="${base}${chunk.fileName}"></script>\n    `;
        return html.slice(0, first) + tag + html.slice(first);
      },
    },
  };
}

/**
 * UI test files that replace a module (MSAL at its boundary; the layout engine, to count its
 * runs) and so run isolated.
 */
const UI_OWN_MODULE_GRAPH = [
  'tests/ui/live-session.test.tsx',
  'tests/ui/investigation-idle.test.tsx',
];

/**
 * Griffel's ahead-of-time compilation of our own `makeStyles` and `makeResetStyles` calls (Fluent's
 * packages ship theirs compiled): the build turns each style object into its class names and CSS
 * rules, so the page no longer resolves them the first time a component renders. Measured on the
 * built app, two builds visited in alternation (10 fresh profiles each, twice): first rows
 * 1,038 → 914 and 985 → 894 ms on a first visit, 921 → 833 and 872 → 845 ms on a return visit;
 * screenshots of the queue, side pane, incident page and alerts queue are pixel for pixel the
 * same. Build only, as Griffel recommends (the dev server and the tests run the styles as
 * written). Only a module that calls one of them is handed to the compiler: it parses what it is
 * given with Babel, and the other ~250 modules of src/ doubled its cost to the build.
 */
function griffelAheadOfTime(): Plugin {
  const compiler = griffel({ include: [/[\\/]src[\\/].*\.tsx?$/] });
  const { transform } = compiler;
  if (typeof transform !== 'function') throw new Error('griffel: expected a transform function');
  return {
    ...compiler,
    transform(code, id, options) {
      if (!/\bmake(?:Reset)?Styles\(/.test(code)) return null;
      return transform.call(this, code, id, options);
    },
  };
}

export default defineConfig(({ command, mode }) => {
  const read = buildEnv(mode);
  const mock = mockBuild(read);
  return {
    plugins: [
      react(),
      ...(command === 'build' ? [griffelAheadOfTime()] : []),
      liveCsp(read),
      ...(mock ? [mockStartFirst()] : []),
    ],
    resolve: {
      alias: { '@': here('./src'), '@mocks': here('./mocks') },
    },
    server: { host: '127.0.0.1', port: 5173 },
    build: {
      target: 'es2022',
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        output: {
          // A chunk is named after its first module: Cytoscape.js shares one with the small
          // module both the graph and its layout import, and is named here for what it is.
          chunkFileNames: (chunk) =>
            chunk.moduleIds.some((id) => id.includes('/node_modules/cytoscape/'))
              ? 'assets/cytoscape-[hash].js'
              : 'assets/[name]-[hash].js',
          // Few, larger chunks instead of ~200 small ones. Left to itself, Rolldown cut a chunk at
          // every boundary between the routes' module sets, and the queue's first load fetched
          // ~150 of them: six at a time over HTTP/1.1, and each a request the service worker sees.
          // - mock-start: the demo store's start, which index.html runs first (`mockStartFirst`);
          // - boot: everything else index.html starts with (the initial JS, under the 180 KB budget);
          // - fluent: the UI libraries the lazy screens and flyouts share, fetched once by the
          //   first of them (Cytoscape, msw, MSAL, the sanitizer keep their own chunks);
          // - shared: the app's own modules that two or more lazy chunks import.
          codeSplitting: {
            groups: [
              ...(mock
                ? [
                    {
                      name: 'mock-start',
                      test: /[\\/](src[\\/]mock-start|mocks[\\/](open-store|relay-protocol))\.ts$/,
                      priority: 30,
                    },
                  ]
                : []),
              { name: 'boot', tags: ['$initial'], priority: 20 },
              {
                name: 'fluent',
                test: /node_modules[\\/](@fluentui|@floating-ui|tabster|keyborg|@griffel|@tanstack|react-router|rtl-css-js|stylis|use-sync-external-store)[\\/]/,
                priority: 10,
              },
              {
                name: 'shared',
                test: /[\\/]src[\\/](components|domain|api|features)[\\/]/,
                minShareCount: 2,
                priority: 5,
              },
            ],
          },
        },
      },
    },
    // The mock's SharedWorker is a module worker that loads its msw-heavy half with import(),
    // which only the 'es' format can split.
    worker: { format: 'es' },
    test: {
      // Shared by every project (each one `extends` this config); setup files are per project.
      pool: 'threads',
      // Vitest leaves a core free by default, which on a 2-core machine runs the files one by one.
      maxWorkers: Math.max(2, availableParallelism()),
      testTimeout: 20_000,
      restoreMocks: true,
      // Screenshots of failed browser tests, beside the reports npm test keeps.
      attachmentsDir: 'test-reports/vitest-attachments',
      projects: [
        {
          extends: true,
          test: {
            name: 'domain',
            include: ['tests/domain/**/*.test.{ts,tsx}'],
            environment: 'node',
            setupFiles: ['tests/setup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'contract',
            include: ['tests/contract/**/*.test.{ts,tsx}'],
            environment: 'node',
            setupFiles: ['tests/setup.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'ui',
            include: ['tests/ui/**/*.test.{ts,tsx}'],
            exclude: UI_OWN_MODULE_GRAPH,
            environment: 'jsdom',
            // Each test renders a small store built for it (tests/ui/test-store.ts): 10 s is ample.
            testTimeout: 10_000,
            // The files of a worker share one module graph and one jsdom, so the app and Fluent
            // load once per worker instead of once per file: half the CPU time. What a test
            // changes is reset after it (tests/setup.ts, setup-dom.ts, mock-server.ts).
            isolate: false,
            setupFiles: ['tests/setup.ts', 'tests/setup-render.ts', 'tests/ui/setup-dom.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'ui-browser',
            include: ['tests/browser/**/*.test.{ts,tsx}'],
            // After the other projects: Chromium's page and the dev server beside two test
            // workers (and lint) left the contract tests that start and kill servers past their
            // limits on this 2-core machine.
            sequence: { groupOrder: 1 },
            isolate: false,
            testTimeout: 10_000,
            setupFiles: ['tests/setup.ts', 'tests/setup-render.ts'],
            browser: {
              enabled: true,
              headless: true,
              provider: playwright({
                launchOptions: { executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] },
                // As in Playwright's tests: Fluent's drawers and dialogs open and close without
                // motion, so what a test reads is where it ends up.
                contextOptions: { reducedMotion: 'reduce' },
              }),
              instances: [{ browser: 'chromium' }],
              // The window Playwright's tests use (playwright.config.ts).
              viewport: { width: 1440, height: 900 },
              // Under test-reports/, which npm test keeps (Playwright empties test-results/).
              screenshotDirectory: 'test-reports/vitest-browser',
            },
          },
        },
        {
          extends: true,
          test: {
            // A file that replaces a module with vi.mock needs a module graph of its own: in the
            // shared one, another file may have loaded the real module first.
            name: 'ui-isolated',
            include: UI_OWN_MODULE_GRAPH,
            environment: 'jsdom',
            testTimeout: 10_000,
            setupFiles: ['tests/setup.ts', 'tests/setup-render.ts', 'tests/ui/setup-dom.ts'],
          },
        },
      ],
    },
  };
});
