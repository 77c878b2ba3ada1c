/**
 * Relating alerts to incidents in the console (seed 004): an entity's Timeline card with its
 * external alerts and their + ("Add alert to incident"), the special situations (already in
 * other incidents; the only alert of its other incident: keep or close it), Remove alert from
 * the Overview's Incident timeline, and where relations show (the Alerts tab, the alert panel,
 * the queue's count, the merge and move previews' 150-alert check).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { alertKeys } from '@/api/alerts/alert-keys';
import type { Incident } from '@/domain/graph';
import { closedByRelationComment } from '@/domain/relations';
import { previewMerge } from '@/features/merge-incidents/merge-preview';
import { toDestination } from '@/features/move-alerts/move-plan';
import { findPersona } from '@mocks/store/personas';
import { renderApp } from '../render';
import { graphError, holdRequests } from './mock-backend';
import { setupMockServer } from './mock-server';
import { buildStore, evidence, makeAlert, makeIncident } from './test-store';

const HOST = 'FIN-WS-01';
/** How the Assets tab and the side panel name the device: its DNS name. */
const ENTITY = 'fin-ws-01.contoso.com';

/**
 * 1. The Sentinel incident under investigation: two alerts on FIN-WS-01, and one alert of
 *    incident 4 related to it (a Sentinel alert, which Sentinel may remove again).
 * 2. A Defender incident of two alerts; its first one involves FIN-WS-01 (external to 1).
 * 3. A Defender incident whose only alert involves FIN-WS-01 (keep or close it).
 * 4. A Sentinel incident, home of the alert related to incident 1.
 * 5. A Defender incident holding a Defender alert of incident 2, related as Defender's portal
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
        evidence: [evidence.device(HOST), evidence.user('noah.garcia@contoso.com')],
      }),
      makeAlert({
        title: 'Suspicious PowerShell command line',
        severity: 'medium',
        evidence: [evidence.device(HOST)],
      }),
    ],
    relatedAlerts: [{ incident: 4 }],
  }),
  makeIncident({
    displayName: 'Credential theft on FIN-WS-01',
    alerts: [
      makeAlert({
        title: 'Credential dumping activity observed',
        severity: 'medium',
        evidence: [evidence.device(HOST)],
      }),
      makeAlert({ title: 'Suspicious sign-in after credential dumping', severity: 'low' }),
    ],
  }),
  makeIncident({
    displayName: 'Malware dropped on FIN-WS-01',
    alerts: [
      makeAlert({
        title: 'Malicious file dropped by an Office macro',
        severity: 'low',
        evidence: [evidence.device(HOST), evidence.file('invoice.docm')],
      }),
    ],
  }),
  makeIncident({
    displayName: 'Rare outbound connection from the finance network',
    provider: 'sentinel',
    alerts: [
      makeAlert({
        title: 'Rare outbound connection (analytics rule)',
        serviceSource: 'microsoftSentinel',
        severity: 'low',
        evidence: [evidence.ip('185.220.101.47')],
      }),
    ],
  }),
  makeIncident({
    displayName: 'Sign-in anomalies for Finance',
    alerts: [makeAlert({ title: 'Unfamiliar sign-in properties', severity: 'low' })],
    relatedAlerts: [{ incident: 2, alert: 1, by: 'Microsoft Defender XDR' }],
  }),
]);

const { runtime, server } = setupMockServer(STORE);

/** The first screenful can take a while on a busy machine (lazy chunk, Fluent in jsdom). */
const LOAD = { timeout: 5000 };
const analyst = findPersona('analyst@contoso.com')!;

beforeAll(async () => {
  await import('@/features/incident-page/components/incident-page');
  await import('@/features/alert-details/components/alert-details-panel');
});

const alertOf = (incidentId: string, index = 0) => runtime.store.alertsOf(incidentId)[index]!;
const relatedTo = (incidentId: string) =>
  runtime.store.relationsOf(incidentId).map((r) => r.alertId);

/** Opens incident 1's Assets tab, then FIN-WS-01's side panel; returns its Timeline list. */
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
  return { ...view, panel, list };
}

