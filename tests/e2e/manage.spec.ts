/**
 * Manage incident in Chromium against the built app and the MSW service worker: assign to me and
 * find it under "Assigned to me"; resolve and see the alerts resolved; classify and read the
 * old → new audits in the Activity log; bulk-manage two incidents from the queue.
 */
import { expect, test, type Page } from '@playwright/test';
import { openQueue, seriousViolations, startConsole } from './support';

const GRAPH = 'https://graph.microsoft.com/v1.0';
const ME = 'analyst@contoso.com';
const SHOTS = '/tmp/shots-manage';

test.describe.configure({ timeout: 60_000 });

type Picked = { id: string; name: string };

/** Starts the app (and its worker), then finds open incidents fitting `kind`. */
async function pickIncidents(
  page: Page,
  kind: 'unassigned' | 'withOpenAlerts' | 'unclassified',
  count = 1,
): Promise<Picked[]> {
  await startConsole(page);
  return page.evaluate(
    async ({ graph, kind, count }) => {
      const headers = { Authorization: 'Bearer mock.analyst@contoso.com' };
      const list = (await (
        await fetch(
          `${graph}/security/incidents?$filter=status%20eq%20'active'%20or%20status%20eq%20'inProgress'&$top=50&$expand=alerts`,
          { headers },
        )
      ).json()) as {
        value: {
          id: string;
          displayName: string;
          assignedTo: string | null;
          classification: string | null;
          alerts: { status: string }[];
        }[];
      };
      const fits = list.value.filter((i) => {
        if (i.alerts.length < 2) return false;
        if (kind === 'unassigned') return !i.assignedTo;
        if (kind === 'unclassified') return !i.classification || i.classification === 'unknown';
        return i.alerts.some((a) => a.status === 'new' || a.status === 'inProgress');
      });
      if (fits.length < count) throw new Error(`Not enough ${kind} incidents`);
      return fits.slice(0, count).map((i) => ({ id: i.id, name: i.displayName }));
    },
    { graph: GRAPH, kind, count },
  );
}

