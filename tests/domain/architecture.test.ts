/**
 * The import rules of ARCHITECTURE.md §2 are enforced by ESLint, not hoped for: this lints
 * forbidden imports placed in each module and expects the boundary rule to name them.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

// The probes are never written to disk: lint them as text, without the typed rules (which need
// the file in the TypeScript project) but with the project's boundary rule as configured. Nor
// with the cycle rule, which would follow each probe's import through the whole app for a
// message this test never reads: it was two thirds of this file's time.
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [
    { files: ['**/zz-boundary-probe.ts'], ...tseslint.configs.disableTypeChecked },
    { files: ['**/zz-boundary-probe.ts'], rules: { 'import-x/no-cycle': 'off' } },
  ],
});

/** Lints `code` as if it were `filePath` and returns the boundary rule's messages. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result?.messages.find((m) => m.fatal);
  if (fatal) throw new Error(fatal.message);
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'import-x/no-restricted-paths')
    .map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    [
      'src/domain/zz-boundary-probe.ts',
      "import { http } from '@/api/http';\nexport const x = http;\n",
      /src\/domain imports nothing/,
    ],
    [
      'mocks/store/zz-boundary-probe.ts',
      "import { createHandlers } from '../handlers';\nexport const x = createHandlers;\n",
      /mocks\/store may import only src\/domain/,
    ],
    [
      'src/api/zz-boundary-probe.ts',
      "import { IncidentStore } from '../../mocks/store/incident-store';\nexport const x = IncidentStore;\n",
      /src\/ never imports mocks/,
    ],
    [
      'src/features/incident-page/zz-boundary-probe.ts',
      "import * as list from '../alerts-queue/components/alerts-queue-page';\nexport const x = list;\n",
      /never imports another feature/,
    ],
    [
      'mocks/handlers/zz-boundary-probe.ts',
      "import { renderApp } from '../../tests/render';\nexport const x = renderApp;\n",
      /never import tests or scripts/,
    ],
    [
      'src/components/zz-boundary-probe.ts',
      "import * as app from '@/app/app';\nexport const x = app;\n",
      /Shared components may not import/,
    ],
  ])('%s: a forbidden import is an error', async (file, code, message) => {
    const errors = await boundaryErrors(file, code);
    expect(errors.some((e) => message.test(e))).toBe(true);
  });

  it('allows what the design allows', async () => {
    expect(
      await boundaryErrors(
        'mocks/handlers/zz-boundary-probe.ts',
        "import { LIMITS } from '@/domain/limits';\nexport const x = LIMITS;\n",
      ),
    ).toEqual([]);
  });
});