/** The timeline's row of an alert, by its title. */
function rowOf(list: HTMLElement, title: string, options: { hidden?: boolean } = {}) {
  const row = within(list)
    .getAllByRole('listitem', options)
    .find((li) => within(li).queryByText(title, { exact: true }));
  if (!row) throw new Error(`no row for ${title}`);
  return row;
}

describe("an entity's Timeline card", () => {
  it("lists every alert involving the entity: this incident's, and external ones with +", async () => {
    const { list } = await openTimeline();
    const rows = within(list).getAllByRole('listitem');
    // Oldest first: incident 3's alert, then 2's, then 1's own two.
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Malicious file dropped by an Office macro'),
      expect.stringContaining('Credential dumping activity observed'),
      expect.stringContaining('Ransomware behavior detected in the file system'),
      expect.stringContaining('Suspicious PowerShell command line'),
    ]);

    const own = rowOf(list, 'Ransomware behavior detected in the file system');
    expect(own).toHaveTextContent('High severity');
    expect(own).toHaveTextContent('In this incident');
    expect(
      within(own).getByTitle(new Date(alertOf('1').createdDateTime).toISOString()),
    ).toHaveAttribute('datetime', alertOf('1').createdDateTime);
    expect(within(own).queryByRole('button')).toBeNull();

    const external = rowOf(list, 'Credential dumping activity observed');
    expect(external).toHaveTextContent('Medium severity');
    expect(external).toHaveTextContent('External, in incident 2');
    expect(within(external).getByRole('button', { name: 'Add alert to incident' })).toBeEnabled();
    expect(
      within(rowOf(list, 'Malicious file dropped by an Office macro')).getByRole('button', {
        name: 'Add alert to incident',
      }),
    ).toBeEnabled();
  });

  it('disables + for a read-only persona and says why', async () => {
    const view = renderApp('/incidents/1/assets', { upn: 'reader@contoso.com' });
    const devices = await screen.findByRole('table', { name: /^Devices/ }, LOAD);
    await view.user.click(within(devices).getByRole('button', { name: ENTITY }));
    const panel = await screen.findByRole('dialog', { name: ENTITY }, LOAD);
    const list = await within(panel).findByRole('list', { name: /^Alerts involving/ }, LOAD);
    const add = within(rowOf(list, 'Credential dumping activity observed')).getByRole('button', {
      name: 'Add alert to incident',
    });
    await waitFor(() =>
      expect(add).toHaveAccessibleDescription('Requires Security Operator access'),
    );
    expect(add).toHaveAttribute('aria-disabled', 'true');
  });
});

