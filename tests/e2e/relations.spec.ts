/**
 * Relating alerts to incidents (seed 004) in a real browser, on data the MSW service worker
 * serves: adding an external alert from an entity's Timeline and seeing it in both incidents,
 * the only-alert case with Close other incident, removing an alert from the Incident timeline,
 * the refusal at 150 alerts, keyboard use, axe, and light and dark screenshots. Each test starts
 * from the seed (a fresh browser context, a fresh IndexedDB).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  API_VERSION,
  ARM,
  GRAPH,
  MOCK,
  openSentinelIncidentIds,
  seriousViolations,
  shoot,
} from './support';

type Situation = 'inOthers' | 'onlyAlert';

/** An incident, one of its entities, and an alert involving that entity from another incident. */
type Pick = {
  incident: { id: string; name: string; sentinelId: string };
  entity: string;
  alert: { id: string; title: string; sentinelId: string };
  /** The alert's home incident. */
  home: { id: string; name: string };
};

/**
 * Finds an open Sentinel incident with room for more alerts, one of its assets, and an alert
 * involving that asset from another incident of its workspace, in the situation asked for:
 * `inOthers` (its home holds other alerts too) or `onlyAlert` (it is the only alert of its open
 * home incident). Names are unique where the test needs to find them by name.
 */
async function findExternalAlert(page: Page, situation: Situation): Promise<Pick> {
  const ids = await openSentinelIncidentIds(page);
  return page.evaluate(
    async ({ ids, graph, mock, situation }) => {
      const headers = { Authorization: 'Bearer mock.analyst@contoso.com' };
      const get = async <T>(url: string) => (await (await fetch(url, { headers })).json()) as T;
      type Alert = {
        id: string;
        title: string;
        incidentId: string;
        '@mock.sentinelAlertId': string | null;
      };
      type Incident = {
        id: string;
        displayName: string;
        status: string;
        alerts: Alert[];
        '@mock.sentinelIncidentId': string | null;
        '@mock.relatedAlertIds': string[];
      };
      type Entry = {
        alert: Alert;
        incidents: {
          incidentId: string;
          displayName: string;
          status: string;
          alertCount: number;
        }[];
      };
      const open = (status: string) => status === 'active' || status === 'inProgress';
      for (const id of ids) {
        const incident = await get<Incident>(`${graph}/security/incidents/${id}?$expand=alerts`);
        const sentinelId = incident['@mock.sentinelIncidentId'];
        const held = incident.alerts.length + incident['@mock.relatedAlertIds'].length;
        if (!sentinelId || held > 100) continue;
        const workspace = sentinelId.slice(
          0,
          sentinelId.indexOf('/providers/Microsoft.SecurityInsights'),
        );
        const entities = await get<{ value: { kind: string; key: string; name: string }[] }>(
          `${mock}/incidents/${id}/entities`,
        );
        for (const entity of entities.value) {
          if (entities.value.filter((e) => e.name === entity.name).length > 1) continue;
          const query = new URLSearchParams({ kind: entity.kind, key: entity.key });
          const timeline = await get<{ value: Entry[] }>(`${mock}/entities/alerts?${query}`);
          for (const entry of timeline.value) {
            const { alert, incidents } = entry;
            const others = incidents.filter((i) => i.incidentId !== id);
            if (others.length !== incidents.length) continue;
            if (!alert['@mock.sentinelAlertId']?.startsWith(`${workspace}/`)) continue;
            if (timeline.value.filter((e) => e.alert.title === alert.title).length > 1) continue;
            const only = others.length === 1 && others[0]!.alertCount === 1;
            const wanted = situation === 'onlyAlert' ? only && open(others[0]!.status) : !only;
            if (!wanted) continue;
            const home = others.find((i) => i.incidentId === alert.incidentId) ?? others[0]!;
            return {
              incident: { id, name: incident.displayName, sentinelId },
              entity: entity.name,
              alert: {
                id: alert.id,
                title: alert.title,
                sentinelId: alert['@mock.sentinelAlertId'],
              },
              home: { id: home.incidentId, name: home.displayName },
            };
          }
        }
      }
      throw new Error(`No external alert in the ${situation} situation in the seed`);
    },
    { ids, graph: GRAPH, mock: MOCK, situation },
  );
}

/** Serious and critical WCAG 2 A/AA violations on the page (tabster's focus guards aside). */

