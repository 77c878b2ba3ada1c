// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import checkFile from 'eslint-plugin-check-file';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y-x';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** One zone per feature: a feature never imports another feature (ARCHITECTURE.md §2). */
const features = (() => {
  try {
    return readdirSync('src/features', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return [];
  }
})();

/** The import rules of ARCHITECTURE.md §2, enforced rather than hoped for. */
const boundaryZones = [
  {
    target: './src/domain',
    from: ['./src', './mocks'],
    except: ['./domain'],
    message: 'src/domain imports nothing of ours (ARCHITECTURE.md §2).',
  },
  {
    target: './mocks/store',
    from: './src',
    except: ['./domain'],
    message: 'mocks/store may import only src/domain.',
  },
  {
    target: './mocks/store',
    from: './mocks',
    except: ['./store'],
    message: 'mocks/store may import only src/domain.',
  },
  {
    target: './mocks/handlers',
    from: './src',
    except: ['./domain'],
    message: 'mocks/handlers may import mocks/store and src/domain only.',
  },
  {
    target: './mocks/handlers',
    from: './mocks',
    except: ['./store', './handlers', './runtime.ts'],
    message: 'mocks/handlers may import mocks/store and src/domain only.',
  },
  {
    target: ['./src/app', './src/features', './src/api', './src/components', './src/domain'],
    from: './mocks',
    message: 'src/ never imports mocks/ (only main.tsx starts the worker with a dynamic import).',
  },
  {
    target: './src/api',
    from: './src',
    except: ['./domain', './api'],
    message: 'src/api may import only src/domain.',
  },
  {
    target: './src/components',
    from: ['./src/features', './src/app'],
    message: 'Shared components may not import features or the app.',
  },
  {
    target: './src/features',
    from: './src/app',
    message: 'Features may not import the app; the app composes features.',
  },
  {
    target: ['./src', './mocks'],
    from: ['./tests', './scripts'],
    message: 'The app and the mock never import tests or scripts.',
  },
  ...features.map((f) => ({
    target: `./src/features/${f}`,
    from: './src/features',
    except: [`./${f}`],
    message: 'A feature never imports another feature; compose them in src/app.',
  })),
];

export default defineConfig([
  globalIgnores([
    'dist',
    'node_modules',
    'public/mockServiceWorker.js',
    'test-results',
    'test-results-*',
    'test-reports',
    'dist-*',
    'playwright-report',
    '.data',
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // Without these, import-x reads only .js modules, and no-cycle never follows a .ts import.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Only the app's and the mock's modules can form a cycle: they import nothing of tests/ or
    // scripts/ (a boundary rule above), and packages cannot import our modules back. Following
    // each test's imports through the app again was half of this rule's ~9 s.
    files: ['src/**/*.{ts,tsx}', 'mocks/**/*.ts'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/{ui,browser}/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended, pluginQuery.configs['flat/recommended-strict']],
  },
  {
    // jsx-a11y's recommended rules, from its fork that supports ESLint 10 (same rules, prefix `jsx-a11y-x/`).
    files: ['src/**/*.tsx'],
    extends: [jsxA11y.configs.recommended],
  },
  {
    // Every test that renders with Testing Library, and the render helper they share. The DOM
    // preset's rules are all in the React one; no test uses @testing-library/dom on its own.
    files: ['tests/{ui,browser}/**/*.{ts,tsx}', 'tests/render.tsx'],
    // The jsdom shims: the test environment, not a test.
    ignores: ['tests/ui/setup-dom.ts'],
    extends: [testingLibrary.configs['flat/react']],
    // Our one render helper; without this, any function named render* counts as one.
    settings: { 'testing-library/custom-renders': ['renderApp'] },
  },
  {
    // This file audits the markup itself: that no payload leaves an element, attribute or URL
    // that could run. Reading the DOM node by node is its point, so node access is allowed here.
    files: ['tests/ui/xss.test.tsx'],
    rules: { 'testing-library/no-node-access': 'off' },
  },
  {
    // Kebab-case files and folders, as the model codebases name them (STYLE.md §2). A middle
    // extension (`.styles.ts`, `.test.tsx`, `.spec.ts`) is not part of the name.
    files: ['{src,mocks,tests,scripts}/**/*.{ts,tsx,js,mjs}'],
    plugins: { 'check-file': checkFile },
    rules: {
      'check-file/filename-naming-convention': [
        'error',
        { '**/*.{ts,tsx,js,mjs}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': [
        'error',
        { '{src,mocks,tests,scripts}/**/': 'KEBAB_CASE' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
]);
