/**
 * The queue's tools in Chromium against the built app and the real service worker: the Filters
 * pane (seed 003's path), the time range, Customize columns, page size, Export to CSV with its
 * progress and Cancel, saved filter sets, links the queue cannot fully read, axe and screenshots.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { expectAccessible, openQueue, shownIds } from './support';

test.describe.configure({ timeout: 120_000 });

async function settled(page: Page) {
  const grid = page.getByRole('grid', { name: 'Incidents' });
  await expect(grid).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByRole('progressbar', { name: 'Updating incidents' })).toBeHidden();
}

const totalOf = async (page: Page) =>
  Number((await page.getByText(/^[\d,]+ incidents?$/).innerText()).replace(/[^\d]/g, ''));

async function darkTheme(page: Page) {
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
}

test('Filters, Incident assignment: clear Select all, Assigned to me, Apply; the bookmarked URL shows the same incidents', async ({
  page,
}) => {
  await openQueue(page);
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  const pane = page.getByRole('dialog', { name: 'Filters' });
  await expect(pane).toBeVisible();
  for (const section of [
    'Status',
    'Severity',
    'Incident assignment',
    'Classification',
    'Service sources',
    'Tags',
  ]) {
    await expect(pane.getByRole('group', { name: section })).toBeVisible();
  }
  const assignment = pane.getByRole('group', { name: 'Incident assignment' });
  await expect(assignment.getByRole('checkbox', { name: 'Select all' })).toBeChecked();
  await page.screenshot({ path: 'test-results/queue-filters-pane-light.png' });
  await expectAccessible(page, 'Filters pane', pane);

  await assignment.getByRole('checkbox', { name: 'Select all' }).uncheck();
  await expect(assignment.getByRole('checkbox', { name: 'Assigned to me' })).not.toBeChecked();
  // Nothing ticked would match nothing: Apply waits for a choice.
  await expect(pane.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await assignment.getByRole('checkbox', { name: 'Assigned to me' }).check();
  await pane.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/[?&]assignment=me(&|$)/);
  await pane.getByRole('button', { name: 'Close' }).click();
  await expect(pane).toBeHidden();
  await settled(page);

  const me = page.getByRole('grid', { name: 'Incidents' });
  // Every row is assigned to the signed-in analyst (the quick menu shows the same filter). The
  // URL changes a moment before the new request starts, so wait for the rows themselves.
  await expect(
    page.getByRole('button', { name: 'Remove filter Assignment: Assigned to me' }),
  ).toBeVisible();
  await expect
    .poll(async () => {
      const assignees = await me
        .locator('[role="row"][aria-selected]')
        .evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
      return assignees.length > 0 && assignees.every((text) => text.includes('@'));
    })
    .toBe(true);
  await settled(page);
  const ids = await shownIds(page);
  const total = await totalOf(page);

  const bookmark = page.url();
  await page.goto('about:blank');
  await openQueue(page, new URL(bookmark).pathname + new URL(bookmark).search);
  expect(await shownIds(page)).toEqual(ids);
  expect(await totalOf(page)).toBe(total);

  await darkTheme(page);
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  const darkPane = page.getByRole('dialog', { name: 'Filters' });
  await expect(darkPane).toBeVisible();
  await page.screenshot({ path: 'test-results/queue-filters-pane-dark.png' });
  await expectAccessible(page, 'Filters pane, dark', darkPane);
});

test('the time range narrows the queue, custom ranges are checked, and the choice survives a reload', async ({
  page,
}) => {
  await openQueue(page, '/incidents?status=all');
  const all = await totalOf(page);
  await page.getByRole('button', { name: 'Time range: 6 months' }).click();
  for (const option of ['1 day', '3 days', '1 week', '30 days', '6 months']) {
    await expect(page.getByRole('menuitemradio', { name: option })).toBeVisible();
  }
  await page.screenshot({ path: 'test-results/queue-time-range-light.png' });
  await page.getByRole('menuitemradio', { name: '1 day' }).click();
  await expect(page).toHaveURL(/[?&]range=1d(&|$)/);
  // The URL changes a moment before the new request starts: wait for the new total itself.
  await expect.poll(() => totalOf(page).catch(() => all)).toBeLessThan(all);

  await page.reload();
  await settled(page);
  await expect(page.getByRole('button', { name: 'Time range: 1 day' })).toBeVisible();

  // A custom range that ends before it starts is refused, and the queue stays as it was.
  await page.getByRole('button', { name: 'Time range: 1 day' }).click();
  await page.getByRole('menuitem', { name: 'Custom range…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Custom range' });
  await dialog.getByLabel('Start').fill('2026-11-20T10:00');
  await dialog.getByLabel('End').fill('2026-11-10T10:00');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByText('The end of the range must be after its start.')).toBeVisible();
  await expect(page).toHaveURL(/[?&]range=1d(&|$)/);
  await expectAccessible(page, 'Custom range dialog', dialog);
  await dialog.getByLabel('Start').fill('2020-01-01T00:00');
  await dialog.getByLabel('End').fill('2099-01-01T00:00');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/[?&]range=custom&from=[^&]+&to=[^&]+/);
  await expect.poll(() => totalOf(page).catch(() => 0)).toBe(all);
  await page.reload();
  await settled(page);
  await expect(page.getByRole('button', { name: /^Time range: .+ – .+/ })).toBeVisible();
});

test('a customized column set and a resized column survive a reload', async ({ page }) => {
  await openQueue(page);
  const headers = () =>
    page
      .getByRole('grid', { name: 'Incidents' })
      .getByRole('columnheader')
      .evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').trim()).filter(Boolean));
  expect(await headers()).toContain('Incident ID');

  await page.getByRole('button', { name: 'Customize columns' }).click();
  const dialog = page.getByRole('dialog', { name: 'Customize columns' });
  await dialog.getByRole('checkbox', { name: 'Incident ID' }).uncheck();
  await dialog.getByRole('button', { name: 'Move Status up' }).click();
  await dialog.getByRole('button', { name: 'Move Status up' }).click();
  await page.screenshot({ path: 'test-results/queue-columns-light.png' });
  await expectAccessible(page, 'Customize columns', dialog);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();

  const chosen = await headers();
  expect(chosen).not.toContain('Incident ID');
  expect(chosen.indexOf('Status')).toBeLessThan(chosen.indexOf('Severity'));

  // Widen "Assigned to" by dragging the edge of its header.
  const header = page.getByRole('columnheader', { name: 'Assigned to' });
  const before = (await header.boundingBox())!.width;
  const box = (await header.boundingBox())!;
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 120, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await header.boundingBox())!.width).toBeGreaterThan(before + 60);
  const widened = (await header.boundingBox())!.width;

  await page.reload();
  await settled(page);
  expect(await headers()).toEqual(chosen);
  expect(Math.round((await header.boundingBox())!.width)).toBe(Math.round(widened));

  await page.getByRole('button', { name: 'Customize columns' }).click();
  await page
    .getByRole('dialog', { name: 'Customize columns' })
    .getByRole('button', { name: 'Reset to default' })
    .click();
  // The grid is back in the accessibility tree once the dialog has closed.
  await expect.poll(headers).toContain('Incident ID');
});

test('page size 100 is read as two Graph pages of 50; a link with bad values says what it dropped', async ({
  page,
}) => {
  await openQueue(page, '/incidents?status=all');
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/security/incidents?')) requests.push(r.url());
  });
  await page.getByRole('button', { name: 'Page size: 50 per page' }).click();
  await page.getByRole('menuitemradio', { name: '100 per page' }).click();
  await expect(page).toHaveURL(/[?&]size=100(&|$)/);
  await settled(page);
  await expect.poll(async () => (await shownIds(page)).length).toBe(100);
  const tops = requests.map((u) => new URL(u).searchParams.get('$top'));
  expect(tops.length).toBeGreaterThanOrEqual(2);
  expect(tops.every((t) => Number(t) <= 50)).toBe(true);
  await expect(page.getByText(/^Showing 1–100 of/)).toBeVisible();

  await openQueue(page, '/incidents?size=77&severity=bogus&severity=high&range=2y');
  const notice = page.getByText('Part of this link could not be used');
  await expect(notice).toBeVisible();
  await expect(page.getByText('Severity: "bogus" is not a value of this filter')).toBeVisible();
  await expect(page.getByText('Time range "2y" is not one of')).toBeVisible();
  await expect(page.getByText('Page size "77" is not offered')).toBeVisible();
  await expect(page).toHaveURL(/\/incidents\?severity=high$/);
  expect((await shownIds(page)).length).toBeLessThanOrEqual(50);
  await page.screenshot({ path: 'test-results/queue-url-notice-light.png' });
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toBeHidden();
});

test('a column is resized with the keyboard alone, and keeps its width after a reload', async ({
  page,
}) => {
  await openQueue(page);
  const header = page.getByRole('columnheader', { name: 'Incident ID' });
  const widthOf = async () => Math.round((await header.boundingBox())?.width ?? 0);
  const before = await widthOf();
  // j puts focus on the first incident's row (its ID cell); ↑ goes to the column's header.
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowUp');
  await expect(header.getByRole('button', { name: 'Incident ID' })).toBeFocused();
  // The header's context menu (Shift+F10) offers keyboard resizing.
  await page.keyboard.press('Shift+F10');
  const item = page.getByRole('menuitem', { name: 'Resize with keyboard' });
  await expect(item).toBeVisible();
  // Escape closes it and gives focus back to the header, whose menu opens again.
  await page.keyboard.press('Escape');
  await expect(item).toBeHidden();
  await expect(header.getByRole('button', { name: 'Incident ID' })).toBeFocused();
  await page.keyboard.press('Shift+F10');
  await expect(item).toBeVisible();
  await expectAccessible(page, 'Column header menu', page.getByRole('menu'));
  await item.press('Enter');
  const handle = header.getByRole('separator', { name: 'Resize column' });
  await expect(handle).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuetext', `${before + 80} pixels`);
  await page.keyboard.press('Enter');
  await expect(header.getByRole('button', { name: 'Incident ID' })).toBeFocused();
  expect(await widthOf()).toBe(before + 80);

  await page.reload();
  await expect(page.getByRole('grid', { name: 'Incidents' })).toBeVisible({ timeout: 30_000 });
  await expect.poll(widthOf).toBe(before + 80);
});

test('Export writes every incident of the view to a CSV that reads back', async ({ page }) => {
  await openQueue(page, '/incidents?status=all');
  const total = await totalOf(page);
  expect(total).toBeGreaterThan(50);
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export incidents' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'Export dialog', dialog);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^incidents-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(dialog.getByText(`Saved ${total.toLocaleString('en-US')} incidents`)).toBeVisible();
  const text = await readFile(await file.path(), 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(header?.slice(0, 3)).toEqual(['Incident name', 'Incident ID', 'Severity']);
  expect(rows).toHaveLength(total);
  expect(new Set(rows.map((r) => r[1])).size).toBe(total);
});

test('Export shows its progress and Cancel stops it without a file', async ({ page }) => {
  // The large demo store: 10,000 incidents, 200 requests, long enough to cancel.
  await openQueue(page, '/incidents?status=all&mock-size=large');
  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export incidents' });
  let downloads = 0;
  page.on('download', () => downloads++);
  await dialog.getByRole('button', { name: 'Export' }).click();
  const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
  await expect(bar).toBeVisible();
  await expect(dialog.getByText(/^Read [1-9][\d,]* of 10,000 incidents…$/)).toBeVisible();
  await page.screenshot({ path: 'test-results/queue-export-progress-light.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByText('Export cancelled. No file was saved.')).toBeVisible();
  await expect(bar).toBeHidden();
  expect(downloads).toBe(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await darkTheme(page);
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(dialog.getByText(/^10,000 incidents of this view/)).toBeVisible();
  await page.screenshot({ path: 'test-results/queue-export-dark.png' });
});

test('a saved filter set reopens its filters from the list', async ({ page }) => {
  await openQueue(page, '/incidents?severity=high&range=30d');
  await darkTheme(page);
  await page.getByRole('button', { name: 'Saved filters' }).click();
  const dialog = page.getByRole('dialog', { name: 'Saved filters' });
  await dialog.getByLabel('Name').fill('High, last month');
  await dialog.getByRole('button', { name: 'Save current filters' }).click();
  await expect(dialog.getByText('Saved "High, last month".')).toBeVisible();
  await dialog.getByLabel('Name').fill('high, LAST month');
  await dialog.getByRole('button', { name: 'Save current filters' }).click();
  await expect(dialog.getByText(/already exists/)).toBeVisible();
  await expectAccessible(page, 'Saved filters, dark', dialog);
  await page.screenshot({ path: 'test-results/queue-saved-filters-dark.png' });
  await dialog.getByRole('button', { name: 'Close' }).click();

  await openQueue(page, '/incidents');
  await page.getByRole('button', { name: 'Saved filters' }).click();
  await page.getByRole('button', { name: 'High, last month', exact: true }).click();
  await expect(page).toHaveURL(/\?severity=high&range=30d$/);
});

// The queue with its tools is checked in light and dark by incident-queue.spec.ts; each tool's
// flyout is checked above, and here in dark.
test('the tools in light and dark; Customize columns in dark passes axe', async ({ page }) => {
  await openQueue(page);
  await page.screenshot({ path: 'test-results/queue-tools-light.png' });
  await darkTheme(page);
  await page.screenshot({ path: 'test-results/queue-tools-dark.png' });
  await page.getByRole('button', { name: 'Customize columns' }).click();
  const dialog = page.getByRole('dialog', { name: 'Customize columns' });
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: 'test-results/queue-columns-dark.png' });
  await expectAccessible(page, 'Customize columns, dark', dialog);
});
