/**
 * The alerts queue in a real browser: data from the MSW service worker, the view in the URL,
 * selection, keyboard-only use and accessibility.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './support';

const TOTAL = /^[\d,]+ alerts?$/;

/** Opens the queue at `path` and waits for its first page, which must come from the worker. */
async function openQueue(page: Page, path = '/alerts') {
  const served = page.waitForResponse(
    (r) => r.url().includes('/security/alerts_v2') && r.fromServiceWorker(),
  );
  await page.goto(path);
  expect((await served).status()).toBe(200);
  const grid = page.getByRole('grid', { name: 'Alerts' });
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('row').nth(1)).toBeVisible();
  return grid;
}

/** The body rows of the grid (every row but the header row). */
function bodyRows(grid: Locator) {
  return grid.getByRole('row').filter({ hasNot: grid.page().getByRole('columnheader') });
}

/** The alert ids on screen, top to bottom (the "Alert ID" column), read in one go. */
function shownIds(grid: Locator): Promise<string[]> {
  return grid.evaluate((g) => {
    const headers = [...g.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent);
    const index = headers.indexOf('Alert ID');
    return [...g.querySelectorAll('[role="row"]')].slice(1).map((row) => {
      const cells = row.querySelectorAll('[role="gridcell"]');
      return cells[index + cells.length - headers.length]?.textContent ?? '';
    });
  });
}

test('lists alerts served by the service worker, newest first, with the total', async ({
  page,
}) => {
  const grid = await openQueue(page);
  await expect(page.getByText(TOTAL)).toBeVisible();
  expect(await bodyRows(grid).count()).toBe(50);
  await expect(page.getByText(/^1–50 of [\d,]+$/)).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Remove filter Status: New, In progress' }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/alerts-queue.png' });

  await grid.getByRole('columnheader', { name: 'Severity' }).click();
  await expect(page).toHaveURL(/sort=severity(%3A|:)asc/);
  await expect(bodyRows(grid).first()).toContainText('Informational');
});

test('a filtered URL opened afresh shows the same rows', async ({ page, context }) => {
  const path = '/alerts?source=microsoftDefenderForOffice365&severity=high,medium&status=any';
  const grid = await openQueue(page, path);
  const ids = await shownIds(grid);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(id).toMatch(/^fa/);
  await expect(
    page.getByRole('button', {
      name: 'Remove filter Service source: Microsoft Defender for Office 365',
    }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/alerts-queue-filtered.png' });

  const fresh = await context.newPage();
  const freshGrid = await openQueue(fresh, path);
  expect(await shownIds(freshGrid)).toEqual(ids);
  await expect(fresh.getByRole('combobox', { name: 'Severity' })).toHaveText('High, Medium');
  await fresh.close();
});

test('filters, pages and back/forward move between views', async ({ page }) => {
  test.slow(); // five views, each a fresh page of 50 rows
  const grid = await openQueue(page);
  const firstPage = await shownIds(grid);

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/^51–100 of/)).toBeVisible();
  await expect.poll(() => shownIds(grid)).not.toEqual(firstPage);

  await page.getByRole('combobox', { name: 'Service source' }).click();
  await page.getByRole('menuitemcheckbox', { name: 'Microsoft Defender for Identity' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/source=microsoftDefenderForIdentity/);
  await expect(page).not.toHaveURL(/page=2/);
  await expect
    .poll(async () => (await shownIds(grid)).every((id) => /^(aa|ri)/.test(id)))
    .toBe(true);

  await page.goBack();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/^51–100 of/)).toBeVisible();
  await page.goBack();
  await expect.poll(() => shownIds(grid)).toEqual(firstPage);
});

