/**
 * The browser half of `npm run bench`: builds the app, serves it with `vite preview`, and prints
 * - the initial JS (entry + modulepreloaded chunks, gzip) and the mock's own chunk
 * - in headless Debian Chromium with the 10,000 / 50,000 store (`?mock-size=large`): cold start to
 *   the first queue rows, and the time from a row checkbox click to the toolbar's updated
 *   "N selected" (median and p95 over 20 clicks).
 * Figures only; nothing here fails on a budget.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const DIST = 'dist-bench';
const PORT = 4180;
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file)).length;

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

function bundleFigures() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const initialGzip = initial.reduce((sum, f) => sum + gz(join(DIST, f)), 0);
  const assets = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
  const mock = assets.filter((f) => f.startsWith('browser-'));
  const mockGzip = mock.reduce((sum, f) => sum + gz(join(DIST, 'assets', f)), 0);
  const allGzip = assets.reduce((sum, f) => sum + gz(join(DIST, 'assets', f)), 0);
  console.log('\nbundle (gzip)');
  console.log(
    `  initial JS (entry + modulepreload, ${initial.length} files)  ${kb(initialGzip)}   budget 180 KB${initialGzip <= 180 * 1024 ? '  ok' : '  OVER BUDGET'}`,
  );
  console.log(`  mock chunk (lazy)                                ${kb(mockGzip)}`);
  console.log(`  all JS                                           ${kb(allGzip)}`);
}

async function waitForServer(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

async function browserFigures() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
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
  });
  try {
    const cold: number[] = [];
    let jsBytes = 0;
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      let bytes = 0;
      page.on('response', (r) => {
        if (r.url().endsWith('.js') && !r.url().includes('mockServiceWorker')) {
          void r
            .body()
            .then((b) => (bytes += gzipSync(b).length))
            .catch(() => {});
        }
      });
      await page.goto(`${BASE}/incidents?mock-size=large`);
      await page
        .getByRole('grid', { name: 'Incidents' })
        .getByRole('row')
        .nth(1)
        .waitFor({ timeout: 120_000 });
      cold.push(await page.evaluate(() => performance.now()));
      jsBytes = bytes;
      if (run < 2) await context.close();
      else {
        // Checkbox click → "N selected": measured inside the page, click to updated text.
        // (tsx compiles this file with esbuild's keepNames, whose `__name` helper the page lacks.)
        await page.evaluate('window.__name = (f) => f');
        const clicks = await page.evaluate(async () => {
          const grid = document.querySelector('[role="grid"][aria-label="Incidents"]');
          if (!grid) throw new Error('no incidents grid');
          const boxes = [
            ...grid.querySelectorAll<HTMLInputElement>('[role="row"] input[type="checkbox"]'),
          ].filter((b) => !(b.getAttribute('aria-label') ?? '').toLowerCase().includes('all'));
          const selectedText = () =>
            [...document.querySelectorAll('*')].find(
              (e) => e.children.length === 0 && /^\d+ selected$/.test(e.textContent ?? ''),
            )?.textContent ?? '0 selected';
          const samples: number[] = [];
          for (let i = 0; i < 20; i++) {
            const box = boxes[i % Math.max(1, Math.min(boxes.length, 10))];
            if (!box) break;
            const before = selectedText();
            const t0 = performance.now();
            box.click();
            await new Promise<void>((resolve) => {
              const check = () =>
                selectedText() !== before ? resolve() : requestAnimationFrame(check);
              check();
            });
            samples.push(performance.now() - t0);
          }
          return samples;
        });
        const c = stats(cold);
        const k = stats(clicks);
        console.log('\nChromium, large store (10,000 incidents / ~50,000 alerts)');
        console.log(
          `  cold start to first queue rows     median ${c.median.toFixed(0)} ms   p95 ${c.p95.toFixed(0)} ms   (${cold.length} runs, includes seeding the store in the page)`,
        );
        console.log(`  JS loaded before first rows (gzip) ${kb(jsBytes)}`);
        console.log(
          `  checkbox click → "N selected"      median ${k.median.toFixed(1)} ms   p95 ${k.p95.toFixed(1)} ms   (${clicks.length} clicks)`,
        );
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.error(
      `Chromium not found at ${CHROMIUM}: install Debian's chromium for the browser figures.`,
    );
    process.exit(1);
  }
  const build = spawnSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir'], {
    stdio: 'ignore',
  });
  if (build.status !== 0) throw new Error('vite build failed');
  bundleFigures();
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
      '--outDir',
      DIST,
    ],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  try {
    await waitForServer(BASE, 30_000);
    await browserFigures();
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

await main();