/** Opens an incident's page and its Manage incident drawer from the header. */
async function openManage(page: Page, { id, name }: Picked) {
  await page.goto(`/incidents/${id}/overview`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Manage incident' }).click();
  const drawer = page.getByRole('dialog', { name: /Manage incident/ });
  await expect(drawer.getByRole('textbox', { name: /Incident name/ })).toHaveValue(name);
  return drawer;
}

async function choose(
  page: Page,
  scope: ReturnType<Page['getByRole']>,
  field: string,
  option: string,
) {
  await scope.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Serious and critical WCAG 2 A/AA violations (tabster's focus sentinels left out). */

test('assign an incident to me, then find it under "Assigned to me"', async ({ page }) => {
  const [incident] = await pickIncidents(page, 'unassigned');
  const drawer = await openManage(page, incident!);
  await page.screenshot({ path: `${SHOTS}/drawer-light.png` });
  expect(await seriousViolations(page)).toEqual([]);

  await drawer.getByRole('button', { name: 'Assign to me' }).click();
  await expect(drawer.getByRole('combobox', { name: 'Assign to' })).toHaveValue('Avery Analyst');
  await expect(drawer.getByText('1 field changed')).toBeVisible();
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(`Incident ${incident!.id} updated`).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/saved-toast.png` });
  await expect(drawer).toBeHidden();
  // Focus goes back to the button that opened the drawer.
  await expect(page.getByRole('button', { name: 'Manage incident' })).toBeFocused();
  await expect(page.locator('header dd').filter({ hasText: ME })).toBeVisible();

  await page.goto('/incidents');
  const grid = page.getByRole('grid', { name: 'Incidents' });
  await expect(grid.getByRole('row').nth(1)).toBeVisible();
  await page
    .getByRole('group', { name: 'Filters' })
    .getByRole('button', { name: 'Assignment' })
    .click();
  await page.getByRole('menuitemcheckbox', { name: 'Assigned to me' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/assignment=me/);
  await expect(grid.locator(`a[href="/incidents/${incident!.id}/overview"]`)).toBeVisible();
});

test('resolve an incident with a comment; its alerts are resolved', async ({ page }) => {
  const [incident] = await pickIncidents(page, 'withOpenAlerts');
  const drawer = await openManage(page, incident!);
  await drawer.getByRole('switch', { name: 'Resolve incident' }).click();
  await drawer.getByRole('textbox', { name: /Comment/ }).fill('Contained and cleaned up.');
  await page.screenshot({ path: `${SHOTS}/drawer-resolve.png` });
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.locator('header').getByText('Resolved', { exact: true })).toBeVisible();

  await page.getByRole('tab', { name: /Alerts/ }).click();
  const alerts = page.getByRole('grid').last();
  await expect(alerts.getByRole('row').nth(1)).toBeVisible();
  await expect(alerts.getByText(/^(New|In progress)$/)).toHaveCount(0);
  expect(await alerts.getByText('Resolved', { exact: true }).count()).toBeGreaterThan(0);
});

test('classify an incident and read the old → new audits in the Activity log', async ({ page }) => {
  const [incident] = await pickIncidents(page, 'unclassified');
  const drawer = await openManage(page, incident!);
  await choose(page, drawer, 'Classification', 'True positive');
  await drawer.getByRole('combobox', { name: 'Determination' }).click();
  // Only the determinations that go with a true positive are offered.
  await expect(page.getByRole('option', { name: 'Not malicious' })).toHaveCount(0);
  await page.getByRole('option', { name: 'Phishing', exact: true }).click();
  await page.screenshot({ path: `${SHOTS}/drawer-classified.png` });
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.locator('header').getByText('True positive · Phishing')).toBeVisible();

  await page.getByRole('tab', { name: 'Activity log' }).click();
  const log = page.getByRole('list', { name: 'Activity log' });
  await expect(
    log.getByText('Classification changed from Not set to True positive.'),
  ).toBeVisible();
  await expect(log.getByText('Determination changed from Not set to Phishing.')).toBeVisible();
});

test('bulk-manage two incidents from the queue', async ({ page }) => {
  const grid = await openQueue(page);
  const rows = grid.locator('[role="row"][aria-selected]');
  const ids: string[] = [];
  for (const i of [0, 1]) {
    const href = await rows.nth(i).locator('a[href^="/incidents/"]').first().getAttribute('href');
    ids.push(href!.split('/')[2]!);
    await rows.nth(i).getByRole('checkbox').check();
  }
  await expect(page.getByText('2 selected')).toBeVisible();
  await page.getByRole('button', { name: 'Manage incident' }).click();

  const drawer = page.getByRole('dialog', { name: /Manage incidents/ });
  await expect(drawer.getByText('2 incidents selected')).toBeVisible();
  await choose(page, drawer, 'Severity', 'Informational');
  await drawer.getByRole('combobox', { name: 'Add tags' }).fill('Bulk reviewed');
  await page.getByRole('option', { name: "Create tag 'Bulk reviewed'" }).click();
  await page.screenshot({ path: `${SHOTS}/drawer-bulk.png` });
  await drawer.getByRole('button', { name: 'Save' }).click();

  await expect(drawer.getByText('All 2 incidents were updated.')).toBeVisible();
  const results = drawer.getByRole('list', { name: 'Results' }).getByRole('listitem');
  await expect(results).toHaveCount(2);
  for (const id of ids)
    await expect(results.filter({ hasText: `Incident ${id}` })).toContainText('Updated');
  await page.screenshot({ path: `${SHOTS}/drawer-bulk-results.png` });
  await drawer.getByRole('button', { name: 'Done' }).click();
  await expect(drawer).toBeHidden();
  await expect(page.getByText('2 selected')).toBeHidden();

  for (const id of ids) {
    await page.goto(`/incidents/${id}/overview`);
    const header = page.locator('header').filter({ has: page.getByRole('heading', { level: 1 }) });
    await expect(header.getByText('Informational', { exact: true })).toBeVisible();
    await expect(header.getByRole('list', { name: 'Tags' })).toContainText('Bulk reviewed');
  }
});