test('select two alerts: "2 selected", kept across pages; Move is offered for them', async ({
  page,
}) => {
  const grid = await openQueue(page);
  const rows = bodyRows(grid);
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await expect(page.getByText('2 selected')).toBeVisible();

  const move = page.getByRole('button', { name: 'Move alerts to another incident' });
  await expect(move).not.toHaveAttribute('aria-disabled', 'true');
  await move.hover();
  await expect(page.getByRole('tooltip')).toHaveText(
    'Move the selected alerts to another incident',
  );
  await page.screenshot({ path: 'test-results/alerts-queue-selected.png' });

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText(/^51–100 of/)).toBeVisible();
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(rows.nth(0).getByRole('checkbox')).toBeChecked();
  await expect(rows.nth(1).getByRole('checkbox')).toBeChecked();
});

test('search by alert ID finds that alert', async ({ page }) => {
  const grid = await openQueue(page);
  const [id] = (await shownIds(grid)).slice(3, 4);
  expect(id).toBeTruthy();
  await page.getByRole('searchbox', { name: 'Search for alert name or ID' }).fill(id!);
  await expect(page).toHaveURL(new RegExp(`q=${id}`));
  await expect.poll(() => shownIds(grid)).toEqual([id]);
  await expect(page.getByText(/^1 alert$/)).toBeVisible();
  await page.screenshot({ path: 'test-results/alerts-queue-search.png' });

  await page.getByRole('searchbox', { name: 'Search for alert name or ID' }).fill('zzz-nothing');
  await expect(page.getByText('No alerts match these filters')).toBeVisible();
  await page.screenshot({ path: 'test-results/alerts-queue-empty.png' });
  await page.getByRole('button', { name: 'Clear filters' }).last().click();
  await expect(page).toHaveURL(/status=any/);
  await expect(grid).toBeVisible();
});

test('keyboard only: reach a row checkbox, select it, and open the alert', async ({ page }) => {
  const grid = await openQueue(page);
  await page.locator('body').click({ position: { x: 1, y: 300 } });

  // Tab until focus enters the grid (its first stop is the "select all" checkbox).
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await grid.evaluate((g) => g.contains(document.activeElement))) break;
  }
  await expect(
    grid.getByRole('checkbox', { name: 'Select all alerts on this page' }),
  ).toBeFocused();

  await page.keyboard.press('ArrowDown');
  const firstBox = bodyRows(grid).nth(0).getByRole('checkbox');
  await expect(firstBox).toBeFocused();
  await page.keyboard.press('Space');
  await expect(firstBox).toBeChecked();
  await expect(page.getByText('1 selected')).toBeVisible();
  await page.screenshot({ path: 'test-results/alerts-queue-keyboard.png' });

  await page.keyboard.press('ArrowRight');
  const title = bodyRows(grid).nth(0).getByRole('button');
  await expect(title).toBeFocused();
  const name = (await title.textContent()) ?? '';
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]alert=/);
  const panel = page.getByRole('dialog', { name });
  await expect(panel).toBeVisible();
  await page.screenshot({ path: 'test-results/alerts-queue-panel.png' });
});

test('clicking an alert name opens its details panel', async ({ page }) => {
  const grid = await openQueue(page);
  const title = bodyRows(grid).nth(2).getByRole('button');
  const name = (await title.textContent()) ?? '';
  const [id] = (await shownIds(grid)).slice(2, 3);
  await title.click();
  await expect(page).toHaveURL(new RegExp(`[?&]alert=${id}`));
  await expect(page.getByRole('dialog', { name })).toBeVisible();
});

test('has no serious or critical accessibility violations', async ({ page }) => {
  test.slow(); // axe walks a grid of 50 rows × 13 cells
  await openQueue(page, '/alerts?severity=high&category=InitialAccess,Execution');
  await expectAccessible(page, 'alerts queue');
});

test('dark theme', async ({ page }) => {
  await openQueue(page);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  await bodyRows(page.getByRole('grid', { name: 'Alerts' }))
    .nth(1)
    .getByRole('checkbox')
    .check();
  await page.screenshot({ path: 'test-results/alerts-queue-dark.png' });
});
