/**
 * Live mode: the alerts related to an incident from other incidents, which real Graph does not
 * list (an incident's `alerts` are its home ones, and it carries none of the mock's `@mock.*`
 * annotations, stripped here from every answer). The console reads the incident's relations and
 * alerts from Sentinel over ARM and each related alert from Graph by id, lists them on the
 * Alerts tab, the Incident timeline and the investigation graph's List view, marked, counts them
 * (with their assets), and removes one by deleting its relation; a refusal shows the server's
 * words and changes nothing.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { enterLiveMode } from '@/api/config';
import { renderApp } from '../render';
import { asRealGraph } from './as-real-graph';
import { setupMockServer } from './mock-server';
import { buildStore, evidence, makeAlert, makeIncident } from './test-store';

const HOST = 'FIN-WS-01';
const ENTITY = 'fin-ws-01.contoso.com';
const WORKSPACE =
  '/subscriptions/11111111-2222-4333-8444-555555555555/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel';
const ARM = 'https://management.azure.com';

/**
 * 1. A Sentinel incident of two alerts on FIN-WS-01, with the Sentinel alert of incident 2
 *    related to it (on FIN-WS-01 too).
 * 2. A Sentinel incident, home of that alert.
 * 3. A Defender incident of two alerts.
 * 4. A Defender incident holding a Defender alert of incident 3, related as Defender's portal
 *    relates them: Sentinel refuses to remove it.
 */
const STORE = buildStore([
  makeIncident({
    displayName: 'Ransomware on a finance workstation',
    provider: 'sentinel',
    alerts: [
      makeAlert({
        title: 'Ransomware behavior detected in the file system',
        severity: 'high',
        evidence: [evidence.device(HOST)],
      }),
      makeAlert({
        title: 'Suspicious PowerShell command line',
        severity: 'medium',
        evidence: [evidence.device(HOST)],
      }),
    ],
    relatedAlerts: [{ incident: 2 }],
  }),
  makeIncident({
    displayName: 'Rare outbound connection from the finance network',
    provider: 'sentinel',
    alerts: [
      makeAlert({
        title: 'Rare outbound connection (analytics rule)',
        serviceSource: 'microsoftSentinel',
        severity: 'low',
        evidence: [evidence.device(HOST), evidence.ip('185.220.101.47')],
      }),
      makeAlert({ title: 'Beaconing to a newly registered domain', severity: 'low' }),
    ],
  }),
  makeIncident({
    displayName: 'Credential theft on a vendor mailbox',
    alerts: [
      makeAlert({ title: 'Suspicious inbox forwarding rule', severity: 'medium' }),
      makeAlert({ title: 'Unusual volume of file deletion', severity: 'low' }),
    ],
  }),
  makeIncident({
    displayName: 'Sign-in anomalies for Finance',
    alerts: [makeAlert({ title: 'Unfamiliar sign-in properties', severity: 'low' })],
    relatedAlerts: [{ incident: 3, alert: 1, by: 'Microsoft Defender XDR' }],
  }),
]);

const { runtime, server } = setupMockServer(STORE);
const LOAD = { timeout: 5000 };

/** Every request the console sent, as `METHOD url`. */
let sent: string[] = [];

beforeAll(async () => {
  await import('@/features/incident-page/components/incident-page');
  await import('@/features/investigation/components/investigation-page');
});

beforeEach(() => {
  sent = [];
  server.use(
    http.all('*', ({ request }) => {
      sent.push(`${request.method} ${decodeURIComponent(request.url)}`);
      return undefined;
    }),
  );
  const fetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args) =>
    asRealGraph(await fetch(...args)),
  );
  enterLiveMode({
    graphBase: 'https://graph.microsoft.com',
    armBase: ARM,
    workspaces: [WORKSPACE],
  });
});

const alertOf = (incidentId: string, index = 0) => runtime.store.alertsOf(incidentId)[index]!;

function rowOf(list: HTMLElement, title: string, options?: { hidden?: boolean }) {
  const row = within(list)
    .getAllByRole('listitem', options)
    .find((li) => within(li).queryByText(title, { exact: true }));
  if (!row) throw new Error(`No row for ${title}`);
  return row;
}

/** The Overview's Incident timeline, and the ⋯ menu's Remove alert of one of its alerts. */
async function openMenu(incidentId: string, title: string) {
  const view = renderApp(`/incidents/${incidentId}/overview`);
  const region = await screen.findByRole('region', { name: 'Incident timeline' }, LOAD);
  const list = within(region).getByRole('list', { name: 'Alerts of this incident, oldest first' });
  const row = await waitFor(() => rowOf(list, title), LOAD);
  await view.user.click(within(row).getByRole('button', { name: `More options for ${title}` }));
  const remove = await screen.findByRole('menuitem', { name: /^Remove alert/ });
  return { ...view, list, remove };
}

