/**
 * The incident queue in Chromium against the built app: data from the MSW service worker,
 * views that live in the URL, selection, expanded rows, personas, keyboard use and axe.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, openQueue, shownIds } from './support';

const TOTAL = /^[\d,]+ incidents?$/;

// A page of the queue is 750 cells, axe reads all of them, and the machine may be shared.
test.describe.configure({ timeout: 90_000 });

const bodyRow = (page: Page, index: number) =>
  page.getByRole('grid', { name: 'Incidents' }).locator('[role="row"][aria-selected]').nth(index);

async function pick(page: Page, menu: string, option: string) {
  await page.getByRole('group', { name: 'Filters' }).getByRole('button', { name: menu }).click();
  await page.getByRole('menuitemcheckbox', { name: option }).click();
  await page.keyboard.press('Escape');
}

test('lists the worker’s incidents; two ticked rows read "2 selected"', async ({ page }) => {
  await openQueue(page);
  await expect(page.getByText(TOTAL)).toBeVisible();
  expect(await shownIds(page)).toHaveLength(50);

  await bodyRow(page, 0).getByRole('checkbox').check();
  await bodyRow(page, 2).getByRole('checkbox').check();
  await expect(page.getByText('2 selected')).toBeVisible();
  await expect(bodyRow(page, 0)).toHaveAttribute('aria-selected', 'true');

  // Two are enough to merge: the button is enabled and opens the Merge incidents flyout.
  const merge = page.getByRole('button', { name: 'Merge incidents' });
  await expect(merge).toBeEnabled();
  await expect(merge).not.toHaveAttribute('aria-disabled', 'true');
  await merge.click();
  const flyout = page.getByRole('dialog', { name: 'Merge incidents' });
  await expect(flyout).toBeVisible();
  await flyout.getByRole('button', { name: 'Cancel' }).click();
  await expect(flyout).toBeHidden();
  await expect(merge).toBeFocused();
  await page.screenshot({ path: 'test-results/queue-light.png' });

  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.getByText('2 selected')).toBeHidden();
});

test('a search narrows the page to its incident, and clearing it brings the whole page back', async ({
  page,
}) => {
  await openQueue(page);
  const defaults = await shownIds(page);
  const grid = page.getByRole('grid', { name: 'Incidents' });
  const search = page.getByRole('searchbox', { name: 'Search for name or ID' });
  await search.fill(defaults[3]!);
  await search.press('Enter');
  await expect.poll(() => shownIds(page)).toEqual([defaults[3]]);
  // The header and the one incident: the rows it no longer shows are gone, not left empty.
  await expect(grid.getByRole('row')).toHaveCount(2);
  await expect(grid.getByRole('checkbox', { name: /^Select (?!all)/ })).toHaveCount(1);

  await search.fill('');
  await search.press('Enter');
  await expect.poll(() => shownIds(page)).toEqual(defaults);
  await expect(grid.getByRole('row')).toHaveCount(51);
  await expect(grid.getByRole('checkbox', { name: /^Select (?!all)/ })).toHaveCount(50);
  await expect(bodyRow(page, 49)).toBeVisible();
});

test('a filtered, sorted URL opened fresh shows the same rows; back/forward move between views', async ({
  page,
  context,
}) => {
  await openQueue(page);
  const defaults = await shownIds(page);

  await pick(page, 'Severity', 'High');
  await pick(page, 'Severity (1)', 'Medium');
  await expect(page).toHaveURL(/\?severity=high&severity=medium$/);
  await page
    .getByRole('columnheader', { name: 'Incident ID' })
    .getByRole('button', { name: 'Incident ID' })
    .click();
  await expect(page).toHaveURL(/\?severity=high&severity=medium&sort=id&order=asc$/);
  await expect(page.getByRole('grid', { name: 'Incidents' })).not.toHaveAttribute(
    'aria-busy',
    'true',
  );
  await expect.poll(async () => (await shownIds(page)).join(',')).not.toBe(defaults.join(','));
  // The filtered rows can show before the sorted ones arrive (the grid keeps the previous rows
  // while the next are read): wait for the sorted list itself.
  await expect
    .poll(async () => {
      const numeric = (await shownIds(page)).map(Number);
      return numeric.every((id, i) => i === 0 || numeric[i - 1]! < id);
    })
    .toBe(true);
  const filtered = await shownIds(page);
  await expect(
    page.getByRole('button', { name: 'Remove filter Severity: High, Medium' }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/queue-filtered.png' });

  const fresh = await context.newPage();
  await openQueue(fresh, new URL(page.url()).pathname + new URL(page.url()).search);
  expect(await shownIds(fresh)).toEqual(filtered);
  await expect(fresh.getByRole('button', { name: 'Severity (2)' })).toBeVisible();
  await fresh.close();

  await page.goBack();
  await expect(page).toHaveURL(/\?severity=high&severity=medium$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?severity=high$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/incidents$/);
  await expect.poll(() => shownIds(page)).toEqual(defaults);
  await page.goForward();
  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(/sort=id&order=asc$/);
  await expect.poll(() => shownIds(page)).toEqual(filtered);
});

test('"Assigned to me" follows the persona', async ({ page }) => {
  await openQueue(page, '/incidents?assignment=me');
  const assignees = () => bodyRowsText(page, 7 /* Assigned to */);
  await expect.poll(assignees).toContain('analyst@contoso.com');
  expect(new Set(await assignees())).toEqual(new Set(['analyst@contoso.com']));

  await page.getByRole('combobox', { name: 'Persona' }).click();
  await page.getByRole('option', { name: /Eli Endpoint/ }).click();
  await expect.poll(assignees).toContain('endpoint.analyst@contoso.com');
  expect(new Set(await assignees())).toEqual(new Set(['endpoint.analyst@contoso.com']));
});

