/**
 * The investigation graph (seed 004, "Add alerts using the investigation graph") in a real
 * browser, on data the MSW service worker serves: Actions → Investigate opens the graph at its
 * own URL; an entity's Related alerts appear joined by dotted edges; Add alert to incident
 * (Preview) makes the edge solid, brings the alert's entities and puts the alert in the Alerts
 * tab; Remove alert from incident takes it out again; all by keyboard, with axe, and screenshots
 * of a small and a 150-alert incident in light and dark. Each test starts from the seed.
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

/** An incident, one of its entities, and an alert involving that entity outside the incident. */
type Pick = {
  incident: { id: string; name: string; alerts: number; entities: number; sentinelId: string };
  entity: string;
  /** The entity as the URL's `explore` parameter names it (`kind:key`). */
  explore: string;
  alert: { id: string; title: string; home: string; newEntities: number };
};

/**
 * Finds an open Sentinel incident with room for alerts, one of its entities (named once), and
 * an alert of another incident of its workspace involving it (titled once), with how many
 * entities that alert would bring that the incident lacks.
 */
async function findRelatedAlert(page: Page): Promise<Pick> {
  const ids = await openSentinelIncidentIds(page);
  return page.evaluate(
    async ({ ids, graph, mock }) => {
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
        alerts: Alert[];
        '@mock.sentinelIncidentId': string | null;
        '@mock.relatedAlertIds': string[];
      };
      type Entity = { kind: string; key: string; name: string };
      type Entry = { alert: Alert; incidents: { incidentId: string; alertCount: number }[] };
      for (const id of ids) {
        const incident = await get<Incident>(`${graph}/security/incidents/${id}?$expand=alerts`);
        const sentinelId = incident['@mock.sentinelIncidentId'];
        const held = incident.alerts.length + incident['@mock.relatedAlertIds'].length;
        if (!sentinelId || held > 20 || held < 2) continue;
        const workspace = sentinelId.slice(
          0,
          sentinelId.indexOf('/providers/Microsoft.SecurityInsights'),
        );
        const entities = await get<{ value: Entity[] }>(`${mock}/incidents/${id}/entities`);
        const have = new Set(entities.value.map((e) => `${e.kind}:${e.key}`));
        for (const entity of entities.value) {
          if (entities.value.filter((e) => e.name === entity.name).length > 1) continue;
          const query = new URLSearchParams({ kind: entity.kind, key: entity.key });
          const timeline = await get<{ value: Entry[] }>(`${mock}/entities/alerts?${query}`);
          for (const { alert, incidents } of timeline.value) {
            if (incidents.some((i) => i.incidentId === id)) continue;
            if (!alert['@mock.sentinelAlertId']?.startsWith(`${workspace}/`)) continue;
            if (timeline.value.filter((e) => e.alert.title === alert.title).length > 1) continue;
            // Its entities: those of its home incident that name it.
            const home = await get<{ value: (Entity & { alertIds: string[] })[] }>(
              `${mock}/incidents/${alert.incidentId}/entities`,
            );
            const brings = home.value.filter(
              (e) => e.alertIds.includes(alert.id) && !have.has(`${e.kind}:${e.key}`),
            ).length;
            if (brings === 0) continue;
            return {
              incident: {
                id,
                name: incident.displayName,
                alerts: held,
                entities: entities.value.length,
                sentinelId,
              },
              entity: entity.name,
              explore: `${entity.kind}:${entity.key}`,
              alert: {
                id: alert.id,
                title: alert.title,
                home: alert.incidentId,
                newEntities: brings,
              },
            };
          }
        }
      }
      throw new Error('No related alert that brings entities in the seed');
    },
    { ids, graph: GRAPH, mock: MOCK },
  );
}

/** Serious and critical WCAG 2.0–2.2 A/AA violations on the page (tabster's focus guards aside). */