/** Presses Tab until `target` has focus (keyboard only), or fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Opens the incident's Assets tab and the entity's side panel; returns the panel and timeline. */
async function openTimeline(page: Page, pick: Pick) {
  await page.goto(`/incidents/${pick.incident.id}/assets`);
  await page.getByRole('button', { name: pick.entity, exact: true }).click();
  const panel = page.getByRole('dialog', { name: pick.entity });
  const card = panel.getByRole('region', { name: 'Timeline' });
  const timeline = card.getByRole('list', {
    name: `Alerts involving ${pick.entity}, oldest first`,
  });
  await expect(timeline).toBeVisible();
  return { panel, timeline };
}

const rowOf = (list: Locator, title: string) =>
  list.getByRole('listitem').filter({ has: list.page().getByText(title, { exact: true }) });

test('adds an external alert from an entity timeline, by keyboard, and shows it in both incidents', async ({
  page,
}) => {
  test.slow(); // a search through the seed, two screens and two axe passes
  const pick = await findExternalAlert(page, 'inOthers');
  await page.goto(`/incidents/${pick.incident.id}/assets`);
  const entity = page.getByRole('button', { name: pick.entity, exact: true });
  await entity.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: pick.entity });
  const timeline = panel.getByRole('list', {
    name: `Alerts involving ${pick.entity}, oldest first`,
  });
  const row = rowOf(timeline, pick.alert.title);
  await expect(row).toContainText(`External, in incident ${pick.home.id}`);
  await shoot(page, 'relations-timeline-light');
  expect(await seriousViolations(page)).toEqual([]);

  const add = row.getByRole('button', { name: 'Add alert to incident' });
  await tabTo(page, add);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', {
    name: /^This alert is part of (another incident|other incidents)$/,
  });
  await expect(dialog).toBeVisible();
  await expect(
    dialog.getByRole('link', { name: `${pick.home.name} (ID ${pick.home.id})` }),
  ).toBeVisible();
  await shoot(page, 'relations-in-others-light');
  expect(await seriousViolations(page, dialog)).toEqual([]);
  await tabTo(page, dialog.getByRole('button', { name: 'OK' }));
  await page.keyboard.press('Enter');

  await expect(page.getByText('Alert added', { exact: true })).toBeVisible();
  await expect(
    page.getByText(`The alert '${pick.alert.title}' was added to incident ${pick.incident.id}.`, {
      exact: true,
    }),
  ).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText(`In this incident, added from incident ${pick.home.id}`);
  await expect(row.getByRole('button')).toHaveCount(0);
  await expect(row).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(entity).toBeFocused();

  // In this incident: its Alerts tab lists it, marked, with its home.
  await page.getByRole('tab', { name: /^Alerts/ }).click();
  const grid = page.getByRole('grid', { name: 'Alerts' });
  const alertRow = grid
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: `Select alert ${pick.alert.title}` }) });
  await expect(alertRow).toContainText('Related');
  await expect(alertRow.getByRole('link', { name: `Incident ${pick.home.id}` })).toBeVisible();
  // ...and in its home incident still, as its own alert.
  await page.goto(`/incidents/${pick.home.id}/alerts?alert=${encodeURIComponent(pick.alert.id)}`);
  const alertPanel = page.getByRole('dialog', { name: pick.alert.title });
  const member = alertPanel.getByRole('list', { name: 'Incidents this alert belongs to' });
  await expect(member.getByRole('listitem')).toContainText([
    `Incident ${pick.home.id}Home incident`,
    `Incident ${pick.incident.id}Related`,
  ]);
  await page.keyboard.press('Escape');
  await expect(
    page
      .getByRole('grid', { name: 'Alerts' })
      .getByRole('checkbox', { name: `Select alert ${pick.alert.title}` }),
  ).toBeVisible();
});