describe('adding an alert that is part of other incidents', () => {
  it('names them with links; OK adds it here and leaves it in them', async () => {
    const alert = alertOf('2');
    const { user, list } = await openTimeline();
    await user.click(
      within(rowOf(list, alert.title)).getByRole('button', { name: 'Add alert to incident' }),
    );

    const dialog = await screen.findByRole('alertdialog', {
      name: 'This alert is part of another incident',
    });
    const link = within(dialog).getByRole('link', {
      name: 'Credential theft on FIN-WS-01 (ID 2)',
    });
    expect(link).toHaveAttribute('href', '/incidents/2/overview');
    expect(dialog).toHaveTextContent('is already part of another incident:');
    expect(dialog).toHaveTextContent('does not remove it');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));

    expect(await screen.findByText('Alert added', {}, LOAD)).toBeInTheDocument();
    expect(
      screen.getByText(`The alert '${alert.title}' was added to incident 1.`),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(relatedTo('1')).toContain(alert.id);
    expect(runtime.store.alert(alert.id)!.incidentId).toBe('2');
    // The timeline shows it in full colour now, without its +.
    const row = rowOf(list, alert.title);
    await waitFor(() => expect(row).toHaveTextContent('In this incident, added from incident 2'));
    expect(within(row).queryByRole('button')).toBeNull();
    await waitFor(() => expect(row).toHaveFocus());
  });

  it('Cancel changes nothing', async () => {
    const alert = alertOf('2');
    const { user, list } = await openTimeline();
    const before = runtime.store.serialize();
    await user.click(
      within(rowOf(list, alert.title)).getByRole('button', { name: 'Add alert to incident' }),
    );
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(runtime.store.serialize() === before).toBe(true);
    // The panel is back (no longer hidden behind the dialog), the alert still external.
    await waitFor(() =>
      expect(rowOf(list, alert.title)).toHaveTextContent('External, in incident 2'),
    );
  });

  it("shows the server's refusal and adds nothing", async () => {
    // Incident 3's alert moved to another workspace: the server refuses it (the seed's table).
    const far = alertOf('3');
    runtime.store.replaceState(
      structuredClone({
        ...STORE,
        alerts: {
          ...STORE.alerts,
          [far.id]: {
            ...STORE.alerts[far.id]!,
            workspace: {
              ...STORE.alerts[far.id]!.workspace!,
              workspaceName: 'contoso-sentinel-eu',
            },
          },
        },
      }),
    );
    const { user, list } = await openTimeline();
    await user.click(
      within(rowOf(list, far.title)).getByRole('button', { name: 'Add alert to incident' }),
    );
    const dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Keep other incident' }));
    expect(await screen.findByText('The alert was not added', {}, LOAD)).toBeInTheDocument();
    expect(
      screen.getByText(
        'Failed to create relation. Related resource and incident should belong to the same workspace.',
      ),
    ).toBeInTheDocument();
    expect(relatedTo('1')).not.toContain(far.id);
    // Read as it shows: Fluent gives the panel behind the dialog back to assistive technology
    // a moment after the dialog closes.
    expect(rowOf(list, far.title, { hidden: true })).toHaveTextContent('External, in incident 3');
  });
});

describe('adding the only alert of another incident', () => {
  const ONLY = 'Malicious file dropped by an Office macro';

  async function askAboutOnlyAlert() {
    const view = await openTimeline();
    await view.user.click(
      within(rowOf(view.list, ONLY)).getByRole('button', { name: 'Add alert to incident' }),
    );
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Keep or close the other incident?',
    });
    expect(
      within(dialog).getByRole('link', { name: 'Malware dropped on FIN-WS-01 (ID 3)' }),
    ).toBeInTheDocument();
    return { ...view, dialog };
  }

  it('Keep other incident adds the alert and leaves the other incident open', async () => {
    const { user, dialog } = await askAboutOnlyAlert();
    expect(screen.queryByRole('table', { name: /^Files/ })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Keep other incident' }));
    expect(await screen.findByText('Alert added', {}, LOAD)).toBeInTheDocument();
    expect(relatedTo('1')).toContain(alertOf('3').id);
    expect(runtime.store.incident('3')!.status).toBe('active');
    // Its entities joined the incident: its file is among the assets now.
    await user.keyboard('{Escape}');
    const files = await screen.findByRole('table', { name: /^Files/ }, LOAD);
    expect(within(files).getByRole('button', { name: 'invoice.docm' })).toBeInTheDocument();
  });

  it('Close other incident adds the alert, then closes the other incident as Undetermined with the comment', async () => {
    const alert = alertOf('3');
    const { user, dialog } = await askAboutOnlyAlert();
    expect(dialog).toHaveTextContent(closedByRelationComment('1'));
    await user.click(within(dialog).getByRole('button', { name: 'Close other incident' }));
    expect(await screen.findByText('Alert added', {}, LOAD)).toBeInTheDocument();
    expect(
      screen.getByText(
        `The alert '${alert.title}' was added to incident 1. Incident 3 was closed.`,
      ),
    ).toBeInTheDocument();
    expect(relatedTo('1')).toContain(alert.id);
    expect(runtime.store.incident('3')).toMatchObject({
      status: 'resolved',
      classification: null,
      determination: null,
      resolvingComment: closedByRelationComment('1'),
    });
    // Still worked in incident 1: the server leaves it open.
    expect(runtime.store.alert(alert.id)!.status).toBe('new');
  });

  it('Cancel changes nothing anywhere', async () => {
    const before = runtime.store.serialize();
    const { user, dialog } = await askAboutOnlyAlert();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(runtime.store.serialize() === before).toBe(true);
  });
});