async function bodyRowsText(page: Page, column: number): Promise<string[]> {
  return page
    .getByRole('grid', { name: 'Incidents' })
    .locator('[role="row"][aria-selected]')
    .evaluateAll(
      (rows, i) => rows.map((r) => r.querySelectorAll('[role="gridcell"]')[i]?.textContent ?? ''),
      column,
    );
}

test('a row expands to its alerts; an alert can be ticked and opened', async ({ page }) => {
  await openQueue(page);
  const row = bodyRow(page, 0);
  const name = (await row.getByRole('link').textContent()) ?? '';
  const count = Number(await row.locator('[role="gridcell"]').nth(10).textContent());
  const expand = row.getByRole('button', { name: `Alerts of ${name}` });
  await expand.click();
  await expect(expand).toHaveAttribute('aria-expanded', 'true');

  const table = page.getByRole('table', { name: `Alerts of ${name}` });
  await expect(table).toBeVisible();
  // The count holds alerts related from other incidents (seed 004); the row lists its own and
  // names how many related ones it leaves out.
  const note = page.getByText(/alerts? related to this incident from/);
  const related = (await note.count()) === 0 ? 0 : parseInt((await note.textContent()) ?? '', 10);
  await expect(table.getByRole('row')).toHaveCount(count - related + 1);
  await table.getByRole('checkbox').first().check();
  await expect(page.getByText('1 alert selected')).toBeVisible();
  await page.screenshot({ path: 'test-results/queue-expanded.png' });

  const firstTitle = table.getByRole('row').nth(1).getByRole('button');
  await firstTitle.click();
  await expect(page).toHaveURL(/[?&]alert=/);
});

test('keyboard only: Tab into the grid, arrow to a row checkbox, Space selects it', async ({
  page,
}) => {
  await openQueue(page);
  await page.getByRole('searchbox', { name: 'Search for name or ID' }).focus();
  // Tab moves through the filter bar and the toolbar to the grid, whose first stop is "Select all".
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    if (label === 'Select all incidents on this page') break;
  }
  await expect(
    page.getByRole('checkbox', { name: 'Select all incidents on this page' }),
  ).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('aria-label', /^Select /);
  await page.keyboard.press('Space');
  await expect(page.getByText('1 selected')).toBeVisible();
  await expect(focused).toBeChecked();

  // Across the row: the expand button, then the name link; Enter on the button expands it.
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(page.locator(':focus')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAttribute('href', /^\/incidents\/\d+\/overview$/);
  await page.screenshot({ path: 'test-results/queue-keyboard.png' });
});

test('axe finds no serious or critical violation, in light and dark', async ({ page }) => {
  await openQueue(page);
  await bodyRow(page, 0)
    .getByRole('button', { name: /^Alerts of / })
    .click();
  await bodyRow(page, 1).getByRole('checkbox').check();

  for (const theme of ['light', 'dark'] as const) {
    await expectAccessible(page, theme);
    if (theme === 'light') {
      await page.getByRole('button', { name: 'Switch to dark theme' }).click();
      await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
      await page.screenshot({ path: 'test-results/queue-dark.png' });
    }
  }
});
