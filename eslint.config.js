// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
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
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
      'import-x/no-cycle': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/ui/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended, pluginQuery.configs['flat/recommended']],
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