describe("the Overview's Incident timeline", () => {
  /** The incident's Overview, its Incident timeline, and the ⋯ menu of one of its alerts. */
  async function openMenu(incidentId: string, title: string) {
    const view = renderApp(`/incidents/${incidentId}/overview`);
    const region = await screen.findByRole('region', { name: 'Incident timeline' }, LOAD);
    const list = within(region).getByRole('list', {
      name: 'Alerts of this incident, oldest first',
    });
    const row = await waitFor(() => rowOf(list, title), LOAD);
    await view.user.click(within(row).getByRole('button', { name: `More options for ${title}` }));
    const remove = await screen.findByRole('menuitem', { name: /^Remove alert/ });
    return { ...view, region, list, remove };
  }

  it("lists the incident's alerts, home and related, in time order", async () => {
    renderApp('/incidents/1/overview');
    const region = await screen.findByRole('region', { name: 'Incident timeline' }, LOAD);
    const list = within(region).getByRole('list');
    const related = alertOf('4');
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3), LOAD);
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      // Incident 4's alert is the oldest: incident 4 was created before incident 1.
      expect.stringContaining(related.title),
      expect.stringContaining(alertOf('1', 0).title),
      expect.stringContaining(alertOf('1', 1).title),
    ]);
    expect(rowOf(list, related.title)).toHaveTextContent('In this incident, added from incident 4');
  });

  it('removes a related alert after a confirmation; it stays in its home incident', async () => {
    const alert = alertOf('4');
    const { user, list, remove } = await openMenu('1', alert.title);
    await user.click(remove);
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove alert from incident?' });
    expect(dialog).toHaveTextContent('It stays in its home incident, incident 4.');
    await user.click(within(dialog).getByRole('button', { name: 'Remove alert' }));

    expect(await screen.findByText('Alert removed', {}, LOAD)).toBeInTheDocument();
    expect(
      screen.getByText(
        `The alert '${alert.title}' was removed from incident 1. It stays in incident 4.`,
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(relatedTo('1')).toEqual([]);
    expect(runtime.store.alert(alert.id)!.incidentId).toBe('4');
    expect(runtime.store.activities('1').at(-1)).toMatchObject({
      action: 'alertUnrelated',
      performedBy: analyst.upn,
      targetId: alert.id,
    });
  });

  it('disables Remove alert on a home alert and says why', async () => {
    const { remove } = await openMenu('1', alertOf('1').title);
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    expect(remove).toHaveTextContent(
      'It was correlated into this incident; move it to another incident instead',
    );
  });

  it("shows the seed's refusal to remove a Defender XDR alert from a Defender XDR incident", async () => {
    const alert = alertOf('2', 1);
    const before = runtime.store.serialize();
    const { user, list, remove } = await openMenu('5', alert.title);
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
    expect(rowOf(list, alert.title, { hidden: true })).toBeInTheDocument();
  });
});

