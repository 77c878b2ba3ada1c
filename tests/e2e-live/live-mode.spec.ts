/**
 * Live mode in a real browser: the app built with VITE_MODE=live, the real MSAL redirect flow
 * against `mock:serve --auth entra` (playwright.live.config.ts), the queue from the API with a
 * signed token, a throttled request shown and waited out, an expired token renewed silently,
 * sign-out, the console's own search and lookup (which real Graph cannot do), the comments-only
 * activity log, and a merge.
 */
import { expect, test, type Page } from '@playwright/test';

const ENTRA = `https://127.0.0.1:${process.env.E2E_ENTRA_PORT ?? 4405}`;

async function signIn(page: Page, name = 'Avery Analyst') {
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Pick an account' })).toBeVisible();
  await page.getByRole('link', { name: new RegExp(name) }).click();
  const grid = page.getByRole('grid', { name: 'Incidents' });
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('row').nth(1)).toBeVisible();
  return grid;
}

const control = (page: Page, path: string) =>
  page.request.post(`${ENTRA}/_test/${path}`, { ignoreHTTPSErrors: true });

test('signs in with MSAL, lists incidents as the UPN, and signs out', async ({ page }) => {
  const bearer: string[] = [];
  page.on('request', (r) => {
    const auth = r.headers().authorization;
    if (auth) bearer.push(new URL(r.url()).origin);
  });
  await signIn(page);
  await expect(page.getByLabel('Signed in as')).toHaveText('analyst@contoso.com');
  // No personas and no demo reset in live mode.
  await expect(page.getByRole('combobox', { name: 'Persona' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reset demo data' })).toHaveCount(0);
  // Tokens only to the configured services, never in the URL.
  expect(new Set(bearer)).toEqual(new Set([ENTRA]));
  expect(page.url()).not.toMatch(/code=|access_token|#/);
  await page.screenshot({ path: 'test-results/live-signed-in.png' });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('shows a throttled request and waits it out, then shows the answer', async ({ page }) => {
  await signIn(page);
  expect((await control(page, 'throttle?count=1&retryAfter=3')).status()).toBe(204);
  await page.getByRole('link', { name: 'Alerts' }).click();
  await expect(page.getByText('Waiting for Microsoft Graph')).toBeVisible();
  await expect(page.getByRole('timer')).toContainText('Trying again in');
  await page.screenshot({ path: 'test-results/live-throttled.png' });
  await expect(page.getByText('Waiting for Microsoft Graph')).toBeHidden();
  await expect(page.getByRole('grid', { name: 'Alerts' }).getByRole('row').nth(1)).toBeVisible();
});

test('renews an expired token silently mid-session', async ({ page }) => {
  await signIn(page);
  let refused = 0;
  page.on('response', (r) => {
    if (r.status() === 401 && r.url().includes('/v1.0/')) refused += 1;
  });
  const renewed = page.waitForRequest(
    (r) => r.url().includes('/oauth2/v2.0/token') && (r.postData() ?? '').includes('refresh_token'),
  );
  expect((await control(page, 'expire-tokens')).status()).toBe(204);
  await page.getByRole('link', { name: 'Alerts' }).click();
  await renewed;
  await expect(page.getByRole('grid', { name: 'Alerts' }).getByRole('row').nth(1)).toBeVisible();
  expect(refused).toBeGreaterThan(0);
  await expect(page.getByText('Your session has expired')).toHaveCount(0);
});

test('searches names in the console and says so; the activity log shows comments only', async ({
  page,
}) => {
  const grid = await signIn(page);
  const first = grid.getByRole('row').nth(1).getByRole('link').first();
  const name = (await first.textContent()) ?? '';
  const word = name.split(/\s+/).find((w) => w.length > 4) ?? name;
  const href = (await first.getAttribute('href')) ?? '';
  const refused: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 400 && r.url().includes('/security/incidents')) refused.push(r.url());
  });

  await page.goto(`/incidents?q=${encodeURIComponent(word)}`);
  await expect(page.getByText('Filtered in the console')).toBeVisible();
  await expect(page.getByText(/Microsoft Graph cannot apply the search/)).toBeVisible();
  await expect(grid.getByRole('link', { name }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/live-search.png' });

  const id = href.split('/').filter(Boolean)[1] ?? '';
  await page.goto(`/incidents?q=${id}`);
  await expect(page.getByText('Looked up by ID')).toBeVisible();
  await expect(grid.getByRole('row')).toHaveCount(2);

  await page.goto(`/incidents/${id}/activity`);
  await expect(page.getByText(/Audits are not available from Microsoft Graph/)).toBeVisible();
  await page.screenshot({ path: 'test-results/live-activity.png' });
  expect(refused).toEqual([]);
});

test('merges two incidents through Graph with the signed-in token', async ({ page }) => {
  const grid = await signIn(page);
  // Two active incidents the analyst may change (no Sentinel-only or read-only ones).
  await page.goto('/incidents?status=active&assignment=me');
  const rows = grid.getByRole('row');
  await expect(rows.nth(2)).toBeVisible();
  await rows.nth(1).getByRole('checkbox').check();
  await rows.nth(2).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Merge incidents' }).click();
  const flyout = page.getByRole('dialog', { name: 'Merge incidents' });
  await flyout.getByRole('textbox', { name: 'Reason for merging' }).fill('Same campaign');
  const merges: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/security/incidents/mergeIncidents')) {
      merges.push(r.headers().authorization?.split(' ')[0] ?? '');
    }
  });
  await flyout.getByRole('button', { name: 'Merge incidents' }).click();
  await page
    .getByRole('alertdialog', { name: 'Merge 2 incidents?' })
    .getByRole('button', { name: 'Merge' })
    .click();
  await expect(page.getByText('Incidents merged', { exact: true })).toBeVisible();
  expect(merges).toEqual(['Bearer']);
});