describe('live mode: alerts related to an incident', () => {
  it('lists them on the Alerts tab, marked with their home incident, read from Sentinel and Graph', async () => {
    const related = alertOf('2');
    renderApp('/incidents/1/alerts');
    const grid = await screen.findByRole('grid', { name: 'Alerts' }, LOAD);
    await within(grid).findByRole('checkbox', { name: `Select alert ${related.title}` }, LOAD);
    const row = within(grid)
      .getAllByRole('row')
      .find((r) => within(r).queryByRole('checkbox', { name: `Select alert ${related.title}` }))!;
    expect(row).toHaveTextContent('Related');
    expect(within(row).getByRole('link', { name: 'Incident 2' })).toHaveAttribute(
      'href',
      '/incidents/2/overview',
    );
    expect(screen.getByRole('tab', { name: /^Alerts/ })).toHaveTextContent('3');
    expect(within(grid).getAllByRole('row')).toHaveLength(1 + 3);

    const sentinel = `${ARM}${WORKSPACE}/providers/Microsoft.SecurityInsights/incidents/${runtime.store.incident('1')!.armName}`;
    expect(sent).toContainEqual(
      expect.stringMatching(new RegExp(`^GET ${escape(sentinel)}/relations\\?`)),
    );
    expect(sent).toContainEqual(
      expect.stringMatching(new RegExp(`^POST ${escape(sentinel)}/alerts\\?`)),
    );
    // A Sentinel alert: Graph's id is its provider id with Sentinel's prefix.
    expect(sent).toContain(`GET https://graph.microsoft.com/v1.0/security/alerts_v2/${related.id}`);
    expect(sent.filter((r) => r.includes('/mock/v1/') || r.includes(' in ('))).toEqual([]);
  });

  it('lists them on the Incident timeline and removes one by deleting its relation through ARM', async () => {
    const alert = alertOf('2');
    const [relation] = runtime.store.relationsOf('1');
    const { user, list, remove } = await openMenu('1', alert.title);
    expect(rowOf(list, alert.title)).toHaveTextContent('In this incident, added from incident 2');
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(remove).not.toHaveAttribute('aria-disabled', 'true');
    await user.click(remove);
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove alert from incident?' });
    expect(dialog).toHaveTextContent('It stays in its home incident, incident 2.');
    await user.click(within(dialog).getByRole('button', { name: 'Remove alert' }));

    expect(await screen.findByText('Alert removed', {}, LOAD)).toBeInTheDocument();
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2), LOAD);
    expect(runtime.store.relationsOf('1')).toEqual([]);
    expect(runtime.store.alert(alert.id)!.incidentId).toBe('2');
    const deletes = sent.filter((r) => r.startsWith('DELETE '));
    expect(deletes).toEqual([
      expect.stringMatching(
        new RegExp(
          `^DELETE ${escape(`${ARM}${WORKSPACE}/providers/Microsoft.SecurityInsights/incidents/${runtime.store.incident('1')!.armName}/relations/${relation!.relationName}`)}\\?api-version=`,
        ),
      ),
    ]);
  });

  it("shows the server's refusal and changes nothing", async () => {
    const alert = alertOf('3', 1);
    const before = runtime.store.serialize();
    const { user, list, remove } = await openMenu('4', alert.title);
    await user.click(remove);
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove alert from incident?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove alert' }));
    expect(await screen.findByText('The alert was not removed', {}, LOAD)).toBeInTheDocument();
    expect(
      screen.getByText(
        'Failed to delete relation. Microsoft Defender XDR alerts cannot be removed from Microsoft Defender XDR incidents.',
      ),
    ).toBeInTheDocument();
    expect(runtime.store.serialize() === before).toBe(true);
    expect(rowOf(list, alert.title, { hidden: true })).toHaveTextContent(
      'In this incident, added from incident 3',
    );
  });

  it("counts the related alert's assets: the entity panel agrees with its Timeline", async () => {
    const { user } = renderApp('/incidents/1/assets');
    const devices = await screen.findByRole('table', { name: /^Devices/ }, LOAD);
    await user.click(within(devices).getByRole('button', { name: ENTITY }));
    const panel = await screen.findByRole('dialog', { name: ENTITY }, LOAD);
    // "In this incident": its home alerts and the related one.
    expect(within(panel).getByText('3 alerts', { selector: 'dd' })).toBeInTheDocument();
    const card = within(panel).getByRole('region', { name: 'Timeline' });
    const timeline = await within(card).findByRole(
      'list',
      { name: `Alerts involving ${ENTITY}, oldest first` },
      LOAD,
    );
    await waitFor(
      () =>
        expect(
          within(timeline)
            .getAllByRole('listitem')
            .filter((li) => li.textContent?.includes('In this incident')),
        ).toHaveLength(3),
      LOAD,
    );
  });
});

describe("live mode: the investigation graph's List view", () => {
  it('marks the related alert and removes it from the incident through ARM', async () => {
    const alert = alertOf('2');
    const { user } = renderApp('/incidents/1/investigate?view=list');
    const alerts = await screen.findByRole('table', { name: 'Alerts' }, LOAD);
    const row = await waitFor(() => {
      const found = within(alerts)
        .getAllByRole('row')
        .find((r) => within(r).queryByText(alert.title, { exact: true }));
      if (!found) throw new Error(`No row for ${alert.title}`);
      return found;
    }, LOAD);
    expect(row).toHaveTextContent('Added to this incident (from incident 2)');
    await user.click(within(row).getByRole('button', { name: 'Remove alert from incident' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove alert from incident?' });
    await user.click(within(confirm).getByRole('button', { name: 'Remove alert' }));
    expect(await screen.findByText('Alert removed', {}, LOAD)).toBeInTheDocument();
    await waitFor(
      () => expect(within(alerts).queryByText(alert.title, { exact: true })).toBeNull(),
      LOAD,
    );
    expect(runtime.store.relationsOf('1')).toEqual([]);
    expect(sent.filter((r) => r.startsWith('DELETE '))).toHaveLength(1);
  });
});

/** `text` as a literal inside a RegExp. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
