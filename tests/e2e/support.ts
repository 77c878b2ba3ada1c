/**
 * What the Playwright specs share: the accessibility check at WCAG 2.2 AA, screenshots taken
 * once the page has settled, starting the console, opening the queue, whether the demo store is
 * written, and the seed's open Sentinel incidents. (`npm run bench` uses it too.)
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Axe's serious and critical violations, one `rule: targets` line each. `within` (a selector, or
 * the flyout, dialog or menu itself) narrows the check to what is open, when the page beneath it is
 * checked on its own in the same theme: a check of the whole queue costs ~2 CPU-seconds (most of
 * it the 50-row grid), so checking the grid again under every flyout was a third of the CPU time
 * of the queue's specs.
 *
 * Tabster's focus guards (`<i data-tabster-dummy tabindex=0 aria-hidden>`, which Fluent's grid,
 * toolbar, tag group and portals add to wrap focus) are a documented false positive of
 * aria-hidden-focus: they only forward focus (microsoft/tabster#288; Accessibility Insights
 * leaves them out too). Everything else is checked.
 *
 * Frames are not entered (legacy mode below): a page of the console that gained an iframe would
 * need its own check.
 */
export async function seriousViolations(page: Page, within?: string | Locator): Promise<string[]> {
  let builder = new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .exclude('[data-tabster-dummy]')
    // The console has no frames, so one `axe.run` in the page sees everything. The default mode
    // runs each frame on its own and finishes in a new blank page, and without `resultTypes`
    // every passing node of a 50-row grid is described and sent back: measured here, the two
    // together make a check of the queue 2–3× slower.
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] });
  if (typeof within === 'string') builder = builder.include(within);
  else if (within) {
    // Axe takes selectors: mark the element the locator found (only one may match).
    await page
      .locator('[data-axe-scope]')
      .evaluateAll((els) => els.forEach((el) => el.removeAttribute('data-axe-scope')));
    await within.evaluate((el) => el.setAttribute('data-axe-scope', ''));
    builder = builder.include('[data-axe-scope]');
  }
  // Colours are checked at rest: a control caught mid-transition (a button fading from disabled
  // to enabled as its data arrives) blends two colours that neither state shows.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')})`,
    );
}

export async function expectAccessible(
  page: Page,
  what: string,
  within?: string | Locator,
): Promise<void> {
  expect(await seriousViolations(page, within), what).toEqual([]);
}

/**
 * `test-results/<name>.png`, to look at: taken once the fonts are in and nothing shows a skeleton
 * or is busy. Transitions are finished rather than waited out, except with `animations: 'allow'`:
 * a Fluent toast's timer is a CSS animation, and finishing it dismisses the toast.
 */
export async function shoot(
  page: Page,
  name: string,
  options: { fullPage?: boolean; animations?: 'allow' } = {},
) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await expect(page.locator('.fui-Skeleton, [aria-busy="true"]')).toHaveCount(0);
  await page.screenshot({ path: `test-results/${name}.png`, animations: 'disabled', ...options });
}

/** Opens a queue URL and waits for its incidents, answered 200 by the service worker. */
async function openServed(page: Page, path: string) {
  const served = page.waitForResponse(
    (r) => r.url().includes('/security/incidents') && r.fromServiceWorker(),
  );
  await page.goto(path);
  expect((await served).status()).toBe(200);
}

/**
 * Opens the console on a search that matches no incident, and waits until the service worker has
 * answered it: the mock is up, and the page can ask it for a test's data (`page.evaluate` with
 * `fetch`). For a test that leaves this page at once, it spares drawing the 50-row queue first
 * (measured here: ~1.0 against ~1.4 CPU-seconds a visit).
 */
export async function startConsole(page: Page) {
  await openServed(page, '/incidents?q=no-such-incident');
}

/** Opens a queue URL and waits for its rows, which must come from the service worker. */
export async function openQueue(page: Page, path = '/incidents') {
  await openServed(page, path);
  const grid = page.getByRole('grid', { name: 'Incidents' });
  await expect(grid).toBeVisible();
  await expect(grid).not.toHaveAttribute('aria-busy', 'true');
  return grid;
}

/** The incident ids of the rows shown, in order (read from the name links). */
export async function shownIds(page: Page): Promise<string[]> {
  const hrefs = await page
    .getByRole('grid', { name: 'Incidents' })
    .locator('[role="row"][aria-selected] a[href^="/incidents/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.split('/')[2] ?? '');
}

export const GRAPH = 'https://graph.microsoft.com/v1.0';
export const MOCK = 'https://graph.microsoft.com/mock/v1';
export const ARM = 'https://management.azure.com';
export const API_VERSION = '2022-07-01-preview';

/**
 * Opens the console (its worker then serves the store) and lists the seed's open Sentinel
 * incidents (New or Active), as ARM lists them in each workspace: their Graph ids.
 */
export async function openSentinelIncidentIds(page: Page): Promise<string[]> {
  await startConsole(page);
  return page.evaluate(
    async ({ mock, arm, version }) => {
      const headers = { Authorization: 'Bearer mock.analyst@contoso.com' };
      const get = async <T>(url: string) => (await (await fetch(url, { headers })).json()) as T;
      const filter = encodeURIComponent(
        "properties/status eq 'New' or properties/status eq 'Active'",
      );
      const ids: string[] = [];
      const workspaces = await get<{ value: { id: string }[] }>(`${mock}/workspaces`);
      for (const ws of workspaces.value) {
        const list = await get<{
          value: { properties: { incidentNumber: number; providerName: string } }[];
        }>(
          `${arm}${ws.id}/providers/Microsoft.SecurityInsights/incidents?api-version=${version}&$top=1000&$filter=${filter}`,
        );
        for (const i of list.value) {
          if (i.properties.providerName === 'Azure Sentinel')
            ids.push(String(i.properties.incidentNumber));
        }
      }
      return ids;
    },
    { mock: MOCK, arm: ARM, version: API_VERSION },
  );
}

/**
 * Whether the page's demo store is in IndexedDB yet: new demo data is stored as its `meta` record
 * as soon as it is generated, and each change with a new `meta` (README "Demo data"). Opened
 * without a version: the store's worker has created the database.
 */
export function storeWritten(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('soc-console-mock');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(String(req.error)));
    });
    try {
      if (!db.objectStoreNames.contains('meta')) return false;
      const req = db.transaction('meta').objectStore('meta').get('meta');
      return await new Promise<boolean>((resolve) => {
        req.onsuccess = () => resolve(req.result !== undefined);
        req.onerror = () => resolve(false);
      });
    } finally {
      db.close();
    }
  });
}
