// `npm test`: every gate in order — typecheck, lint, knip (unused files, exports and dependencies),
// format, the vitest layers (domain, contract, ui), then the built app in Chromium with Playwright.
// Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

// Not under test-results/: Playwright empties that folder when it starts.
const reports = 'test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const steps = [
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['knip', 'npx', ['knip', '--no-progress']],
  ['format', 'npx', ['prettier', '--check', '.']],
  [
    'vitest',
    'npx',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/vitest.json`,
    ],
  ],
  ['chromium', 'node', ['scripts/check-chromium.mjs']],
  ['build', 'npx', ['vite', 'build']],
  ['e2e', 'npx', ['playwright', 'test']],
];

let failedStep;
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` },
  });
  if (r.status !== 0) {
    failedStep = name;
    console.error(`\n=== ${name} failed (exit ${r.status ?? r.signal})`);
    break;
  }
}

let passed = 0;
let failed = 0;
const vitest = `${reports}/vitest.json`;
if (existsSync(vitest)) {
  const v = JSON.parse(readFileSync(vitest, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
}
const pw = `${reports}/playwright.json`;
if (existsSync(pw)) {
  const s = JSON.parse(readFileSync(pw, 'utf8')).stats ?? {};
  passed += s.expected ?? 0;
  failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
}
if (failedStep && failed === 0) failed = 1;
console.log(
  `\n${failedStep ? `npm test failed at step '${failedStep}'` : 'npm test: all steps passed'}`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStep ? 1 : 0);
