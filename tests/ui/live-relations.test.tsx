/**
 * Relating alerts in live mode, where Graph carries no Sentinel ids: the console finds the
 * Sentinel incident by its `providerIncidentId` in the configured workspaces and the alert's
 * SecurityAlert among its home incident's alerts, relates them through ARM, and reads what is
 * in the incident from Sentinel. The incident's assets come from its alerts' evidence and an
 * entity's timeline from the most recent alerts, both read from Graph. Without a workspace the
 * + is not offered, and the card says why.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enterLiveMode } from '@/api/config';
import { NO_WORKSPACE_REASON } from '@/features/relations/components/use-sentinel-incident';
import { renderApp } from '../render';
import { setupMockServer } from './mock-server';
import { buildStore, evidence, makeAlert, makeIncident } from './test-store';

const HOST = 'FIN-WS-01';
const ENTITY = 'fin-ws-01.contoso.com';
const WORKSPACE =
  '/subscriptions/11111111-2222-4333-8444-555555555555/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel';
const EXTERNAL = 'Credential dumping activity observed';

/** 1: a Sentinel incident on FIN-WS-01. 2: a Defender incident, one of whose alerts is on it. */
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
    ],
  }),
  makeIncident({
    displayName: 'Credential theft on FIN-WS-01',
    alerts: [
      makeAlert({ title: EXTERNAL, severity: 'medium', evidence: [evidence.device(HOST)] }),
      makeAlert({ title: 'Suspicious sign-in after credential dumping', severity: 'low' }),
    ],
  }),
]);

const { runtime, server } = setupMockServer(STORE);
const LOAD = { timeout: 5000 };

/** Every request the console sent, as `METHOD url`. */
let sent: string[] = [];

beforeAll(async () => {
  await import('@/features/incident-page/components/incident-page');
});

beforeEach(() => {
  sent = [];
  server.use(
    http.all('*', ({ request }) => {
      sent.push(`${request.method} ${decodeURIComponent(request.url)}`);
      return undefined;
    }),
  );
});

const live = (workspaces: string[]) =>
  enterLiveMode({
    graphBase: 'https://graph.microsoft.com',
    armBase: 'https://management.azure.com',
    workspaces,
  });

async function openTimeline() {
  const view = renderApp('/incidents/1/assets');
  const devices = await screen.findByRole('table', { name: /^Devices/ }, LOAD);
  await view.user.click(within(devices).getByRole('button', { name: ENTITY }));
  const panel = await screen.findByRole('dialog', { name: ENTITY }, LOAD);
  const card = within(panel).getByRole('region', { name: 'Timeline' });
  const list = await within(card).findByRole(
    'list',
    { name: `Alerts involving ${ENTITY}, oldest first` },
    LOAD,
  );
  return { ...view, card, list };
}

const rowOf = (list: HTMLElement, title: string) =>
  within(list)
    .getAllByRole('listitem')
    .find((li) => within(li).queryByText(title, { exact: true }))!;

describe('live mode: relating an alert through ARM', () => {
  it('finds the Sentinel incident and alert from Graph ids, adds the alert, and shows it in', async () => {
    live([WORKSPACE]);
    const { user, card, list } = await openTimeline();
    expect(card).toHaveTextContent(
      "Microsoft Graph cannot list an entity's alerts: the console matched these among the 500 most recent alerts, with this incident's own.",
    );
    const add = within(rowOf(list, EXTERNAL)).getByRole('button', {
      name: 'Add alert to incident',
    });
    await waitFor(() => expect(add).not.toHaveAttribute('aria-disabled'), LOAD);
    await user.click(add);
    const dialog = await screen.findByRole('alertdialog', {
      name: 'This alert is part of another incident',
    });
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(await screen.findByText('Alert added', {}, LOAD)).toBeInTheDocument();

    const alert = runtime.store.alertsOf('2')[0]!;
    expect(runtime.store.relationsOf('1').map((r) => r.alertId)).toEqual([alert.id]);
    const incident1 = runtime.store.incident('1')!;
    // Found by Graph's id in the configured workspace; the relation PUT to its ARM name.
    expect(sent).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^GET https://management\\.azure\\.com${WORKSPACE}/providers/Microsoft\\.SecurityInsights/incidents\\?.*\\$filter=properties/providerIncidentId eq '1'`,
        ),
      ),
    );
    expect(sent).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^PUT https://management\\.azure\\.com${WORKSPACE}/providers/Microsoft\\.SecurityInsights/incidents/${incident1.armName}/relations/`,
        ),
      ),
    );
    expect(sent.filter((r) => r.includes('/mock/v1/'))).toEqual([]);
    // Sentinel now lists it in incident 1: its row says so, and its + is gone.
    await waitFor(
      () =>
        expect(rowOf(list, EXTERNAL)).toHaveTextContent('In this incident, added from incident 2'),
      LOAD,
    );
    expect(within(rowOf(list, EXTERNAL)).queryByRole('button')).toBeNull();
  });

  it("shows the incident's own alerts on the entity even when they are not among the recent ones", async () => {
    live([WORKSPACE]);
    // Graph's recent alerts hold none of this entity's.
    server.use(http.get('*/v1.0/security/alerts_v2', () => HttpResponse.json({ value: [] })));
    const { list } = await openTimeline();
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(rowOf(list, 'Ransomware behavior detected in the file system')).toHaveTextContent(
      'In this incident',
    );
  });

  it('offers no + without a Sentinel workspace, says why, and asks ARM nothing', async () => {
    live([]);
    const { card, list } = await openTimeline();
    expect(card).toHaveTextContent(NO_WORKSPACE_REASON);
    expect(within(rowOf(list, EXTERNAL)).queryByRole('button')).toBeNull();
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(sent.filter((r) => r.includes('management.azure.com'))).toEqual([]);
  });
});
