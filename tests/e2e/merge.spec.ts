/**
 * Merge incidents (issue 4) in Chromium against the built app and the MSW service worker: from
 * the queue (preview, confirmation, merging state, toast, the target's alerts and activity log),
 * from the incident page through "Other incident name or ID" with the keyboard alone, a blocked
 * merge explained before the click, leaving the page while a merge is unanswered, and a merged
 * incident's URL landing on its final target.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations, startConsole } from './support';

const GRAPH = 'https://graph.microsoft.com/v1.0';
const SHOTS = process.env.E2E_SHOTS ?? 'test-results';

test.describe.configure({ timeout: 90_000 });

type Picked = { id: string; name: string; alerts: number; created: string };

type MergingSeen = { rows: number; button: boolean };

/**
 * From now on, the page records what it showed while a merge ran: the most rows of the queue
 * that said "Merging…" at once, and whether the flyout's button did. The merge takes 800 ms in
 * the browser mock, which a loaded machine may not poll within; the page sees every change.
 */
async function recordMerging(page: Page) {
  await page.evaluate(() => {
    const seen: MergingSeen = { rows: 0, button: false };
    const look = () => {
      const grid = document.querySelector('[role="grid"][aria-label="Incidents"]');
      const rows = [...(grid?.querySelectorAll('[role="row"]') ?? [])].filter((row) =>
        row.textContent?.includes('Merging…'),
      );
      seen.rows = Math.max(seen.rows, rows.length);
      seen.button ||= [...document.querySelectorAll('[role="dialog"] button')].some(
        (button) => button.textContent?.trim() === 'Merging…',
      );
    };
    const observer = new MutationObserver(look);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    Object.assign(window, { __merging: { seen, stop: () => observer.disconnect() } });
  });
}

/** What `recordMerging` saw so far. */
const mergingSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { __merging: { seen: MergingSeen } }).__merging.seen);

/**
 * Open, unclassified incidents with alerts, each assigned to the analyst (so they can be merged,
 * and they come first in the queue, which lists the last updated first). `assignees` overrides.
 */
async function prepare(page: Page, count: number, assignees?: string[]): Promise<Picked[]> {
  return page.evaluate(
    async ({ graph, count, assignees }) => {
      const headers = {
        Authorization: 'Bearer mock.analyst@contoso.com',
        'Content-Type': 'application/json',
      };
      const list = (await (
        await fetch(
          `${graph}/security/incidents?$filter=status%20eq%20'active'%20or%20status%20eq%20'inProgress'&$expand=alerts&$top=50`,
          { headers },
        )
      ).json()) as {
        value: {
          id: string;
          displayName: string;
          classification: string | null;
          determination: string | null;
          createdDateTime: string;
          alerts: unknown[];
        }[];
      };
      const chosen = list.value
        .filter(
          (i) =>
            (!i.classification || i.classification === 'unknown') &&
            (!i.determination || i.determination === 'unknown') &&
            i.alerts.length > 0 &&
            i.alerts.length < 20,
        )
        .slice(0, count);
      if (chosen.length < count) throw new Error('Not enough mergeable incidents in the seed');
      for (const [n, i] of chosen.entries()) {
        const response = await fetch(`${graph}/security/incidents/${i.id}`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ assignedTo: assignees?.[n] ?? 'analyst@contoso.com' }),
        });
        if (!response.ok) throw new Error(`PATCH ${i.id}: ${response.status}`);
      }
      return chosen.map((i) => ({
        id: i.id,
        name: i.displayName,
        alerts: i.alerts.length,
        created: i.createdDateTime,
      }));
    },
    { graph: GRAPH, count, assignees },
  );
}

/** The target by the documented rule: most alerts, then oldest, then lowest id. */
function targetOf(incidents: Picked[]): Picked {
  return [...incidents].sort(
    (a, b) =>
      b.alerts - a.alerts ||
      Date.parse(a.created) - Date.parse(b.created) ||
      Number(a.id) - Number(b.id),
  )[0]!;
}

/** The queue's row of an incident (names are not unique; ids are). */
const rowOf = (page: Page, id: string) =>
  page
    .getByRole('grid', { name: 'Incidents' })
    .locator('[role="row"]', { has: page.locator(`a[href="/incidents/${id}/overview"]`) });

async function openQueueWith(page: Page, incidents: Picked[]) {
  await page.goto('/incidents');
  for (const incident of incidents) {
    await rowOf(page, incident.id)
      .getByRole('checkbox', { name: `Select ${incident.name}` })
      .check();
  }
  await expect(page.getByText(`${incidents.length} selected`)).toBeVisible();
}

