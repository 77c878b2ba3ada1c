// `npm test`: every gate — typecheck, lint, knip (unused files, exports and dependencies),
// format, the vitest layers (domain, contract, ui), then the built app in Chromium with Playwright:
// the mock build, then the live build against `mock:serve --auth entra` (the real MSAL flow).
// Ends with one "N passed, N failed" line.
//
// Each step starts once the steps it waits for (`after`) have passed, so the machine's cores stay
// busy: the four static checks and both builds start together; vitest starts once they are done
// but lint, which runs on one core for its last minute or so; Playwright starts once vitest and
// lint have passed (the mock's tests, and beside them the live build's, which run one at a time).
// A step that streams its output (vitest, the mock's Playwright tests) has the terminal to
// itself: a step that ends meanwhile prints its output whole after it, so the log reads in order.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';

// Not under test-results/: Playwright empties that folder when it starts.
const reports = 'test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const env = { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` };
const liveEnv = { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright-live.json` };

/**
 * The steps: each is a list of commands run one after another, started once every step named in
 * `after` has passed. A step marked `stream` shows its output as it goes.
 */
const steps = [
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
  // Beside lint's last minute (one core) rather than after it. Measured here on a clean clone:
  // the other static steps end ~35 s in, and lint alone ran on to ~95 s with the other core idle.
  {
    name: 'vitest',
    // Every step above but lint.
    after: ['typecheck', 'knip', 'format', 'build', 'build (live)'],
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
  {
    name: 'e2e',
    after: ['vitest', 'lint', 'build'],
    run: [['npx', ['playwright', 'test']]],
    stream: true,
  },
  // The live tests run one at a time (they share one `mock:serve`) and mostly wait on sign-in
  // and tokens, so they run beside the mock's Playwright tests rather than after them.
  {
    name: 'e2e (live)',
    after: ['vitest', 'lint', 'build (live)'],
    run: [['npx', ['playwright', 'test', '-c', 'playwright.live.config.ts']]],
    env: liveEnv,
  },
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

/** Output of ended steps waits here while a streaming step has the terminal. */
let streaming = 0;
let held = [];
function print(text) {
  if (streaming > 0) held.push(text);
  else console.log(text);
}

async function runStep(step) {
  const started = Date.now();
  let output = '';
  let status = 0;
  if (step.stream) streaming += 1;
  for (const command of step.run) {
    if (step.stream) console.log(`\n=== ${step.name}: ${command[0]} ${command[1].join(' ')}`);
    const result = await runCommand(command, step.stream, step.env);
    output += `$ ${command[0]} ${command[1].join(' ')}\n${result.output}`;
    status = result.status;
    if (status !== 0) break;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (step.stream) {
    streaming -= 1;
    console.log(`\n=== ${step.name} took ${seconds} s`);
    if (streaming === 0) {
      for (const text of held) console.log(text);
      held = [];
    }
  } else print(`\n=== ${step.name} (${seconds} s)\n${output.trimEnd()}`);
  if (status !== 0) print(`\n=== ${step.name} failed (exit ${status})`);
  return status === 0;
}

/**
 * The machine's busy and idle CPU time so far, in seconds over all cores. The suite is bound by
 * CPU on a 2-core machine, so its time is its CPU time over the cores: the closing line says how
 * busy they were, which also shows whether anything else was running beside it.
 */
function cpuTimes() {
  let busy = 0;
  let idle = 0;
  for (const { times } of cpus()) {
    busy += times.user + times.nice + times.sys + times.irq;
    idle += times.idle;
  }
  return { busy: busy / 1000, idle: idle / 1000 };
}

// Start every step whose `after` steps have all passed; once a step fails, start no more and
// let the running ones end.
const started = Date.now();
const cpuAtStart = cpuTimes();
const passedSteps = new Set();
const failedSteps = [];
const running = new Map();
const waiting = [...steps];
for (;;) {
  if (failedSteps.length === 0) {
    for (const step of [...waiting]) {
      if (!(step.after ?? []).every((name) => passedSteps.has(name))) continue;
      waiting.splice(waiting.indexOf(step), 1);
      running.set(
        step.name,
        runStep(step).then((ok) => ({ step, ok })),
      );
    }
  }
  if (running.size === 0) break;
  const { step, ok } = await Promise.race(running.values());
  running.delete(step.name);
  if (ok) passedSteps.add(step.name);
  else failedSteps.push(step.name);
}
const failedStep = failedSteps.length > 0 ? failedSteps.join(', ') : undefined;

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
const cpuAtEnd = cpuTimes();
const busy = cpuAtEnd.busy - cpuAtStart.busy;
const share = busy / (busy + cpuAtEnd.idle - cpuAtStart.idle);
console.log(
  `\n${failedStep ? `npm test failed at step '${failedStep}'` : 'npm test: all steps passed'} (${minutes} min; the ${cpus().length} cores ${Math.round(share * 100)}% busy, ${Math.round(busy)} CPU-seconds in all)`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStep ? 1 : 0);