test('adds the only alert of another incident and closes that incident', async ({ page }) => {
  test.slow();
  const pick = await findExternalAlert(page, 'onlyAlert');
  const { timeline } = await openTimeline(page, pick);
  await rowOf(timeline, pick.alert.title)
    .getByRole('button', { name: 'Add alert to incident' })
    .click();
  const dialog = page.getByRole('alertdialog', { name: 'Keep or close the other incident?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep other incident' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await shoot(page, 'relations-only-alert-light');
  expect(await seriousViolations(page, dialog)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close other incident' }).click();

  await expect(
    page.getByText(
      `The alert '${pick.alert.title}' was added to incident ${pick.incident.id}. Incident ${pick.home.id} was closed.`,
      { exact: true },
    ),
  ).toBeVisible();
  await expect(rowOf(timeline, pick.alert.title)).toContainText('In this incident');

  const other = await page.evaluate(
    async ({ graph, id }) => {
      const response = await fetch(`${graph}/security/incidents/${id}`, {
        headers: { Authorization: 'Bearer mock.analyst@contoso.com' },
      });
      return (await response.json()) as {
        status: string;
        classification: string | null;
        resolvingComment: string | null;
      };
    },
    { graph: GRAPH, id: pick.home.id },
  );
  expect(other).toMatchObject({
    status: 'resolved',
    classification: null,
    resolvingComment: `Alert was added to another incident: ${pick.incident.id}.`,
  });
  await page.goto(`/incidents/${pick.home.id}/overview`);
  await expect(page.getByRole('heading', { level: 1, name: pick.home.name })).toBeVisible();
  const header = page.locator('header', { has: page.getByRole('heading', { level: 1 }) });
  await expect(header.getByText('Resolved', { exact: true })).toBeVisible();
});

test('removes an added alert from the Incident timeline, by keyboard', async ({ page }) => {
  test.slow();
  const pick = await findExternalAlert(page, 'inOthers');
  // Added as a playbook would add it, through Sentinel's API.
  const status = await page.evaluate(
    async ({ arm, version, pick }) => {
      const response = await fetch(
        `${arm}${pick.incident.sentinelId}/relations/playbook-relation?api-version=${version}`,
        {
          method: 'PUT',
          headers: {
            Authorization: 'Bearer mock.analyst@contoso.com',
            'Content-Type': 'application/json',
          },
          body: JSON.stringify({ properties: { relatedResourceId: pick.alert.sentinelId } }),
        },
      );
      return response.status;
    },
    { arm: ARM, version: API_VERSION, pick },
  );
  expect(status).toBe(201);

  await page.goto(`/incidents/${pick.incident.id}/overview`);
  const widget = page.getByRole('region', { name: 'Incident timeline' });
  const list = widget.getByRole('list', { name: 'Alerts of this incident, oldest first' });
  const row = rowOf(list, pick.alert.title);
  await expect(row).toContainText(`In this incident, added from incident ${pick.home.id}`);
  const count = await list.getByRole('listitem').count();
  await row.scrollIntoViewIfNeeded();
  await shoot(page, 'relations-incident-timeline-light');
  expect(await seriousViolations(page)).toEqual([]);

  const more = row.getByRole('button', { name: `More options for ${pick.alert.title}` });
  await more.focus();
  await page.keyboard.press('Enter');
  const remove = page.getByRole('menuitem', { name: 'Remove alert' });
  await expect(remove).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Remove alert from incident?' });
  await expect(dialog).toContainText(`It stays in its home incident, incident ${pick.home.id}.`);
  await shoot(page, 'relations-remove-light');
  expect(await seriousViolations(page, dialog)).toEqual([]);
  await tabTo(page, dialog.getByRole('button', { name: 'Remove alert' }));
  await page.keyboard.press('Enter');

  await expect(page.getByText('Alert removed', { exact: true })).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('listitem')).toHaveCount(count - 1);
  await expect(rowOf(list, pick.alert.title)).toHaveCount(0);
  await expect(widget.getByRole('heading', { name: 'Incident timeline' })).toBeFocused();
  // It stays in its home incident.
  await page.goto(`/incidents/${pick.home.id}/alerts`);
  await expect(
    page
      .getByRole('grid', { name: 'Alerts' })
      .getByRole('checkbox', { name: `Select alert ${pick.alert.title}` }),
  ).toBeVisible();
});

test('refuses a 151st alert in the server words', async ({ page }) => {
  test.slow(); // 150 relations are written first
  const pick = await findExternalAlert(page, 'inOthers');
  const held = await page.evaluate(
    async ({ graph, arm, version, pick }) => {
      const headers = { Authorization: 'Bearer mock.analyst@contoso.com' };
      const json = { ...headers, 'Content-Type': 'application/json' };
      const incident = (await (
        await fetch(`${graph}/security/incidents/${pick.incident.id}?$expand=alerts`, { headers })
      ).json()) as { alerts: unknown[]; '@mock.relatedAlertIds': string[] };
      let held = incident.alerts.length + incident['@mock.relatedAlertIds'].length;
      const workspace = pick.incident.sentinelId.slice(
        0,
        pick.incident.sentinelId.indexOf('/providers/Microsoft.SecurityInsights'),
      );
      let next: string | undefined = `${graph}/security/alerts_v2?$top=50`;
      while (held < 150 && next) {
        const page = (await (await fetch(next, { headers })).json()) as {
          value: {
            id: string;
            '@mock.sentinelAlertId': string | null;
            '@mock.incidentIds': string[];
          }[];
          '@odata.nextLink'?: string;
        };
        for (const a of page.value) {
          if (held >= 150) break;
          const id = a['@mock.sentinelAlertId'];
          if (!id?.startsWith(`${workspace}/`) || a.id === pick.alert.id) continue;
          if (a['@mock.incidentIds'].includes(pick.incident.id)) continue;
          const response = await fetch(
            `${arm}${pick.incident.sentinelId}/relations/fill-${held}?api-version=${version}`,
            {
              method: 'PUT',
              headers: json,
              body: JSON.stringify({ properties: { relatedResourceId: id } }),
            },
          );
          if (response.status === 201) held += 1;
        }
        next = page['@odata.nextLink'];
      }
      return held;
    },
    { graph: GRAPH, arm: ARM, version: API_VERSION, pick },
  );
  expect(held).toBe(150);

  await page.goto(`/incidents/${pick.incident.id}/overview`);
  await expect(page.getByRole('tab', { name: /^Alerts/ })).toContainText('150');
  await page.getByRole('tab', { name: /^Assets/ }).click();
  await page.getByRole('button', { name: pick.entity, exact: true }).click();
  const timeline = page
    .getByRole('dialog', { name: pick.entity })
    .getByRole('list', { name: `Alerts involving ${pick.entity}, oldest first` });
  const add = rowOf(timeline, pick.alert.title).getByRole('button', {
    name: 'Add alert to incident',
  });
  await add.click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('The alert was not added', { exact: true })).toBeVisible();
  const armName = pick.incident.sentinelId.split('/').at(-1)!;
  await expect(
    page.getByText(
      `Failed to create relation. Incident ${armName} already holds 150 alerts; an incident holds at most 150.`,
      { exact: true },
    ),
  ).toBeVisible();
  await expect(rowOf(timeline, pick.alert.title)).toContainText(
    `External, in incident ${pick.home.id}`,
  );
  // Nothing changed: focus is back on the alert's +, in the panel.
  await expect(add).toBeFocused();
  await shoot(page, 'relations-refused-light');
});

test('dark theme: the side panel, the dialogs and the Incident timeline', async ({ page }) => {
  test.slow();
  const pick = await findExternalAlert(page, 'onlyAlert');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  const { timeline } = await openTimeline(page, pick);
  await shoot(page, 'relations-timeline-dark');
  await rowOf(timeline, pick.alert.title)
    .getByRole('button', { name: 'Add alert to incident' })
    .click();
  const dialog = page.getByRole('alertdialog', { name: 'Keep or close the other incident?' });
  await expect(dialog).toBeVisible();
  await shoot(page, 'relations-only-alert-dark');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Keep other incident' }).click();
  await expect(page.getByText('Alert added', { exact: true })).toBeVisible();
  await shoot(page, 'relations-added-dark');

  await page.goto(`/incidents/${pick.incident.id}/overview`);
  const widget = page.getByRole('region', { name: 'Incident timeline' });
  const row = rowOf(widget.getByRole('list'), pick.alert.title);
  await expect(row).toContainText(`added from incident ${pick.home.id}`);
  await row.scrollIntoViewIfNeeded();
  await shoot(page, 'relations-incident-timeline-dark');
  await row.getByRole('button', { name: `More options for ${pick.alert.title}` }).click();
  await page.getByRole('menuitem', { name: 'Remove alert' }).click();
  await expect(
    page.getByRole('alertdialog', { name: 'Remove alert from incident?' }),
  ).toBeVisible();
  await shoot(page, 'relations-remove-dark');
  expect(await seriousViolations(page)).toEqual([]);
});
