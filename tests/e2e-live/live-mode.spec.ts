/**
 * Live mode in a real browser: the app built with VITE_MODE=live, the real MSAL redirect flow
 * against `mock:serve --auth entra` (playwright.live.config.ts), the queue from the API with a
 * signed token, a throttled request shown and waited out, an expired token renewed silently,
 * sign-out, the console's own search and lookup (which real Graph cannot do), the comments-only
 * activity log, and the analyst's journey: merge, move an alert, relate an alert through ARM
 * (the Sentinel incident found by its providerIncidentId), see it on the incident's Alerts tab
 * (read from Sentinel's relations) and remove it again from the Incident timeline, sign out;
 * and a Security Reader's comment refused by the server, in its words, with nothing stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

const ENTRA = `https://127.0.0.1:${process.env.E2E_ENTRA_PORT ?? 4405}`;

/**
 * What the page said and asked, printed with a failure: the revoked-session test has failed
 * twice in CI, only on a busy machine, in a way no local run has shown, so a failure leaves its
 * page errors, console errors and API calls in the log (and its trace in test-results-live).
 */
const pageLogs = new WeakMap<Page, string[]>();
test.beforeEach(({ page }) => {
  const lines: string[] = [];
  pageLogs.set(page, lines);
  const start = Date.now();
  const at = () => `${String(Date.now() - start).padStart(6)} ms`;
  page.on('pageerror', (error) => lines.push(`${at()} page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') lines.push(`${at()} console: ${message.text()}`);
  });
  page.on('response', (response) => {
    const url = response.url();
    if (!url.includes('/assets/')) {
      lines.push(
        `${at()} ${response.status()} ${response.request().method()} ${url.slice(0, 140)}`,
      );
    }
  });
});
test.afterEach(({ page }, info) => {
  if (info.status === info.expectedStatus) return;
  console.log(`What the page said and asked:\n${(pageLogs.get(page) ?? []).join('\n')}`);
});
const AUTHORITY = `${ENTRA}/contoso.onmicrosoft.com/oauth2/v2.0`;
const GRAPH = `${ENTRA}/v1.0`;
const MOCK = `${ENTRA}/mock/v1`;
const ARM_VERSION = '2022-07-01-preview';
/** How many recent alerts live mode reads for an entity's timeline (LIVE_ENTITY_SCAN_LIMIT). */
const ENTITY_SCAN = 500;
const GRAPH_SCOPES =
  'https://graph.microsoft.com/SecurityIncident.ReadWrite.All https://graph.microsoft.com/SecurityAlert.ReadWrite.All';

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

/**
 * A token for the test's own reads (to choose its data), through the same authorization code
 * flow with PKCE the console uses, as the analyst.
 */
async function testToken(request: APIRequestContext, scope: string): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = `${test.info().project.use.baseURL ?? ''}/`;
  const authorize = new URL(`${AUTHORITY}/authorize`);
  for (const [k, v] of Object.entries({
    client_id: 'console-e2e',
    redirect_uri: redirectUri,
    response_type: 'code',
    response_mode: 'query',
    scope: `openid ${scope}`,
    state: 'test',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    upn: 'analyst@contoso.com',
  })) {
    authorize.searchParams.set(k, v);
  }
  const answer = await request.get(authorize.href, { maxRedirects: 0, ignoreHTTPSErrors: true });
  const code = new URL(answer.headers().location ?? '').searchParams.get('code') ?? '';
  const token = await request.post(`${AUTHORITY}/token`, {
    ignoreHTTPSErrors: true,
    form: {
      client_id: 'console-e2e',
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      scope: `openid ${scope}`,
    },
  });
  return ((await token.json()) as { access_token: string }).access_token;
}

/** GETs JSON from the mock server with a bearer token. */
async function getJson<T>(request: APIRequestContext, url: string, token: string): Promise<T> {
  const res = await request.get(url, {
    headers: { Authorization: `Bearer ${token}` },
    ignoreHTTPSErrors: true,
  });
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

type Alert = { id: string; title: string; incidentId: string };
type Incident = {
  id: string;
  displayName: string;
  status: string;
  assignedTo: string | null;
  alerts: (Alert & { evidence: unknown[] })[];
  '@mock.relatedAlertIds': string[];
};

/** An open incident of the analyst's with two or more alerts named once in it. */
async function findMovable(request: APIRequestContext) {
  const token = await testToken(request, GRAPH_SCOPES);
  const filter = encodeURIComponent("status eq 'active' and assignedTo eq 'analyst@contoso.com'");
  const list = await getJson<{ value: Incident[] }>(
    request,
    `${GRAPH}/security/incidents?$filter=${filter}&$top=50&$expand=alerts`,
    token,
  );
  for (const incident of list.value) {
    const unique = incident.alerts.filter(
      (a) => incident.alerts.filter((b) => b.title === a.title).length === 1,
    );
    if (unique.length >= 2) return { id: incident.id, alert: unique[0]! };
  }
  throw new Error('No incident of the analyst with two distinct alerts');
}

/**
 * A Sentinel incident with room for more alerts, an entity its own alerts name (named once
 * among them), and an alert of another incident of its workspace involving that entity that
 * live mode's timeline shows (among the most recent alerts), not the only alert of its home.
 */
async function findRelatable(request: APIRequestContext) {
  const graph = await testToken(request, GRAPH_SCOPES);
  const arm = await testToken(request, 'https://management.azure.com/user_impersonation');
  const recent = new Set<string>();
  let next: string | undefined =
    `${GRAPH}/security/alerts_v2?$orderby=createdDateTime%20desc&$top=50&$select=id`;
  while (next && recent.size < ENTITY_SCAN) {
    const page: { value: { id: string }[]; '@odata.nextLink'?: string } = await getJson(
      request,
      next,
      graph,
    );
    for (const a of page.value) recent.add(a.id);
    next = page['@odata.nextLink'];
  }
  const workspaces = await getJson<{ value: { id: string }[] }>(
    request,
    `${MOCK}/workspaces`,
    graph,
  );
  for (const ws of workspaces.value) {
    const filter = encodeURIComponent(
      "properties/status eq 'New' or properties/status eq 'Active'",
    );
    const list = await getJson<{
      value: { id: string; properties: { incidentNumber: number; providerName: string } }[];
    }>(
      request,
      `${ENTRA}${ws.id}/providers/Microsoft.SecurityInsights/incidents?api-version=${ARM_VERSION}&$top=1000&$filter=${filter}`,
      arm,
    );
    for (const sentinel of list.value) {
      if (sentinel.properties.providerName !== 'Azure Sentinel') continue;
      const id = String(sentinel.properties.incidentNumber);
      const incident = await getJson<Incident>(
        request,
        `${GRAPH}/security/incidents/${id}?$expand=alerts`,
        graph,
      );
      if (incident.alerts.length + incident['@mock.relatedAlertIds'].length > 100) continue;
      const own = new Set(incident.alerts.map((a) => a.id));
      const entities = await getJson<{
        value: { kind: string; key: string; name: string; alertIds: string[] }[];
      }>(request, `${MOCK}/incidents/${id}/entities`, graph);
      const homeEntities = entities.value.filter((e) => e.alertIds.some((a) => own.has(a)));
      for (const entity of homeEntities) {
        if (homeEntities.filter((e) => e.name === entity.name).length > 1) continue;
        const query = new URLSearchParams({ kind: entity.kind, key: entity.key });
        const timeline = await getJson<{
          value: {
            alert: Alert & { '@mock.sentinelAlertId': string | null };
            incidents: { incidentId: string; alertCount: number }[];
          }[];
        }>(request, `${MOCK}/entities/alerts?${query}`, graph);
        const shown = timeline.value.filter((e) => own.has(e.alert.id) || recent.has(e.alert.id));
        for (const { alert, incidents } of shown) {
          if (incidents.some((i) => i.incidentId === id) || !recent.has(alert.id)) continue;
          if (!alert['@mock.sentinelAlertId']?.startsWith(`${ws.id}/`)) continue;
          if (shown.filter((e) => e.alert.title === alert.title).length > 1) continue;
          const home = incidents.find((i) => i.incidentId === alert.incidentId);
          if (!home || home.alertCount < 2 || incidents.length > 1) continue;
          return {
            incident: id,
            sentinelName: sentinel.id.split('/').pop()!,
            entity: entity.name,
            alert,
          };
        }
      }
    }
  }
  throw new Error('No relatable alert among the recent ones');
}

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

/**
 * Signs in as `name` (the analyst by default) and opens the Activity log of the queue's `row`th
 * incident. `run` names this run of the test: a retry or repeat posts to the same incident of the
 * same server, so each comments in its own words.
 */
async function openIncidentActivity(page: Page, row: number, name?: string) {
  const grid = await signIn(page, name);
  const href =
    (await grid.getByRole('row').nth(row).getByRole('link').first().getAttribute('href')) ?? '';
  const id = href.split('/').filter(Boolean)[1] ?? '';
  await page.goto(`/incidents/${id}/activity`);
  const { retry, repeatEachIndex } = test.info();
  return {
    id,
    box: page.getByRole('textbox', { name: 'Comment' }),
    run: `${repeatEachIndex}.${retry}`,
  };
}

/** The same, as the analyst, on an incident with comments: the log's list is shown. */
async function openActivityLog(page: Page, row: number) {
  const opened = await openIncidentActivity(page, row);
  const log = page.getByRole('list', { name: 'Activity log' });
  await expect(log).toBeVisible();
  return { ...opened, log };
}

test('asks to sign in again when the session is revoked, keeps what was typed, then posts it', async ({
  page,
}) => {
  const { log, box, run } = await openActivityLog(page, 1);
  const words = `Isolated the host before the session ran out (run ${run}).`;
  await box.fill(words);
  await expect(box).toHaveValue(words);

  // Tokens and refresh tokens revoked: only the user can sign in again.
  expect((await control(page, 'revoke-sessions')).status()).toBe(204);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByText('Your session has expired')).toBeVisible({ timeout: 20_000 });
  await expect(log.getByText('Posting…')).toBeVisible();
  await box.fill('Next step: reset the password.');
  await page.screenshot({ path: 'test-results/live-session-expired.png' });

  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Sign in again' }).click();
  const signInPage = await popup;
  await signInPage.getByRole('link', { name: /Avery Analyst/ }).click();
  await expect(page.getByText('Your session has expired')).toBeHidden({ timeout: 20_000 });
  await expect(log.getByText(words)).toBeVisible();
  await expect(log.getByText('Posting…')).toHaveCount(0);
  await expect(box).toHaveValue('Next step: reset the password.');
});

test('refuses a Security Reader’s comment in Graph’s words, keeps the text, and stores nothing', async ({
  page,
}) => {
  // Live mode does not know the signed-in user's role: Graph decides, and the console says why.
  const { id, box, run } = await openIncidentActivity(page, 3, 'Riley Reader');
  // The log has loaded (with or without comments) when it says how many it shows.
  const shown = page.getByText(/^Showing \d+ of \d+ comments?$/);
  await expect(shown).toBeVisible();
  const before = await shown.textContent();
  const words = `A reader tries to comment (run ${run}).`;
  await box.fill(words);
  await page.getByRole('button', { name: 'Post comment' }).click();

  await expect(page.getByText("Couldn't post the comment")).toBeVisible();
  await expect(
    page.getByText(
      `reader@contoso.com (Security Reader) has read-only access and cannot change incident ${id}. Missing permission SecurityIncident.ReadWrite.All.`,
    ),
  ).toBeVisible();
  // The text is back in its box, and no entry of the log holds it.
  const entry = page.getByRole('listitem').filter({ hasText: words });
  await expect(box).toHaveValue(words);
  await expect(entry).toHaveCount(0);
  await expect(shown).toHaveText(before ?? '');
  await page.screenshot({ path: 'test-results/live-comment-refused.png' });

  // Refused means unchanged: read again from the server, the log is as it was.
  await page.reload();
  await expect(shown).toHaveText(before ?? '');
  await expect(entry).toHaveCount(0);
});

test('asks to sign in again when the silent renewal frame never answers, and the comment waits', async ({
  page,
}) => {
  const { log, box, run } = await openActivityLog(page, 2);
  const words = `Blocked the sender while sign-in hung (run ${run}).`;
  await box.fill(words);

  // The session is gone and every silent sign-in hangs (a busy page, blocked third-party
  // cookies): MSAL's hidden frame times out, which only the user can mend.
  expect((await control(page, 'revoke-sessions')).status()).toBe(204);
  expect((await control(page, 'stall-silent-sign-in?count=100')).status()).toBe(204);
  try {
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect(page.getByText('Your session has expired')).toBeVisible({ timeout: 30_000 });
    await expect(log.getByText('Posting…')).toBeVisible();
    await expect(page.getByText("Couldn't post the comment")).toHaveCount(0);

    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await (await popup).getByRole('link', { name: /Avery Analyst/ }).click();
    await expect(page.getByText('Your session has expired')).toBeHidden({ timeout: 20_000 });
    await expect(log.getByText(words)).toBeVisible();
    await expect(log.getByText('Posting…')).toHaveCount(0);
  } finally {
    expect((await control(page, 'stall-silent-sign-in?count=0')).status()).toBe(204);
  }
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

  // The alerts queue searches titles in the console too, and Graph is never sent `contains`.
  const alertRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/security/alerts_v2')) alertRequests.push(decodeURIComponent(r.url()));
  });
  await page.goto('/alerts?q=sign-in');
  await expect(page.getByText('Filtered in the console')).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Alerts' }).getByRole('row').nth(1)).toContainText(
    /sign-in/i,
  );
  expect(alertRequests.length).toBeGreaterThan(0);
  expect(alertRequests.filter((u) => u.includes('contains('))).toEqual([]);

  await page.goto(`/incidents/${id}/activity`);
  await expect(page.getByText(/Audits are not available from Microsoft Graph/)).toBeVisible();
  await page.screenshot({ path: 'test-results/live-activity.png' });
  expect(refused).toEqual([]);
});

test('merges two incidents, moves an alert, relates an alert through ARM and removes it, and signs out', async ({
  page,
}) => {
  test.slow(); // three flows, each choosing its data first, on a shared machine
  const grid = await signIn(page);
  const bearer: Record<string, string[]> = {};
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    const scheme = r.headers().authorization?.split(' ')[0] ?? '';
    if (path.endsWith('/security/incidents/mergeIncidents')) (bearer.merge ??= []).push(scheme);
    if (path.endsWith('/security/alerts_v2/moveAlerts')) (bearer.move ??= []).push(scheme);
    if (r.method() === 'PUT' && path.includes('/relations/')) (bearer.relations ??= []).push(path);
    if (r.method() === 'DELETE' && path.includes('/relations/')) {
      (bearer.unrelate ??= []).push(`${scheme} ${path}`);
    }
    if (r.method() === 'GET' && path.endsWith('/relations')) (bearer.listed ??= []).push(path);
    // Graph has no `id in (…)` filter on alerts: live mode must not rely on it.
    const url = decodeURIComponent(r.url());
    if (url.includes('/security/alerts_v2') && url.includes(' in (')) {
      (bearer.byIds ??= []).push(url);
    }
  });

  // Merge: two active incidents the analyst may change (no Sentinel-only or read-only ones).
  await page.goto('/incidents?status=active&assignment=me');
  const rows = grid.getByRole('row');
  await expect(rows.nth(2)).toBeVisible();
  await rows.nth(1).getByRole('checkbox').check();
  await rows.nth(2).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Merge incidents' }).click();
  const mergeFlyout = page.getByRole('dialog', { name: 'Merge incidents' });
  await mergeFlyout.getByRole('textbox', { name: 'Reason for merging' }).fill('Same campaign');
  await mergeFlyout.getByRole('button', { name: 'Merge incidents' }).click();
  await page
    .getByRole('alertdialog', { name: 'Merge 2 incidents?' })
    .getByRole('button', { name: 'Merge' })
    .click();
  await expect(page.getByText('Incidents merged', { exact: true })).toBeVisible();
  expect(bearer.merge).toEqual(['Bearer']);

  // Move one alert of an incident of the analyst's to a new incident.
  const movable = await findMovable(page.request);
  await page.goto(`/incidents/${movable.id}/alerts`);
  const alerts = page.getByRole('grid', { name: 'Alerts' });
  await alerts.getByRole('checkbox', { name: `Select alert ${movable.alert.title}` }).check();
  await page.getByRole('button', { name: 'Move alerts to another incident' }).click();
  const moveFlyout = page.getByRole('dialog', { name: 'Move alert to another incident' });
  await moveFlyout.getByRole('radio', { name: 'Create a new incident' }).check();
  await moveFlyout.getByRole('textbox', { name: 'Comment' }).fill('A separate intrusion');
  await moveFlyout.getByRole('button', { name: 'Save' }).click();
  await expect(moveFlyout).toBeHidden();
  await expect(page.getByText('Alert moved', { exact: true })).toBeVisible();
  await expect(page.getByText(/^The alert was moved to new incident \d+\.$/)).toBeVisible();
  await expect(alerts.getByText(movable.alert.title, { exact: true })).toHaveCount(0);
  expect(bearer.move).toEqual(['Bearer']);

  // Relate: an external alert from an entity's Timeline, through Sentinel's ARM API.
  const pick = await findRelatable(page.request);
  await page.goto(`/incidents/${pick.incident}/assets`);
  await page.getByRole('button', { name: pick.entity, exact: true }).click();
  const panel = page.getByRole('dialog', { name: pick.entity });
  const card = panel.getByRole('region', { name: 'Timeline' });
  await expect(card).toContainText(
    `the console matched these among the ${ENTITY_SCAN} most recent alerts`,
  );
  const row = card
    .getByRole('list', { name: `Alerts involving ${pick.entity}, oldest first` })
    .getByRole('listitem')
    .filter({ has: page.getByText(pick.alert.title, { exact: true }) });
  await expect(row).toContainText(`External, in incident ${pick.alert.incidentId}`);
  const add = row.getByRole('button', { name: 'Add alert to incident' });
  await expect(add).not.toHaveAttribute('aria-disabled', 'true');
  await add.click();
  await page
    .getByRole('alertdialog', { name: 'This alert is part of another incident' })
    .getByRole('button', { name: 'OK' })
    .click();
  await expect(page.getByText('Alert added', { exact: true })).toBeVisible();
  await expect(row).toContainText(`In this incident, added from incident ${pick.alert.incidentId}`);
  await page.screenshot({ path: 'test-results/live-related.png' });
  // The relation was created on the Sentinel incident found by providerIncidentId.
  expect(bearer.relations).toHaveLength(1);
  expect(bearer.relations?.[0]).toContain(`/incidents/${pick.sentinelName}/relations/`);

  await page.keyboard.press('Escape');

  // The incident lists it, marked, read from Sentinel's relations (Graph lists only home alerts).
  await page.goto(`/incidents/${pick.incident}/alerts`);
  const incidentAlerts = page.getByRole('grid', { name: 'Alerts' });
  const relatedRow = incidentAlerts
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox', { name: `Select alert ${pick.alert.title}` }) });
  await expect(relatedRow).toContainText('Related');
  await expect(
    relatedRow.getByRole('link', { name: `Incident ${pick.alert.incidentId}` }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/live-related-alerts-tab.png' });

  // Its panel names only its home incident, and says why: Graph does not name the others (the
  // mock's `@mock.incidentIds` would, and live mode must not read it).
  await relatedRow.getByRole('link', { name: pick.alert.title }).click();
  const alertPanel = page.getByRole('dialog', { name: pick.alert.title });
  const homes = alertPanel
    .getByRole('list', { name: 'Incidents this alert belongs to' })
    .getByRole('listitem');
  await expect(homes).toHaveCount(1);
  await expect(homes).toHaveText(`Incident ${pick.alert.incidentId}`);
  await expect(alertPanel).toContainText(
    'Home incident only: Microsoft Graph does not say which other incidents an alert is related to.',
  );
  await page.screenshot({ path: 'test-results/live-alert-panel-incidents.png' });
  await page.keyboard.press('Escape');
  await expect(alertPanel).toBeHidden();
  // Listed from the Sentinel incident's relations, not from anything Graph would not send.
  expect(bearer.listed).toContainEqual(
    expect.stringContaining(`/incidents/${pick.sentinelName}/relations`),
  );
  expect(bearer.byIds).toBeUndefined();

  // Remove it again from the Incident timeline: the relation made above is deleted through ARM.
  await page.getByRole('tab', { name: /^Overview/ }).click();
  const timeline = page
    .getByRole('region', { name: 'Incident timeline' })
    .getByRole('list', { name: 'Alerts of this incident, oldest first' });
  const timelineRow = timeline
    .getByRole('listitem')
    .filter({ has: page.getByText(pick.alert.title, { exact: true }) });
  await expect(timelineRow).toContainText(
    `In this incident, added from incident ${pick.alert.incidentId}`,
  );
  await timelineRow.getByRole('button', { name: `More options for ${pick.alert.title}` }).click();
  await page.getByRole('menuitem', { name: /^Remove alert/ }).click();
  await page
    .getByRole('alertdialog', { name: 'Remove alert from incident?' })
    .getByRole('button', { name: 'Remove alert' })
    .click();
  await expect(page.getByText('Alert removed', { exact: true })).toBeVisible();
  await expect(timelineRow).toHaveCount(0);
  expect(bearer.unrelate).toEqual([`Bearer ${bearer.relations?.[0] ?? ''}`]);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
