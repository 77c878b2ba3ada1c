import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': here('./src'), '@mocks': here('./mocks') },
  },
  server: { host: '127.0.0.1', port: 5173 },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  // The mock's SharedWorker is a module worker that loads its msw-heavy half with import(),
  // which only the 'es' format can split.
  worker: { format: 'es' },
  test: {
    // Shared by every project (each one `extends` this config); setup files are per project.
    pool: 'threads',
    testTimeout: 20_000,
    restoreMocks: true,
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
          environment: 'jsdom',
          // Each test renders a small store built for it (tests/ui/test-store.ts): 10 s is ample.
          testTimeout: 10_000,
          // The files of a worker share one module graph and one jsdom, so the app and Fluent
          // load once per worker instead of once per file: half the CPU time. What a test
          // changes is reset after it (tests/setup.ts, setup-dom.ts, mock-server.ts).
          isolate: false,
          setupFiles: ['tests/setup.ts', 'tests/ui/setup-dom.ts'],
        },
      },
    ],
  },
});
