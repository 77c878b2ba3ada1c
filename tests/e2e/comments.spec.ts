/**
 * Comments and alert management in a real browser, on data the MSW service worker serves: a
 * formatted comment with a link in an incident's Activity log, XSS payloads that stay inert, and
 * an alert's status and classification managed from its panel and read back in the activity log.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations, startConsole } from './support';

const GRAPH = 'https://graph.microsoft.com/v1.0';
const SHOTS = '/tmp/shots-comments';

/** Starts the app (and its worker), then finds an active incident with alerts. */
async function pickIncident(page: Page) {
  await startConsole(page);
  return page.evaluate(async (graph) => {
    const headers = { Authorization: 'Bearer mock.analyst@contoso.com' };
    const list = (await (
      await fetch(`${graph}/security/incidents?$filter=status%20eq%20'active'&$top=20`, {
        headers,
      })
    ).json()) as { value: { id: string }[] };
    for (const { id } of list.value) {
      const incident = (await (
        await fetch(`${graph}/security/incidents/${id}?$expand=alerts`, { headers })
      ).json()) as {
        id: string;
        displayName: string;
        alerts: { id: string; title: string; status: string }[];
      };
      const alert = incident.alerts.find((a) => a.status === 'new');
      if (alert) return { id: incident.id, name: incident.displayName, alert };
    }
    throw new Error('No active incident with a new alert');
  }, GRAPH);
}

/** Calls Graph as the analyst from the page (the service worker answers). */
async function graph(page: Page, method: string, path: string, body: unknown) {
  const status = await page.evaluate(
    async ({ url, method, body }) =>
      (
        await fetch(url, {
          method,
          headers: {
            Authorization: 'Bearer mock.analyst@contoso.com',
            'Content-Type': 'application/json',
          },
          body: JSON.stringify(body),
        })
      ).status,
    { url: `${GRAPH}${path}`, method, body },
  );
  expect(status).toBe(200);
}

/** Fails the test if any payload ever opens a dialog (alert, confirm, prompt). */
function forbidDialogs(page: Page) {
  page.on('dialog', (dialog) => {
    void dialog.dismiss();
    throw new Error(`A script ran and opened a ${dialog.type()}: ${dialog.message()}`);
  });
}