describe('where relations show', () => {
  it('the Alerts tab lists related alerts with their own, marked, naming their home incident', async () => {
    const related = alertOf('4');
    renderApp('/incidents/1/alerts');
    const grid = await screen.findByRole('grid', { name: 'Alerts' }, LOAD);
    expect(screen.getByRole('tab', { name: /^Alerts/ })).toHaveTextContent('3');
    expect(within(grid).getByRole('columnheader', { name: 'Home incident' })).toBeInTheDocument();
    await within(grid).findByRole('checkbox', { name: `Select alert ${related.title}` }, LOAD);
    const row = within(grid)
      .getAllByRole('row')
      .find((r) => within(r).queryByRole('checkbox', { name: `Select alert ${related.title}` }))!;
    expect(row).toHaveTextContent('Related');
    expect(within(row).getByRole('link', { name: 'Incident 4' })).toHaveAttribute(
      'href',
      '/incidents/4/overview',
    );
    const home = within(grid)
      .getAllByRole('row')
      .find((r) =>
        within(r).queryByRole('checkbox', { name: `Select alert ${alertOf('1').title}` }),
      )!;
    expect(home).toHaveTextContent('This incident');
    expect(home).not.toHaveTextContent('Related');
  });

  it('the Alerts tab keeps its related alerts when reading them again fails, says so, and retries', async () => {
    const related = alertOf('4');
    const { queryClient, user } = renderApp('/incidents/1/alerts');
    const grid = await screen.findByRole('grid', { name: 'Alerts' }, LOAD);
    await within(grid).findByRole('checkbox', { name: `Select alert ${related.title}` }, LOAD);
    server.use(http.get('*/v1.0/security/alerts_v2', () => graphError('Alerts are resting')));
    await queryClient.invalidateQueries({ queryKey: alertKeys.idBatches() });

    const stale = await screen.findByRole(
      'status',
      { name: "Couldn't refresh the alerts added to this incident; showing what was loaded" },
      LOAD,
    );
    expect(stale).toHaveTextContent('Alerts are resting');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(
      within(grid).getByRole('checkbox', { name: `Select alert ${related.title}` }),
    ).toBeInTheDocument();

    // Retry says it is retrying while the read is under way; once it succeeds the bar goes.
    server.resetHandlers();
    const release = holdRequests(server, '*/v1.0/security/alerts_v2');
    await user.click(within(stale).getByRole('button', { name: 'Retry' }));
    expect(await within(stale).findByRole('button', { name: 'Retrying…' })).toBeInTheDocument();
    release();
    await waitFor(() => expect(stale).not.toBeInTheDocument(), LOAD);
    expect(
      within(grid).getByRole('checkbox', { name: `Select alert ${related.title}` }),
    ).toBeInTheDocument();
  });

  it("the queue's expanded row lists its own alerts and names the related ones it leaves out", async () => {
    const { user } = renderApp('/incidents');
    const name = 'Ransomware on a finance workstation';
    const expand = await screen.findByRole('button', { name: `Alerts of ${name}` }, LOAD);
    await user.click(expand);
    const table = await screen.findByRole('table', { name: `Alerts of ${name}` });
    // Its two home alerts (Graph's alerts), then the note for the one related from incident 4.
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 2);
    const note = screen.getByText(/1 alert related to this incident from another incident/);
    expect(
      within(note).getByRole('link', { name: "see the incident's Alerts tab" }),
    ).toHaveAttribute('href', '/incidents/1/alerts');
  });

  it('the alert panel lists every incident the alert belongs to, with links', async () => {
    const alert = alertOf('4');
    renderApp(`/incidents/1/overview?alert=${encodeURIComponent(alert.id)}`);
    const panel = await screen.findByRole('dialog', { name: alert.title }, LOAD);
    const list = within(panel).getByRole('list', { name: 'Incidents this alert belongs to' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Incident 4Home incident');
    expect(items[1]).toHaveTextContent('Incident 1Related');
    expect(within(items[1]!).getByRole('link', { name: 'Incident 1' })).toHaveAttribute(
      'href',
      '/incidents/1/overview',
    );
  });

  it("the queue's alert count includes related alerts", async () => {
    renderApp('/incidents');
    const grid = await screen.findByRole('grid', { name: 'Incidents' }, LOAD);
    const row = within(grid)
      .getAllByRole('row')
      .find((r) => within(r).queryByRole('link', { name: 'Ransomware on a finance workstation' }))!;
    const column = within(grid)
      .getAllByRole('columnheader')
      .findIndex((h) => h.textContent === 'Alerts');
    expect(within(row).getAllByRole('gridcell')[column]).toHaveTextContent(/^3$/);
  });

  it('the merge and move previews count related alerts toward the 150-alert limit', () => {
    const alerts = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i}` }));
    const incident = (id: string, home: number, related: number): Incident => ({
      id,
      status: 'active',
      alerts: alerts(home),
      '@mock.relatedAlertIds': alerts(related).map((a) => `r${id}-${a.id}`),
    });
    expect(toDestination(incident('1', 100, 40)).alertCount).toBe(140);
    const preview = previewMerge([incident('1', 100, 40), incident('2', 5, 6)], analyst)!;
    expect(preview.alertTotal).toBe(151);
    expect(preview.problems.map((p) => p.id)).toContain('alertCap');
  });
});