test('merges two incidents from the queue; the toast leads to the target with every alert and the merge audit', async ({
  page,
}) => {
  await startConsole(page);
  const [a, b] = await prepare(page, 2);
  const target = targetOf([a!, b!]);
  const source = target === a ? b! : a!;
  await openQueueWith(page, [a!, b!]);

  await page.getByRole('button', { name: 'Merge incidents' }).click();
  const flyout = page.getByRole('dialog', { name: 'Merge incidents' });
  const table = flyout.getByRole('table', { name: 'Incidents to merge' });
  await expect(table.getByRole('row')).toHaveCount(3);
  // Each incident with its alert count and owner; the target marked, and why it is the target.
  const tableRow = (id: string) =>
    table.getByRole('row').filter({ has: page.getByText(`ID ${id}`, { exact: true }) });
  for (const incident of [a!, b!]) {
    await expect(tableRow(incident.id)).toContainText(incident.name);
    await expect(tableRow(incident.id)).toContainText(String(incident.alerts));
    await expect(tableRow(incident.id)).toContainText('analyst@contoso.com');
  }
  await expect(tableRow(target.id)).toContainText('Target');
  await expect(tableRow(source.id)).not.toContainText('Target');
  const targetBox = flyout.getByRole('group', { name: 'Target incident' });
  await expect(targetBox).toContainText(`Target: ${target.name} (ID ${target.id})`);
  await expect(targetBox).toContainText(/most alerts|ties on alerts/);
  await expect(flyout).toContainText(
    `${source.alerts} alert${source.alerts === 1 ? ' moves' : 's move'} to the target`,
  );
  const checks = flyout.getByRole('list', { name: 'Checks' });
  await expect(checks.getByRole('listitem')).toHaveCount(7);
  await expect(checks).not.toContainText('Failed:');
  await expect(checks).toContainText('Passed: Assigned to is the same or unset');
  await expect(flyout.getByRole('button', { name: 'Merge incidents' })).not.toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await flyout.getByRole('textbox', { name: 'Reason for merging' }).fill('Same phishing wave');
  await flyout.getByRole('combobox', { name: 'Merge reasons' }).click();
  // A multiselect listbox's options are menuitemcheckboxes (Fluent).
  await page.getByRole('menuitemcheckbox', { name: 'Same campaign' }).click();
  await page.keyboard.press('Escape');
  await expect(flyout.getByRole('combobox', { name: 'Merge reasons' })).toHaveText('Same campaign');
  await page.screenshot({ path: `${SHOTS}/merge-queue-flyout.png` });
  expect(await seriousViolations(page, '.fui-DrawerBody')).toEqual([]);

  await flyout.getByRole('button', { name: 'Merge incidents' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Merge 2 incidents?' });
  await expect(confirm).toContainText(`${target.name} (ID ${target.id})`);
  await page.screenshot({ path: `${SHOTS}/merge-confirm.png` });
  // While the merge runs, the flyout's button and both rows say so. (The queue sits under the
  // modal flyout, so it is aria-hidden: it is read by CSS, not by role.)
  await recordMerging(page);
  await confirm.getByRole('button', { name: 'Merge' }).click();
  const merging = flyout.getByRole('button', { name: 'Merging…' });
  // The picture is taken while it still shows; the check below does not depend on it.
  const shown = await merging.waitFor({ timeout: 2000 }).then(
    () => true,
    () => false,
  );
  if (shown) await page.screenshot({ path: `${SHOTS}/merge-merging.png` });
  await expect.poll(() => mergingSeen(page)).toEqual({ rows: 2, button: true });
  await page.evaluate(() =>
    (window as unknown as { __merging: { stop: () => void } }).__merging.stop(),
  );

  const link = page.getByRole('link', { name: `Open incident ${target.id}` });
  await expect(page.getByText('Incidents merged', { exact: true })).toBeVisible();
  await expect(flyout).toBeHidden();
  await expect(page.getByText('2 selected')).toBeHidden();
  await expect(rowOf(page, source.id)).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/merge-toast.png` });

  await link.click();
  await expect(page).toHaveURL(
    new RegExp(`/incidents/${target.id}/overview\\?mergedFrom=${source.id}$`),
  );
  // Followed, the toast goes: the target's banner says the same, and nothing covers the page.
  await expect(page.getByText('Incidents merged', { exact: true })).toBeHidden();
  await expect(
    page.getByText(`Incident ${source.id} was merged into incident ${target.id}.`, { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('tab', { name: /^Alerts/ })).toContainText(
    String(a!.alerts + b!.alerts),
  );

  await page.getByRole('tab', { name: /^Activity log/ }).click();
  await expect(
    page.getByText(`Merged incident '${source.name}' (${source.id}) into this incident`, {
      exact: false,
    }),
  ).toBeVisible();
  await expect(page.getByText('Merge reasons: Same campaign.').first()).toBeVisible();
  // The reason for merging is kept as a comment on the target.
  await expect(page.getByText('Same phishing wave', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('From incident').first()).toBeVisible();
  await expect(page.getByRole('link', { name: `incident ${source.id}` }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/merge-target-activity.png`, fullPage: true });
});