/** Presses Tab until `target` has focus (keyboard only), or fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

const canvasOf = (page: Page) => page.getByRole('application', { name: /^Investigation graph/ });

/** Waits for the graph to be drawn (laid out and painted), with `nodes` nodes if given. */
async function drawn(page: Page, nodes?: number) {
  const canvas = canvasOf(page);
  await expect(canvas).toHaveAttribute('data-drawn', 'true', { timeout: 20_000 });
  if (nodes !== undefined) await expect(canvas).toHaveAttribute('data-nodes', String(nodes));
  return canvas;
}

/** The active node's menu, by the start of its description. */
const menuOf = (page: Page, name: string | RegExp) => page.getByRole('group', { name });

/** The node whose menu shows, if one does. */
async function shownNode(page: Page): Promise<string | null> {
  const menu = page.locator('[role="group"][data-node]');
  return (await menu.count()) > 0 ? menu.getAttribute('data-node') : null;
}

/**
 * Moves through the graph's nodes with the arrow keys until `name`'s menu shows. After each key
 * it waits for the next node's menu, so a busy page cannot be pressed past the one sought.
 */
async function arrowTo(page: Page, name: string | RegExp, key = 'ArrowDown', max = 200) {
  const canvas = canvasOf(page);
  await canvas.focus();
  const menu = menuOf(page, name);
  for (let i = 0; i < max; i++) {
    if (await menu.isVisible()) return menu;
    const before = await shownNode(page);
    await page.keyboard.press(key);
    await expect
      .poll(async () => {
        const now = await shownNode(page);
        return now !== null && now !== before;
      })
      .toBe(true);
  }
  await expect(menu).toBeVisible();
  return menu;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('Investigate, Related alerts, add and remove an alert, by keyboard only', async ({ page }) => {
  test.slow(); // a search through the seed, the graph's chunk, two relation changes, axe
  const pick = await findRelatedAlert(page);
  await page.goto(`/incidents/${pick.incident.id}/overview`);

  // Actions → Investigate, by keyboard.
  const actions = page.getByRole('button', { name: 'Actions' });
  await tabTo(page, actions);
  await page.keyboard.press('Enter');
  const investigate = page.getByRole('menuitem', { name: 'Investigate' });
  await expect(investigate).toBeVisible();
  await investigate.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/incidents/${pick.incident.id}/investigate$`));
  const canvas = await drawn(page, pick.incident.alerts + pick.incident.entities);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Investigate: ${pick.incident.name}`,
  );

  // The entity's exploration queries: Related alerts.
  const entityMenu = await arrowTo(page, new RegExp(`^[A-Za-z ]+ ${escape(pick.entity)}: in`));
  await expect(canvas).toBeFocused();
  const related = entityMenu.getByRole('button', { name: 'Related alerts' });
  await tabTo(page, related, 3);
  await page.keyboard.press('Enter');
  await expect(entityMenu.getByRole('status')).toContainText(
    /related alerts? outside this incident/,
  );
  await expect(canvas).not.toHaveAttribute('data-dotted-edges', '0');
  const dottedBefore = Number(await canvas.getAttribute('data-dotted-edges'));
  const nodesBefore = Number(await canvas.getAttribute('data-nodes'));
  // All alerts on the graph (the incident's and the related ones): the added one stays among them.
  const alertsShown = nodesBefore - pick.incident.entities;
  await shoot(page, 'investigate-related-light');
  expect(await seriousViolations(page)).toEqual([]);

  // The exploration is in the URL: a reload shows it again, with the same related alerts.
  await expect(page).toHaveURL(
    new RegExp(`[?&]explore=${escape(encodeURIComponent(pick.explore))}`),
  );
  await page.reload();
  await drawn(page, nodesBefore);
  await expect(canvas).toHaveAttribute('data-dotted-edges', String(dottedBefore));
  await canvas.focus();

  // The related alert: Add alert to incident (Preview), through seed 004's question.
  const alertMenu = await arrowTo(
    page,
    new RegExp(`^Alert ${escape(pick.alert.title)},`),
    'ArrowUp',
  );
  await expect(alertMenu).toContainText(`Related alert, in incident ${pick.alert.home}`);
  const add = alertMenu.getByRole('button', { name: 'Add alert to incident (Preview)' });
  await tabTo(page, add, 3);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  expect(await seriousViolations(page, dialog)).toEqual([]);
  const keep = dialog.getByRole('button', { name: 'Keep other incident' });
  await tabTo(page, (await keep.isVisible()) ? keep : dialog.getByRole('button', { name: 'OK' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Alert added', { exact: true })).toBeVisible();
  await expect(dialog).toBeHidden();

  // The dotted line turned solid; the alert's entities joined; it now offers Remove.
  await expect(canvas).toHaveAccessibleName(
    `Investigation graph: ${alertsShown} alerts and ${pick.incident.entities + pick.alert.newEntities} entities`,
  );
  await expect(page.getByText(`${pick.incident.alerts + 1} alerts and `)).toBeVisible();
  await expect(canvas).not.toHaveAttribute('data-dotted-edges', String(dottedBefore));
  const addedMenu = await arrowTo(page, new RegExp(`^Alert ${escape(pick.alert.title)},`));
  await expect(addedMenu).toContainText(
    `Added to this incident (from incident ${pick.alert.home})`,
  );
  await shoot(page, 'investigate-added-light');

  // The list view says the same.
  await page.getByRole('button', { name: 'List view' }).click();
  const alerts = page.getByRole('table', { name: 'Alerts' });
  const row = alerts.getByRole('row').filter({ hasText: pick.alert.title });
  await expect(row).toContainText(`Added to this incident (from incident ${pick.alert.home})`);
  expect(await seriousViolations(page)).toEqual([]);
  await shoot(page, 'investigate-list-light');

  // The Alerts tab holds it.
  await page.goto(`/incidents/${pick.incident.id}/alerts`);
  await expect(
    page
      .getByRole('grid', { name: 'Alerts' })
      .getByRole('checkbox', { name: `Select alert ${pick.alert.title}` }),
  ).toBeVisible();

  // Remove alert from incident, from the graph, by keyboard.
  await page.goto(`/incidents/${pick.incident.id}/investigate`);
  // Unexplored again: the incident's alerts, one more, and their entities, the new ones too.
  await drawn(page, pick.incident.alerts + 1 + pick.incident.entities + pick.alert.newEntities);
  const again = await arrowTo(page, new RegExp(`^Alert ${escape(pick.alert.title)},`));
  const remove = again.getByRole('button', { name: 'Remove alert from incident' });
  await tabTo(page, remove, 3);
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Remove alert from incident?' });
  await tabTo(page, confirm.getByRole('button', { name: 'Remove alert' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Alert removed', { exact: true })).toBeVisible();
  await expect(canvas).toHaveAttribute(
    'data-nodes',
    String(pick.incident.alerts + pick.incident.entities),
  );
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

/** Relates alerts of the incident's workspace to it until it holds `target` alerts. */
async function fillTo(page: Page, pick: Pick, target: number) {
  return page.evaluate(
    async ({ graph, arm, version, pick, target }) => {
      const headers = { Authorization: 'Bearer mock.analyst@contoso.com' };
      const json = { ...headers, 'Content-Type': 'application/json' };
      let held = pick.incident.alerts;
      const sentinelId = pick.incident.sentinelId;
      const workspace = sentinelId.slice(
        0,
        sentinelId.indexOf('/providers/Microsoft.SecurityInsights'),
      );
      let next: string | undefined = `${graph}/security/alerts_v2?$top=50`;
      while (held < target && next) {
        const page = (await (await fetch(next, { headers })).json()) as {
          value: {
            id: string;
            '@mock.sentinelAlertId': string | null;
            '@mock.incidentIds': string[];
          }[];
          '@odata.nextLink'?: string;
        };
        for (const a of page.value) {
          if (held >= target) break;
          const id = a['@mock.sentinelAlertId'];
          if (!id?.startsWith(`${workspace}/`)) continue;
          if (a['@mock.incidentIds'].includes(pick.incident.id)) continue;
          const response = await fetch(
            `${arm}${sentinelId}/relations/fill-${held}?api-version=${version}`,
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
    { graph: GRAPH, arm: ARM, version: API_VERSION, pick, target },
  );
}

test('screenshots: a small incident and a 150-alert incident, light and dark', async ({ page }) => {
  test.slow(); // 150 relations are written, and the graph drawn four times
  const pick = await findRelatedAlert(page);
  await page.goto(`/incidents/${pick.incident.id}/investigate`);
  await drawn(page, pick.incident.alerts + pick.incident.entities);
  await shoot(page, `investigate-${pick.incident.alerts}-alerts-light`);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  await shoot(page, `investigate-${pick.incident.alerts}-alerts-dark`);
  expect(await seriousViolations(page)).toEqual([]);

  expect(await fillTo(page, pick, 150)).toBe(150);
  await page.goto(`/incidents/${pick.incident.id}/investigate`);
  const canvas = await drawn(page);
  await expect(canvas).toHaveAccessibleName(/^Investigation graph: 150 alerts and \d+ entities$/, {
    timeout: 20_000,
  });
  await shoot(page, 'investigate-150-alerts-dark');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await shoot(page, 'investigate-150-alerts-light');
  await page.getByRole('button', { name: 'List view' }).click();
  await expect(page.getByRole('table', { name: 'Alerts' }).getByRole('row')).toHaveCount(151);
  expect(await seriousViolations(page)).toEqual([]);

  // Explored from a bookmark at 150 alerts; values that name no entity are ignored.
  const bad = ['nonsense', 'planet:earth', 'device:', ':x'].map(
    (v) => `&explore=${encodeURIComponent(v)}`,
  );
  await page.goto(
    `/incidents/${pick.incident.id}/investigate?explore=${encodeURIComponent(pick.explore)}${bad.join('')}`,
  );
  const explored = await drawn(page);
  await expect(explored).not.toHaveAttribute('data-dotted-edges', '0');
  await expect(
    page.getByText(/150 alerts and \d+ entities in this incident, \d+ related alerts? shown/),
  ).toBeVisible();
  await shoot(page, 'investigate-150-alerts-explored-light');
});

test('an idle graph asks the browser for no frames, and still draws what changes', async ({
  page,
}) => {
  // Counts the page's requests for an animation frame.
  await page.addInitScript(() => {
    const counted = window as Window & { frameRequests?: number };
    counted.frameRequests = 0;
    const ask = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => {
      counted.frameRequests = (counted.frameRequests ?? 0) + 1;
      return ask(callback);
    };
  });
  const [id] = await openSentinelIncidentIds(page);
  await page.goto(`/incidents/${id}/investigate`);
  const canvas = await drawn(page);
  const requests = () =>
    page.evaluate(() => (window as Window & { frameRequests?: number }).frameRequests ?? 0);
  // What the graph's canvases show.
  const pixels = () =>
    canvas
      .locator('canvas')
      .evaluateAll((layers) => layers.map((c) => (c as HTMLCanvasElement).toDataURL()).join());
  /** Resolves once a quarter of a second passes with no frame asked for. */
  const settles = async () => {
    let seen = await requests();
    await expect
      .poll(
        async () => {
          const now = await requests();
          const asked = now - seen;
          seen = now;
          return asked;
        },
        { intervals: [250], timeout: 10_000, message: 'the page keeps asking for frames' },
      )
      .toBe(0);
  };

  // Cytoscape.js's own loop asked for a frame every frame, drawn or not.
  await settles();
  const light = await pixels();
  // A change wakes the loop: the canvas is drawn in the dark theme's colours, then it sleeps.
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect.poll(pixels, { timeout: 10_000 }).not.toBe(light);
  await settles();
  await shoot(page, 'investigate-idle-dark');
});
