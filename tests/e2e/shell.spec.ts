/**
 * The shell in a real browser: data comes from the MSW service worker, survives a reload
 * (IndexedDB), depends on the persona, and "Reset demo data" restores the seed.
 */
import { expect, test, type Page } from '@playwright/test';
import { openQueue } from './support';

const GRAPH = 'https://graph.microsoft.com/v1.0';
const TOTAL = /^[\d,]+ incidents?$/;

/** Opens the console's root, which shows the incident queue, with data from the service worker. */
async function openIncidents(page: Page) {
  const grid = await openQueue(page, '/');
  await expect(page).toHaveURL(/\/incidents$/);
  return grid;
}

/** The id and name of the first listed incident. */
async function firstIncident(page: Page) {
  const link = page
    .getByRole('grid', { name: 'Incidents' })
    .getByRole('row')
    .nth(1)
    .getByRole('link');
  // `/incidents/<id>/overview`
  const href = (await link.getAttribute('href')) ?? '';
  return { id: href.split('/')[2] ?? '', name: (await link.textContent()) ?? '' };
}

/** Renames an incident through Graph as the page would call it (the worker answers). */
async function rename(page: Page, id: string, displayName: string) {
  const status = await page.evaluate(
    async ({ url, displayName }) => {
      const response = await fetch(url, {
        method: 'PATCH',
        headers: {
          Authorization: 'Bearer mock.analyst@contoso.com',
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ displayName }),
      });
      return response.status;
    },
    { url: `${GRAPH}/security/incidents/${id}`, displayName },
  );
  expect(status).toBe(200);
}

test('lists incidents served by the service worker', async ({ page }) => {
  const grid = await openIncidents(page);
  await expect(page.getByText(TOTAL)).toBeVisible();
  expect(await grid.getByRole('row').count()).toBeGreaterThan(1);
  await expect(page.getByRole('link', { name: 'SOC incident console' })).toBeVisible();
  await page.screenshot({ path: 'test-results/incidents-list.png' });

  const { id, name } = await firstIncident(page);
  await page.getByRole('link', { name, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${id}/overview$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.screenshot({ path: 'test-results/incident-header.png' });
});

test('keeps a change across a reload', async ({ page }) => {
  await openIncidents(page);
  const { id } = await firstIncident(page);
  await rename(page, id, 'Renamed by e2e');

  await page.reload();
  await expect(page.getByRole('link', { name: 'Renamed by e2e' })).toBeVisible();
});

test('lists what the chosen persona may see, and remembers the persona', async ({ page }) => {
  await openIncidents(page);
  const total = page.getByText(TOTAL);
  const before = await total.textContent();

  await page.getByRole('combobox', { name: 'Persona' }).click();
  const option = page.getByRole('option', { name: /Eli Endpoint/ });
  await expect(option).toBeVisible();
  await page.screenshot({ path: 'test-results/persona-switcher.png' });
  await option.click();
  await expect(total).not.toHaveText(before ?? '');
  const after = await total.textContent();
  expect(parseInt((after ?? '').replace(/\D/g, ''), 10)).toBeLessThan(
    parseInt((before ?? '').replace(/\D/g, ''), 10),
  );

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Persona' })).toHaveText(/Eli Endpoint/);
  await expect(page.getByText(TOTAL)).toHaveText(after ?? '');
});

test('Reset demo data restores the seed', async ({ page }) => {
  await openIncidents(page);
  const { id, name } = await firstIncident(page);
  await rename(page, id, 'Renamed by e2e');
  await page.reload();
  await expect(page.getByRole('link', { name: 'Renamed by e2e' })).toBeVisible();

  await page.getByRole('button', { name: 'Reset demo data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reset demo data?' });
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: 'test-results/reset-dialog.png' });
  await dialog.getByRole('button', { name: 'Reset' }).click();

  // Toasts are list items named by their title (the page also announces it via aria-live).
  await expect(page.getByRole('listitem', { name: 'Demo data restored' })).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('link', { name, exact: true }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Renamed by e2e' })).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('grid', { name: 'Incidents' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Renamed by e2e' })).toHaveCount(0);
});

test('dark theme is remembered', async ({ page }) => {
  await openIncidents(page);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Incidents' })).toBeVisible();
  await page.screenshot({ path: 'test-results/incidents-list-dark.png' });
});

test('a first load logs no error: the favicon is served, and nothing fails', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await openIncidents(page);
  // The headless shell the suite runs in draws no tab, so it never asks for the icon: ask for the
  // one the page names, as a browser's tab would.
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  const favicon = await page.request.get(href ?? '');
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toContain('image/svg+xml');
  await expect(page.getByText(TOTAL)).toBeVisible();
  expect(errors).toEqual([]);
});

test('the large store shows how far generating its data is, then the queue', async ({ page }) => {
  // Generating 10,000 incidents takes about a second here, so the bar may come and go between
  // two polls of an assertion: the page records every state of it as the DOM changes.
  await page.addInitScript(() => {
    const seen: { value: string | null; max: string | null; text: string }[] = [];
    Object.assign(window, { seedProgressSeen: seen });
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      const field = bar?.closest('.fui-Field');
      if (!bar || !field) return;
      const sample = {
        value: bar.getAttribute('aria-valuenow'),
        max: bar.getAttribute('aria-valuemax'),
        text: field.textContent ?? '',
      };
      const last = seen.at(-1);
      if (last?.value !== sample.value || last.text !== sample.text) seen.push(sample);
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  // And the store's worker starts only once the page shows its loading state, as it does on a
  // slow machine: otherwise the data may be ready before the first paint, with nothing to show.
  let pageShown!: () => void;
  const shown = new Promise<void>((resolve) => (pageShown = resolve));
  let workerHeld = false;
  await page.context().route('**/assets/shared-worker-*.js', async (route) => {
    workerHeld = true;
    await shown;
    await route.continue();
  });
  await page.goto('/incidents?mock-size=large');
  await expect(page.getByText('Loading the console…')).toBeVisible();
  pageShown();
  await expect(page.getByRole('grid', { name: 'Incidents' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('progressbar', { name: 'Preparing the demo data' })).toBeHidden();
  const seen = await page.evaluate(
    () =>
      (window as unknown as { seedProgressSeen: { value: string; max: string; text: string }[] })
        .seedProgressSeen,
  );
  expect(workerHeld).toBe(true);
  expect(seen.length).toBeGreaterThan(0);
  for (const sample of seen) {
    expect(sample.max).toBe('10000');
    expect(sample.text).toMatch(/^Preparing the demo data[\d,]+ of 10,000 incidents$/);
    expect(Number(sample.value)).toBeLessThan(10_000);
  }
  // It counts up, and what it says matches the bar.
  const values = seen.map((s) => Number(s.value));
  expect(values).toEqual([...values].sort((a, b) => a - b));
  const last = seen.at(-1)!;
  expect(last.text).toContain(`${Number(last.value).toLocaleString('en-US')} of 10,000`);
});
