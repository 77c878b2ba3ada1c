// `npm test`: every gate — typecheck, lint, knip (unused files, exports and dependencies),
// format, the vitest layers (domain, contract, ui), then the built app in Chromium with Playwright:
// the mock build, then the live build against `mock:serve --auth entra` (the real MSAL flow).
// Ends with one "N passed, N failed" line.
//
// Gates that do not depend on each other run side by side, so the machine's cores are all busy:
// the four static checks and both builds together, then vitest, then Playwright (the mock's
// tests, and beside them the live build's, which run one at a time). Vitest runs alone, so no
// unit test's timeout races another gate. A step's output is printed whole once it ends (the
// mock's Playwright tests stream theirs), so the log reads in order.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

// Not under test-results/: Playwright empties that folder when it starts.
const reports = 'test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` };
const liveEnv = { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright-live.json` };

/**
 * One stage: its steps run at once; each step is a list of commands run one after another. A step
 * that runs alone streams its output as it goes (`stream`).
 */
const stages = [
  [
    // TypeScript 7, the native compiler: the same checks as TypeScript 6 (which typescript-eslint
    // and the editors use) in a third of the CPU time (measured here: 33 → 11 CPU-seconds).
    {
      name: 'typecheck',
      run: [['node', ['node_modules/typescript-7/bin/tsc', '-p', 'tsconfig.json', '--noEmit']]],
    },
    { name: 'lint', run: [['npx', ['eslint', '.', '--max-warnings', '0']]] },
    { name: 'knip', run: [['npx', ['knip', '--no-progress']]] },
    { name: 'format', run: [['npx', ['prettier', '--check', '.']]] },
    {
      name: 'build',
      run: [
        ['node', ['scripts/check-chromium.mjs']],
        ['npx', ['vite', 'build']],
      ],
    },
    // The live build's settings are in .env.e2e-live (loopback URLs of the test's sign-in service).
    {
      name: 'build (live)',
      run: [['npx', ['vite', 'build', '--mode', 'e2e-live', '--outDir', 'dist-live']]],
    },
  ],
  [
    {
      name: 'vitest',
      run: [
        [
          'npx',
          [
            'vitest',
            'run',
            '--reporter=default',
            '--reporter=json',
            `--outputFile.json=${reports}/vitest.json`,
          ],
        ],
      ],
      stream: true,
    },
  ],
  // The live tests run one at a time (they share one `mock:serve`) and mostly wait on sign-in
  // and tokens, so they run beside the mock's Playwright tests rather than after them.
  [
    { name: 'e2e', run: [['npx', ['playwright', 'test']]], stream: true },
    {
      name: 'e2e (live)',
      run: [['npx', ['playwright', 'test', '-c', 'playwright.live.config.ts']]],
      env: liveEnv,
    },
  ],
];

function runCommand([cmd, args], stream, commandEnv = env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: commandEnv, stdio: stream ? 'inherit' : 'pipe' });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('close', (code, signal) => resolve({ status: code ?? signal, output }));
  });
}

async function runStep(step) {
  const started = Date.now();
  let output = '';
  let status = 0;
  for (const command of step.run) {
    if (step.stream) console.log(`\n=== ${step.name}: ${command[0]} ${command[1].join(' ')}`);
    const result = await runCommand(command, step.stream, step.env);
    output += `$ ${command[0]} ${command[1].join(' ')}\n${result.output}`;
    status = result.status;
    if (status !== 0) break;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (!step.stream) console.log(`\n=== ${step.name} (${seconds} s)\n${output.trimEnd()}`);
  else console.log(`\n=== ${step.name} took ${seconds} s`);
  if (status !== 0) console.error(`\n=== ${step.name} failed (exit ${status})`);
  return status === 0 ? undefined : step.name;
}

const started = Date.now();
let failedStep;
for (const stage of stages) {
  const failures = (await Promise.all(stage.map(runStep))).filter(Boolean);
  if (failures.length > 0) {
    failedStep = failures.join(', ');
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
for (const pw of [`${reports}/playwright.json`, `${reports}/playwright-live.json`]) {
  if (!existsSync(pw)) continue;
  const s = JSON.parse(readFileSync(pw, 'utf8')).stats ?? {};
  passed += s.expected ?? 0;
  failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
}
if (failedStep && failed === 0) failed = 1;
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(
  `\n${failedStep ? `npm test failed at step '${failedStep}'` : 'npm test: all steps passed'} (${minutes} min)`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStep ? 1 : 0);
