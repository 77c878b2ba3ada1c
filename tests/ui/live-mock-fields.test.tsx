/**
 * Live mode reads nothing of the mock's `@mock.*` annotations: real Graph sends none, and the
 * console drops them from any answer it gets in live mode (a mock:serve answer carries them).
 * What they gave in mock mode comes from Sentinel instead, or is left out with a note: the merge
 * and move previews count an incident's related alerts from Sentinel's relations toward the
 * 150-alert limit; the alert panel lists only the alert's home incident and says why; the queue's
 * expanded row says its alerts (and the Alerts column) are the incident's own.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { enterLiveMode } from '@/api/config';
import { renderApp } from '../render';
import { passTime, useFakeTimers } from './fake-timers';
import { asRealGraph } from './as-real-graph';
import { setupMockServer } from './mock-server';
import { buildStore, makeIncident } from './test-store';

const WORKSPACE =
  '/subscriptions/11111111-2222-4333-8444-555555555555/resourceGroups/soc-rg/providers/Microsoft.OperationalInsights/workspaces/contoso-sentinel';
const ARM = 'https://management.azure.com';

/**
 * 1. A Sentinel incident of 144 alerts, with the 6 alerts of incident 3 related to it: it holds
 *    150, Sentinel's cap, though Graph lists 144.
 * 2. An incident of one alert.
 * 3. The home of the 6 related alerts.
 */
const STORE = buildStore([
  makeIncident({
    displayName: 'Password spray against the finance tenant',
    provider: 'sentinel',
    alerts: 144,
    relatedAlerts: [0, 1, 2, 3, 4, 5].map((alert) => ({ incident: 3, alert })),
  }),
  makeIncident({ displayName: 'Unfamiliar sign-in properties for a finance user', alerts: 1 }),
  makeIncident({ displayName: 'Mass download from the finance share', alerts: 6 }),
]);

const { runtime } = setupMockServer(STORE);
const LOAD = { timeout: 10_000 };

beforeAll(async () => {
  await import('@/features/incident-page/components/incident-page');
});

/** Answers as real Graph does (no `@mock.*`), or as mock:serve does (with them). */
let realGraph = true;

beforeEach(() => {
  realGraph = true;
  const fetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args) => {
    const response = await fetch(...args);
    return realGraph ? asRealGraph(response) : response;
  });
  enterLiveMode({
    graphBase: 'https://graph.microsoft.com',
    armBase: ARM,
    workspaces: [WORKSPACE],
  });
});

const incident = (id: string) => runtime.store.incident(id)!;

function queueRow(grid: HTMLElement, name: string) {
  const row = within(grid)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('link', { name }));
  if (!row) throw new Error(`No row for ${name}`);
  return row;
}

async function openMergeFromQueue() {
  const view = renderApp('/incidents');
  const grid = await screen.findByRole('grid', { name: 'Incidents' }, LOAD);
  for (const id of ['1', '2']) {
    const { displayName } = incident(id);
    const row = await waitFor(() => queueRow(grid, displayName), LOAD);
    await view.user.click(within(row).getByRole('checkbox', { name: `Select ${displayName}` }));
  }
  await view.user.click(screen.getByRole('button', { name: 'Merge incidents' }));
  const flyout = await screen.findByRole('dialog', { name: 'Merge incidents' }, LOAD);
  return { ...view, flyout };
}

describe.each([
  ['real Graph', true],
  ['mock:serve, whose answers carry @mock.*', false],
])('live mode against %s', (_, real) => {
  beforeEach(() => {
    realGraph = real;
  });

  it('the merge preview counts the related alerts from Sentinel toward the 150-alert limit', async () => {
    const { flyout } = await openMergeFromQueue();
    const checks = await within(flyout).findByRole('list', { name: 'Checks' }, LOAD);
    // Graph lists 144 + 1; Sentinel relates 6 more to incident 1.
    await waitFor(
      () =>
        expect(checks).toHaveTextContent(
          'The merged incident would hold 151 alerts; an incident holds at most 150.',
        ),
      LOAD,
    );
    expect(within(flyout).getByRole('button', { name: 'Merge incidents' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it("the alert panel lists the alert's home incident only, and says why", async () => {
    const alert = runtime.store.alertsOf('3')[0]!;
    renderApp(`/incidents/1/overview?alert=${encodeURIComponent(alert.id)}`);
    const panel = await screen.findByRole('dialog', { name: alert.title }, LOAD);
    const list = within(panel).getByRole('list', { name: 'Incidents this alert belongs to' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(within(items[0]!).getByRole('link', { name: 'Incident 3' })).toHaveAttribute(
      'href',
      '/incidents/3/overview',
    );
    expect(panel).toHaveTextContent(
      'Home incident only: Microsoft Graph does not say which other incidents an alert is related to. Those incidents list it on their Alerts tab.',
    );
  });

  it("the queue counts and lists the incident's own alerts only, and says so", async () => {
    const { user } = renderApp('/incidents');
    const grid = await screen.findByRole('grid', { name: 'Incidents' }, LOAD);
    const { displayName } = incident('1');
    const row = await waitFor(() => queueRow(grid, displayName), LOAD);
    const column = within(grid)
      .getAllByRole('columnheader')
      .findIndex((h) => h.textContent === 'Alerts');
    expect(within(row).getAllByRole('gridcell')[column]).toHaveTextContent(/^144$/);
    await user.click(within(row).getByRole('button', { name: `Alerts of ${displayName}` }));
    const note = await screen.findByText(/^Only the incident's own alerts/, {}, LOAD);
    expect(note).toHaveTextContent(
      "Only the incident's own alerts: Microsoft Graph does not list or count alerts related to it from other incidents. See them on the incident's Alerts tab",
    );
    expect(within(note).getByRole('link')).toHaveAttribute('href', '/incidents/1/alerts');
  });
});

describe('live mode', () => {
  it("the move preview counts the destination's related alerts from Sentinel toward the 150-alert limit", async () => {
    useFakeTimers();
    const { user } = renderApp('/incidents/2/alerts');
    const grid = await screen.findByRole('grid', { name: 'Alerts' }, LOAD);
    await user.click(within(grid).getByRole('checkbox', { name: 'Select all alerts' }));
    await user.click(screen.getByRole('button', { name: 'Move alerts to another incident' }));
    const flyout = await screen.findByRole(
      'dialog',
      { name: 'Move alert to another incident' },
      LOAD,
    );
    await within(flyout).findByRole('list', { name: 'Alerts to move' }, LOAD);

    await user.click(within(flyout).getByRole('radio', { name: 'Link to an existing incident' }));
    const picker = within(flyout).getByRole('combobox', { name: /Incident name or ID/ });
    await user.type(picker, '1');
    // The search waits for typing to pause.
    await passTime(1000);
    const { displayName } = incident('1');
    await user.click(await screen.findByRole('option', { name: `${displayName} (ID 1)` }, LOAD));
    // Graph lists 144 alerts in incident 1; with Sentinel's 6 related ones it is full.
    expect(
      await within(flyout).findByText(
        'Incident 1 would hold 151 alerts; an incident holds at most 150. Move fewer alerts or create a new incident.',
        {},
        LOAD,
      ),
    ).toBeInTheDocument();
    expect(within(flyout).getByRole('button', { name: 'Save' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });
});
