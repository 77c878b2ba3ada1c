/**
 * The store in a real browser: one SharedWorker holds it for every tab of a profile, a write is
 * answered only once IndexedDB has committed it, and stored data that breaks the store's laws is
 * set aside, with a notice, rather than loaded. Without SharedWorker, the page holds the store.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { openQueue, storeWritten } from './support';

const GRAPH = 'https://graph.microsoft.com/v1.0';
const WORKER_NAME = 'soc-console-mock-default';

type Answer = { status: number; body: unknown };

/** Calls the mock's Graph API as the page would (the service worker answers). */
function graph(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
  upn = 'analyst@contoso.com',
): Promise<Answer> {
  return page.evaluate(
    async ({ url, method, body, upn }) => {
      const response = await fetch(url, {
        method,
        headers: {
          Authorization: `Bearer mock.${upn}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    { url: `${GRAPH}/${path}`, method, body, upn },
  );
}

type Incident = { id: string; displayName: string; severity?: string; alerts?: { id: string }[] };

async function activeIncidents(page: Page, top: number): Promise<Incident[]> {
  const { status, body } = await graph(
    page,
    'GET',
    `security/incidents?$filter=status eq 'active'&$top=${top}&$expand=alerts`,
  );
  expect(status).toBe(200);
  return (body as { value: Incident[] }).value;
}

/** The browser's shared workers running the default store, seen through the DevTools protocol. */
async function storeWorkers(browser: Browser): Promise<string[]> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; title: string }[];
    };
    return targetInfos
      .filter((t) => t.type === 'shared_worker' && t.title === WORKER_NAME)
      .map((t) => t.targetId);
  } finally {
    await cdp.detach();
  }
}

/** Closes every page of the context and waits until the store's SharedWorker has stopped. */
async function closeAllTabs(context: BrowserContext, browser: Browser) {
  await Promise.all(context.pages().map((p) => p.close()));
  await expect.poll(() => storeWorkers(browser)).toEqual([]);
}

test('two tabs share one store: simultaneous new incidents get distinct ids, and each tab sees both', async ({
  context,
  browser,
}) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await Promise.all([openQueue(a, '/'), openQueue(b, '/')]);
  expect(await storeWorkers(browser)).toHaveLength(1);

  const [first, second] = await activeIncidents(a, 2);
  const alertA = first?.alerts?.[0]?.id;
  const alertB = second?.alerts?.[0]?.id;
  expect(alertA && alertB).toBeTruthy();

  // Both tabs move an alert to a new incident at the same moment.
  const move = (page: Page, alertId: string) =>
    graph(page, 'POST', 'security/alerts_v2/moveAlerts', {
      alertIds: [alertId],
      alertComment: 'Split out by e2e',
    });
  const [movedA, movedB] = await Promise.all([move(a, alertA!), move(b, alertB!)]);
  expect([movedA.status, movedB.status]).toEqual([200, 200]);
  const idA = (movedA.body as { targetIncidentId: string }).targetIncidentId;
  const idB = (movedB.body as { targetIncidentId: string }).targetIncidentId;
  expect(idA).not.toBe(idB);

  for (const page of [a, b]) {
    for (const [id, alertId] of [
      [idA, alertA],
      [idB, alertB],
    ] as const) {
      const { status, body } = await graph(page, 'GET', `security/incidents/${id}?$expand=alerts`);
      expect(status).toBe(200);
      expect((body as Incident).alerts?.map((x) => x.id)).toEqual([alertId]);
    }
  }
});

test('the other tab refetches after a write; the message names the writing tab', async ({
  context,
}) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  await Promise.all([openQueue(a, '/'), openQueue(b, '/')]);
  const [incident] = await activeIncidents(a, 1);

  // What each tab's app hears on the data channel (the same channel the app listens to).
  const heard = (page: Page) =>
    page.evaluate(() => {
      const channel = new BroadcastChannel('soc-console-data');
      const messages: unknown[] = [];
      channel.onmessage = (event: MessageEvent) => messages.push(event.data);
      (window as unknown as { heard: unknown[] }).heard = messages;
    });
  await Promise.all([heard(a), heard(b)]);

  const refetched = b.waitForResponse(
    (r) => r.url().includes('/security/incidents') && r.request().method() === 'GET',
  );
  const renamed = await graph(a, 'PATCH', `security/incidents/${incident!.id}`, {
    displayName: 'Renamed in tab A',
  });
  expect(renamed.status).toBe(200);
  await refetched;
  await expect(b.getByRole('link', { name: 'Renamed in tab A' })).toBeVisible();

  const messages = await b.evaluate(() => (window as unknown as { heard: unknown[] }).heard);
  expect(messages).toEqual([{ type: 'changed', origin: expect.any(String), store: 'default' }]);
  // Tab A's app ignores this message: it names tab A as the writer.
  const origin = (messages[0] as { origin: string }).origin;
  expect(await a.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([
    { type: 'changed', origin, store: 'default' },
  ]);
});

test('once the store is open, the service worker answers over its port to the store, not through the page', async ({
  page,
}) => {
  await openQueue(page, '/');
  // msw's path posts each request to the page ('REQUEST') and the page relays it; counted here.
  await page.evaluate(() => {
    const w = window as unknown as { relayedByPage: number };
    w.relayedByPage = 0;
    navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
      if ((event.data as { type?: string } | null)?.type === 'REQUEST') w.relayedByPage += 1;
    });
  });
  const relayedByPage = () =>
    page.evaluate(() => (window as unknown as { relayedByPage: number }).relayedByPage);

  // The port is handed over just after the store opens: soon no request passes the page.
  await expect
    .poll(async () => {
      const before = await relayedByPage();
      expect((await graph(page, 'GET', 'security/incidents?$top=1')).status).toBe(200);
      return (await relayedByPage()) - before;
    })
    .toBe(0);

  // A write on that path is answered once stored, and read back after a reload.
  const [incident] = await activeIncidents(page, 1);
  const renamed = await graph(page, 'PATCH', `security/incidents/${incident!.id}`, {
    displayName: 'Renamed over the port',
  });
  expect(renamed.status).toBe(200);
  // Bad input and a persona without the right are refused on that path as on any other.
  const refused = await graph(page, 'PATCH', `security/incidents/${incident!.id}`, {
    severity: 'catastrophic',
  });
  expect(refused.status).toBe(400);
  const forbidden = await graph(
    page,
    'PATCH',
    `security/incidents/${incident!.id}`,
    { displayName: 'Renamed by a reader' },
    'reader@contoso.com',
  );
  expect(forbidden.status).toBe(403);
  expect(await relayedByPage()).toBe(0);

  await page.reload();
  await expect(page.getByRole('grid', { name: 'Incidents' })).toBeVisible();
  const { body } = await graph(page, 'GET', `security/incidents/${incident!.id}`);
  expect(body).toMatchObject({
    displayName: 'Renamed over the port',
    severity: incident!.severity,
  });
});

test('a write answered with 2xx survives closing the tab at once', async ({ context, browser }) => {
  const page = await context.newPage();
  await openQueue(page, '/');
  const [incident] = await activeIncidents(page, 1);

  const renamed = await graph(page, 'PATCH', `security/incidents/${incident!.id}`, {
    displayName: 'Saved before the answer',
  });
  expect(renamed.status).toBe(200);
  // The store's worker stops with its last tab: the next tab reads the store from IndexedDB.
  await closeAllTabs(context, browser);

  const next = await context.newPage();
  await openQueue(next, '/');
  const { body } = await graph(next, 'GET', `security/incidents/${incident!.id}`);
  expect((body as Incident).displayName).toBe('Saved before the answer');
});

/** The banner says why the stored data was set aside, and names the first copy. */
async function expectSetAsideNotice(page: Page, reason: string) {
  const notice = page.getByText(/^Stored demo data was unreadable/);
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(reason);
  await expect(notice).toContainText(
    /The unusable data was kept in IndexedDB database "soc-console-mock-set-aside" as "[^"]+ #1"\./,
  );
}

test('stored data that breaks the store’s laws is set aside, and the notice says where', async ({
  context,
  browser,
}) => {
  const page = await context.newPage();
  await openQueue(page, '/');
  const [incident] = await activeIncidents(page, 1);
  // Only what changed is stored (README "Demo data"): change one of the incident's alerts, so
  // the database holds an alert to copy.
  const changed = await graph(page, 'PATCH', `security/alerts_v2/${incident!.alerts![0]!.id}`, {
    status: 'inProgress',
  });
  expect(changed.status).toBe(200);
  await expect.poll(() => storeWritten(page)).toBe(true);

  // Give one incident 151 more alerts, keeping the record counts right, as a hand edit would.
  await page.evaluate(async (incidentId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('soc-console-mock');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(String(req.error)));
    });
    const tx = db.transaction(['meta', 'alerts'], 'readwrite');
    const alerts = tx.objectStore('alerts');
    const meta = tx.objectStore('meta');
    const all = alerts.getAll();
    all.onsuccess = () => {
      const template = (all.result as { incidentId: string }[]).find(
        (a) => a.incidentId === incidentId,
      );
      for (let i = 0; i < 151; i++) alerts.put({ ...template, id: `e2e-extra-${i}` });
      const m = meta.get('meta');
      m.onsuccess = () => {
        const value = m.result as { counts: { alerts: number } };
        meta.put(
          { ...value, counts: { ...value.counts, alerts: value.counts.alerts + 151 } },
          'meta',
        );
      };
    };
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    db.close();
  }, incident!.id);
  await closeAllTabs(context, browser);

  const next = await context.newPage();
  await openQueue(next, '/');
  await expectSetAsideNotice(next, `it breaks the store's laws: incident ${incident!.id} holds`);
  await next.screenshot({ path: 'test-results/set-aside-notice.png' });

  const copies = await next.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('soc-console-mock-set-aside');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(String(req.error)));
    });
    const req = db.transaction('copies').objectStore('copies').getAll();
    type Copy = { name: string; records: { alerts: { id: string }[] } };
    const all = await new Promise<Copy[]>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result as Copy[]);
      req.onerror = () => reject(new Error(String(req.error)));
    });
    db.close();
    return all.map((c) => ({
      name: c.name,
      extra: c.records.alerts.filter((a) => a.id.startsWith('e2e-extra-')).length,
    }));
  });
  expect(copies).toEqual([{ name: expect.stringMatching(/ #1$/), extra: 151 }]);
  // The store itself is the seed again: the extra alerts are gone from it.
  const { status } = await graph(next, 'GET', 'security/alerts_v2/e2e-extra-0');
  expect(status).toBe(404);
});

test('data stored over another version of the seed generator is set aside, and the seed restored', async ({
  context,
  browser,
}) => {
  const page = await context.newPage();
  await openQueue(page, '/');
  const [incident] = await activeIncidents(page, 1);
  const renamed = await graph(page, 'PATCH', `security/incidents/${incident!.id}`, {
    displayName: 'Stored over an older seed',
  });
  expect(renamed.status).toBe(200);
  // As if an older console had stored it: its meta names another generator version.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('soc-console-mock');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error(String(req.error)));
    });
    const tx = db.transaction('meta', 'readwrite');
    const meta = tx.objectStore('meta');
    const req = meta.get('meta');
    req.onsuccess = () => meta.put({ ...(req.result as object), generator: 0 }, 'meta');
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    db.close();
  });
  await closeAllTabs(context, browser);

  const next = await context.newPage();
  await openQueue(next, '/');
  await expectSetAsideNotice(next, 'it was stored over the demo data of seed generator version 0');
  await next.screenshot({ path: 'test-results/generator-version-notice.png' });
  const restored = await graph(next, 'GET', `security/incidents/${incident!.id}`);
  expect((restored.body as Incident).displayName).not.toBe('Stored over an older seed');
});