test('posts a formatted comment with a link in the Activity log', async ({ page }) => {
  test.slow();
  const incident = await pickIncident(page);
  await page.goto(`/incidents/${incident.id}/activity`);
  const log = page.getByRole('list', { name: 'Activity log' });
  await expect(log).toBeVisible();

  const box = page.getByRole('textbox', { name: 'Comment' });
  await box.click();
  await page.getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.type('Contained');
  await box.press('End');
  await box.pressSequentially(
    ' on the host. Steps:\n\n- isolated the device\n- *reset* the password\n\n',
  );
  await box.pressSequentially(
    'Runbook: [SOC runbook](https://contoso.example/runbooks/ransomware)',
  );
  await expect(page.getByText(/^\d+ \/ 30,000$/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/comment-box.png` });
  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(
    page.getByRole('region', { name: 'Preview' }).getByText('Contained', { exact: true }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(box).toHaveValue('');

  const entry = log.getByRole('listitem').first();
  await expect(entry.locator('strong', { hasText: 'Contained' })).toBeVisible();
  await expect(entry.locator('em', { hasText: 'reset' })).toBeVisible();
  const link = entry.getByRole('link', { name: 'SOC runbook' });
  await expect(link).toHaveAttribute('href', 'https://contoso.example/runbooks/ransomware');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  // Posted for real: once the server has answered (the entry shows "Posting…" until then, and a
  // reload before the answer may cancel the request), still there, with its author, after a
  // reload.
  await expect(entry.getByText('Posting…')).toHaveCount(0);
  await expect(entry).not.toHaveAttribute('aria-busy');
  await page.reload();
  await expect(
    page.getByRole('list', { name: 'Activity log' }).getByRole('listitem').first(),
  ).toContainText('Avery Analyst added a comment.');
  await expect(page.getByRole('link', { name: 'SOC runbook' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/activity-log.png`, fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);

  // Past the limit: an error, the counter in red, and the button disabled.
  await page.getByRole('textbox', { name: 'Comment' }).fill('x'.repeat(30_001));
  await expect(page.getByText('30,001 / 30,000')).toBeVisible();
  await expect(page.getByText(/the limit is 30,000\. Remove 1 character\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Post comment' })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/comment-too-long.png` });
});

test('renders XSS payloads in names and comments as inert text', async ({ page }) => {
  forbidDialogs(page);
  const incident = await pickIncident(page);
  const name = '<img src=x onerror="window.__xss=1;alert(1)">';
  const payloads = [
    '<script>window.__xss=2;alert(2)</script>',
    '<svg onload="window.__xss=3">',
    '[click me](javascript:window.__xss=4)',
    '![x](x" onerror="window.__xss=5)',
    '<a href="javascript:window.__xss=6">link</a>',
  ];
  await graph(page, 'PATCH', `/security/incidents/${incident.id}`, {
    displayName: name,
    customTags: ['<b onmouseover="window.__xss=7">tag</b>'],
  });
  for (const comment of payloads) {
    await graph(page, 'POST', `/security/incidents/${incident.id}/comments`, { comment });
  }

  await page.goto(`/incidents/${incident.id}/activity`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const log = page.getByRole('list', { name: 'Activity log' });
  await expect(log.getByText(payloads[0]!, { exact: true })).toBeVisible();
  await expect(log.getByText(payloads[1]!, { exact: true })).toBeVisible();
  await expect(log.getByText('click me', { exact: true })).toBeVisible();
  const tag = page
    .getByRole('list', { name: 'Tags' })
    .getByText('<b onmouseover="window.__xss=7">tag</b>', { exact: true });
  await expect(tag).toBeVisible();
  // Hover and click what an attacker would want hovered and clicked.
  await tag.hover();
  await log.getByText('click me', { exact: true }).click();
  await page.screenshot({ path: `${SHOTS}/xss-inert.png`, fullPage: true });

  const planted = await page.evaluate(() => ({
    flag: (window as { __xss?: unknown }).__xss,
    scripts: document.body.querySelectorAll('script, iframe, object, embed').length,
    handlers: [...document.body.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name),
    ),
    scriptUrls: [...document.querySelectorAll('[href], [src]')].filter((el) =>
      /^\s*javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? ''),
    ).length,
  }));
  expect(planted).toEqual({ flag: undefined, scripts: 0, handlers: [], scriptUrls: 0 });

  await page.goto('/incidents');
  await expect(page.getByRole('grid', { name: 'Incidents' }).getByText(name).first()).toBeVisible();
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
});

test("manages an alert's status and classification from its panel", async ({ page }) => {
  test.slow();
  const incident = await pickIncident(page);
  await page.goto(
    `/incidents/${incident.id}/activity?alert=${encodeURIComponent(incident.alert.id)}`,
  );
  const panel = page.getByRole('dialog', { name: incident.alert.title });
  const form = panel.getByRole('form', { name: 'Manage alert' });
  await expect(form).toBeVisible();

  await form.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'In progress' }).click();
  await form.getByRole('combobox', { name: 'Classification' }).click();
  await page.getByRole('option', { name: 'True positive' }).click();
  await form.getByRole('combobox', { name: 'Determination' }).click();
  await expect(page.getByRole('option')).toHaveText([
    'Not set',
    'Multi-staged attack',
    'Malicious user activity',
    'Compromised account',
    'Malware',
    'Phishing',
    'Unwanted software',
    'Other',
  ]);
  await page.getByRole('option', { name: 'Malware' }).click();
  await form.getByRole('button', { name: 'Assign to me' }).click();
  await expect(form.getByText('4 unsaved changes')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/alert-manage-dirty.png` });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText(/Alert updated/)).toBeVisible();

  await panel.getByRole('textbox', { name: 'Comment' }).fill('Confirmed **malware** on the host.');
  await panel.getByRole('button', { name: 'Post comment' }).click();
  await expect(
    panel.getByRole('list', { name: 'Alert comments' }).locator('strong', { hasText: 'malware' }),
  ).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/alert-panel.png` });
  expect(await seriousViolations(page)).toEqual([]);

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  const log = page.getByRole('list', { name: 'Activity log' });
  const title = incident.alert.title;
  await expect(
    log.getByText(`Status of alert '${title}' changed from New to In progress.`),
  ).toBeVisible();
  await expect(
    log.getByText(`Classification of alert '${title}' changed from Not set to True positive.`),
  ).toBeVisible();
  await expect(
    log.getByText(`Determination of alert '${title}' changed from Not set to Malware.`),
  ).toBeVisible();
  await expect(log.locator('strong', { hasText: 'malware' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/activity-after-alert.png`, fullPage: true });
});