test('merges from the incident page through "Other incident name or ID", keyboard only, and lands on the target', async ({
  page,
}) => {
  await startConsole(page);
  const [a, b] = await prepare(page, 2);
  const target = targetOf([a!, b!]);
  const source = target === a ? b! : a!;
  await page.goto(`/incidents/${a!.id}/overview`);
  await expect(page.getByRole('heading', { level: 1, name: a!.name })).toBeVisible();

  const actions = page.getByRole('button', { name: 'Actions' });
  await actions.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: /Manage incident/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: /Merge incidents/ })).toBeFocused();
  await page.keyboard.press('Enter');

  const flyout = page.getByRole('dialog', { name: 'Merge incidents' });
  const picker = flyout.getByRole('combobox', { name: /Other incident name or ID/ });
  await expect(picker).toBeEnabled();
  // One incident is not a merge yet.
  await expect(flyout.getByRole('button', { name: 'Merge incidents' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  // Escape closes the flyout and gives focus back to the Actions button.
  await page.keyboard.press('Escape');
  await expect(flyout).toBeHidden();
  await expect(actions).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(picker).toBeEnabled();

  for (let i = 0; i < 6 && !(await picker.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(picker).toBeFocused();
  await page.keyboard.type(b!.id);
  const option = page.getByRole('option', { name: `${b!.name} (ID ${b!.id})` });
  await expect(option).toBeVisible();
  // The search has answered: only the match is listed (not the list from before typing).
  await expect(page.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(
    flyout.getByRole('table', { name: 'Incidents to merge' }).getByRole('row'),
  ).toHaveCount(3);
  await expect(flyout.getByRole('group', { name: 'Target incident' })).toContainText(
    `Target: ${target.name} (ID ${target.id})`,
  );

  const comment = flyout.getByRole('textbox', { name: 'Comment' });
  for (let i = 0; i < 12 && !(await comment.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(comment).toBeFocused();
  await page.keyboard.type('One attack story');
  await page.screenshot({ path: `${SHOTS}/merge-page-flyout.png` });

  const merge = flyout.getByRole('button', { name: 'Merge incidents' });
  for (let i = 0; i < 6 && !(await merge.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(merge).toBeFocused();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Merge 2 incidents?' });
  await expect(confirm).toBeVisible();
  const yes = confirm.getByRole('button', { name: 'Merge' });
  for (let i = 0; i < 3 && !(await yes.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(yes).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(
    new RegExp(`/incidents/${target.id}/overview\\?mergedFrom=${source.id}$`),
  );
  await expect(
    page.getByText(`Incident ${source.id} was merged into incident ${target.id}.`, { exact: true }),
  ).toBeVisible();
  // The banner says it; no toast repeats it over the page.
  await expect(page.getByText('Incidents merged', { exact: true })).toBeHidden();
  await expect(flyout).toBeHidden();
  // The page that opened the flyout is gone: focus lands in the new page, not on the body.
  await expect
    .poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('main'))))
    .toBe(true);
  await page.screenshot({ path: `${SHOTS}/merge-page-landed.png` });
  // The server agrees: the source leads to the target, whose page is the one shown.
  const after = await page.evaluate(
    async ({ graph, ids }) => {
      const headers = { Authorization: 'Bearer mock.analyst@contoso.com' };
      const get = async (id: string) =>
        (await (await fetch(`${graph}/security/incidents/${id}`, { headers })).json()) as {
          displayName: string;
          redirectIncidentId: string | null;
        };
      const [source, target] = await Promise.all(ids.map(get));
      return { redirect: source!.redirectIncidentId, name: target!.displayName };
    },
    { graph: GRAPH, ids: [source.id, target.id] },
  );
  expect(after.redirect).toBe(target.id);
  await expect(page.getByRole('heading', { level: 1, name: after.name })).toBeVisible();
});

test('a blocked merge shows its reason before the click, and the button stays disabled', async ({
  page,
}) => {
  await startConsole(page);
  const [a, b] = await prepare(page, 2, ['tier1@contoso.com', 'tier2@contoso.com']);
  await openQueueWith(page, [a!, b!]);

  const open = page.getByRole('button', { name: 'Merge incidents' });
  await open.focus();
  await page.keyboard.press('Enter');
  const flyout = page.getByRole('dialog', { name: 'Merge incidents' });
  const checks = flyout.getByRole('list', { name: 'Checks' });
  await expect(checks).toContainText('Failed: Assigned to is the same or unset');
  await expect(checks).toContainText(
    /Assigned to differs: tier[12]@contoso\.com vs tier[12]@contoso\.com/,
  );
  const merge = flyout.getByRole('button', { name: 'Merge incidents' });
  await expect(merge).toHaveAttribute('aria-disabled', 'true');
  await expect(flyout.getByText('1 check failed: fix it to merge.')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/merge-blocked.png` });
  expect(await seriousViolations(page, '.fui-DrawerBody')).toEqual([]);

  // Clicking the disabled button does nothing: no confirmation, nothing merged.
  await merge.click({ force: true });
  await expect(page.getByRole('alertdialog')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(flyout).toBeHidden();
  await expect(open).toBeFocused();
  await expect(page.getByText('2 selected')).toBeVisible();
});

test('leaving the page while a merge is unanswered asks first; once merged, it does not', async ({
  page,
}) => {
  await startConsole(page);
  const [a, b] = await prepare(page, 2);
  await openQueueWith(page, [a!, b!]);
  const dialogs: string[] = [];
  // Dismissed: the analyst chooses to stay.
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });

  await page.getByRole('button', { name: 'Merge incidents' }).click();
  const flyout = page.getByRole('dialog', { name: 'Merge incidents' });
  await flyout.getByRole('button', { name: 'Merge incidents' }).click();
  await page
    .getByRole('alertdialog', { name: 'Merge 2 incidents?' })
    .getByRole('button', { name: 'Merge' })
    .click();
  // The merge takes 800 ms in the browser mock: reloading now could cancel its request.
  await expect(flyout.getByRole('button', { name: 'Merging…' })).toBeVisible();
  await page.evaluate(() => window.location.reload());
  await expect.poll(() => dialogs).toEqual(['beforeunload']);

  // Still the same page: the merge is answered and said so.
  await expect(page.getByText('Incidents merged', { exact: true })).toBeVisible();
  // Nothing pending now: the reload goes ahead without asking, and the merge is kept.
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  const source = targetOf([a!, b!]) === a ? b! : a!;
  await expect(page.getByRole('grid', { name: 'Incidents' })).toBeVisible();
  await expect(rowOf(page, source.id)).toHaveCount(0);
});

test('a merged incident’s URL lands on its final target, following merges in a row, and says so', async ({
  page,
}) => {
  await startConsole(page);
  const picked = await prepare(page, 2);
  // Merge the two, then merge their target into a bigger incident: a chain S → T → U.
  const chain = await page.evaluate(
    async ({ graph, ids }) => {
      const headers = {
        Authorization: 'Bearer mock.analyst@contoso.com',
        'Content-Type': 'application/json',
      };
      const call = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
        const r = await fetch(`${graph}${path}`, { ...init, headers });
        if (!r.ok) throw new Error(`${path}: ${await r.text()}`);
        return (await r.json()) as T;
      };
      const merge = (incidentIds: string[]) =>
        call<{ targetIncidentId: string }>('/security/incidents/mergeIncidents', {
          method: 'POST',
          body: JSON.stringify({ incidentIds }),
        }).then((r) => r.targetIncidentId);
      type Row = { id: string; classification: string | null; alerts: unknown[] };
      const middle = await merge(ids);
      const source = middle === ids[0] ? ids[1]! : ids[0]!;
      const held = (await call<Row>(`/security/incidents/${middle}?$expand=alerts`)).alerts.length;
      const open = await call<{ value: Row[] }>(
        `/security/incidents?$filter=status%20eq%20'active'%20or%20status%20eq%20'inProgress'&$expand=alerts&$top=50`,
      );
      const bigger = open.value.find(
        (i) =>
          i.id !== middle &&
          (!i.classification || i.classification === 'unknown') &&
          i.alerts.length > held &&
          i.alerts.length + held <= 150,
      );
      if (!bigger) throw new Error('No incident with more alerts to merge into');
      await call(`/security/incidents/${bigger.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ assignedTo: 'analyst@contoso.com', determination: null }),
      });
      const last = await merge([middle, bigger.id]);
      return { source, middle, last };
    },
    { graph: GRAPH, ids: picked.map((p) => p.id) },
  );
  expect(chain.last).not.toBe(chain.middle);

  await page.goto(`/incidents/${chain.source}`);
  const final = chain.last;
  await expect(page).toHaveURL(
    new RegExp(`/incidents/${final}/overview\\?mergedFrom=${chain.source}$`),
  );
  await expect(
    page.getByText(`Incident ${chain.source} was merged into incident ${final}.`, { exact: true }),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/merge-redirected.png` });
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${final}/overview$`));
  await expect(page.getByText(`was merged into incident ${final}`)).toBeHidden();
});