/** Runs `edit` on the console's database in the page, as a hand edit would. */
async function editDatabase(page: Page, alertId: string, evidence: unknown) {
  await page.evaluate(
    async ({ alertId, evidence }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('soc-console-mock');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(new Error(String(req.error)));
      });
      const tx = db.transaction('evidence', 'readwrite');
      tx.objectStore('evidence').put(evidence, alertId);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(new Error(String(tx.error)));
      });
      db.close();
    },
    { alertId, evidence },
  );
}

/**
 * Renames the first active incident, so the stored data holds an analyst's change, and returns
 * it with its first alert and that alert's evidence.
 */
async function renameFirstIncident(page: Page, displayName: string) {
  const [incident] = await activeIncidents(page, 1);
  const alertId = incident!.alerts![0]!.id;
  const renamed = await graph(page, 'PATCH', `security/incidents/${incident!.id}`, {
    displayName,
  });
  expect(renamed.status).toBe(200);
  const alert = await graph(page, 'GET', `security/alerts_v2/${alertId}`);
  const evidence = (alert.body as { evidence: unknown[] }).evidence;
  expect(evidence.length).toBeGreaterThan(0);
  return { incident: incident!, alertId, evidence };
}

test('a return visit has every alert’s evidence; stored evidence that no longer fits its alert is set aside, with a notice', async ({
  context,
  browser,
}) => {
  const page = await context.newPage();
  await openQueue(page, '/');
  const { incident, alertId, evidence } = await renameFirstIncident(
    page,
    'Named before the return visit',
  );
  await closeAllTabs(context, browser);

  // The store opens on the seed, generated again, with the rename laid over it.
  const next = await context.newPage();
  await openQueue(next, '/');
  const again = await graph(next, 'GET', `security/alerts_v2/${alertId}`);
  expect((again.body as { evidence: unknown[] }).evidence).toEqual(evidence);
  await expect(next.getByText('Named before the return visit')).toBeVisible();

  // Stored evidence that names another device than its alert's is caught once read.
  await editDatabase(next, alertId, [
    { '@odata.type': '#microsoft.graph.security.deviceEvidence', deviceDnsName: 'e2e-elsewhere' },
  ]);
  await closeAllTabs(context, browser);
  const third = await context.newPage();
  await openQueue(third, '/');
  await expectSetAsideNotice(
    third,
    `alert ${alertId}'s stored evidence does not name the entities of the seed's`,
  );
  // The queue the tab already showed follows the restored seed.
  await expect(third.getByText('Named before the return visit')).toHaveCount(0);
  await third.screenshot({ path: 'test-results/late-set-aside-notice.png' });
  const restored = await graph(third, 'GET', `security/incidents/${incident.id}`);
  expect((restored.body as Incident).displayName).not.toBe('Named before the return visit');
  const seeded = await graph(third, 'GET', `security/alerts_v2/${alertId}`);
  expect((seeded.body as { evidence: unknown[] }).evidence).toEqual(evidence);
});

test.describe('without SharedWorker', () => {
  test.beforeEach(async ({ context }) => {
    await context.addInitScript(() => {
      delete (window as { SharedWorker?: unknown }).SharedWorker;
    });
  });

  test('the page holds the store: it answers, and a change survives a reload', async ({
    page,
    browser,
  }) => {
    await openQueue(page, '/');
    expect(await storeWorkers(browser)).toEqual([]);
    const [incident] = await activeIncidents(page, 1);
    const renamed = await graph(page, 'PATCH', `security/incidents/${incident!.id}`, {
      displayName: 'Renamed without a SharedWorker',
    });
    expect(renamed.status).toBe(200);

    await page.reload();
    await expect(page.getByRole('link', { name: 'Renamed without a SharedWorker' })).toBeVisible();
  });
});
