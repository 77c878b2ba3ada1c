/**
 * The incident side pane of the queue (seed 003, issue 14): a row click opens the incident's
 * properties beside the queue, ↑/↓ move through the page, `?incident=<id>` holds it, and its
 * Manage incident and Activity log open the app's flyouts. Through the real handlers.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SEVERITY_LABELS } from '@/domain/enums';
import { mergedAwayDenial } from '@/domain/merge';
import { sourceLabel } from '@/domain/sources';
import { updateIncident } from '@mocks/store/incident-ops';
import { mergeIncidents } from '@mocks/store/merge';
import { findPersona } from '@mocks/store/personas';
import { renderApp } from '../render';
import { setupMockServer } from './mock-server';
import { expectSeen } from './seen';
import { buildStore, makeAlert, makeIncident, must } from '../ui/test-store';

const LOAD = { timeout: 5000 };

const analyst = findPersona('analyst@contoso.com')!;

/**
 * Three open incidents (ids 1–3, listed in that order) and a resolved one the queue hides; then
 * incident 6 merged into 5, which was resolved afterwards (both hidden from the queue too).
 */
const STORE = buildStore(
  [
    makeIncident({
      displayName: 'Ransomware activity on FIN-WS-01',
      status: 'inProgress',
      assignedTo: 'analyst@contoso.com',
      classification: 'truePositive',
      determination: 'malware',
      customTags: ['VIP'],
      systemTags: ['AIR'],
      priorityScore: 87,
      alerts: [
        makeAlert({ title: 'Ransomware behavior detected', severity: 'high' }),
        makeAlert({ title: 'Shadow copies deleted', severity: 'high' }),
        makeAlert({
          title: 'Suspicious sign-in',
          severity: 'medium',
          serviceSource: 'microsoftDefenderForIdentity',
        }),
      ],
    }),
    makeIncident({ displayName: 'Phishing campaign targeting Finance' }),
    makeIncident({ displayName: 'Credential theft on a domain controller' }),
    makeIncident({ displayName: 'Closed long ago', status: 'resolved' }),
    makeIncident({ displayName: 'Where the merge went', alerts: 2 }),
    makeIncident({ displayName: 'Merged away' }),
  ],
  {
    history: (store) => {
      must(
        mergeIncidents(store, analyst, {
          incidentIds: ['5', '6'],
          incidentComment: null,
          mergeReasons: [],
        }),
      );
      must(
        updateIncident(store, analyst, '5', {
          status: 'resolved',
          classification: 'falsePositive',
          determination: 'other',
        }),
      );
    },
  },
);

setupMockServer(STORE);

const grid = () => screen.getByRole('grid', { name: 'Incidents' });
const rowNamed = (name: string) => {
  const row = within(grid())
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('link', { name }));
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};
/** A cell of the row that holds no control: what an analyst clicks to open the pane. */
const idCell = (row: HTMLElement, id: string) => within(row).getByText(id, { exact: true });
/** The grid cell that holds it: what takes focus in Fluent's grid. */
const idGridCell = (row: HTMLElement, id: string) =>
  within(row)
    .getAllByRole('gridcell')
    .find((cell) => cell.textContent === id);
/** The pane is a region beside the grid, named by the incident it shows. */
const paneNamed = (name: string) => screen.findByRole('region', { name });
/** Whether any incident's pane is open: its first action is there. */
const anyPane = () => screen.queryByRole('button', { name: 'Open incident page' });

async function openQueue(path = '/incidents') {
  const view = renderApp(path);
  await screen.findByRole('link', { name: 'Ransomware activity on FIN-WS-01' }, LOAD);
  return view;
}

describe('incident side pane', () => {
  it("opens on a row click with the incident's properties, counts, first alerts and actions", async () => {
    const { router, user } = await openQueue();
    const row = rowNamed('Ransomware activity on FIN-WS-01');
    expect(row).not.toHaveAttribute('aria-current');
    await user.click(idCell(row, '1'));

    const dialog = await paneNamed('Ransomware activity on FIN-WS-01');
    expect(router.state.location.search).toBe('?incident=1');
    // The row stays marked as the one the pane shows, and the queue is not hidden behind it.
    expect(row).toHaveAttribute('aria-current', 'true');
    // (getByRole skips what is hidden from assistive technology, aria-hidden included.)
    await expectSeen(screen.getByRole('grid', { name: 'Incidents' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    const text = dialog.textContent ?? '';
    for (const fact of [
      'Incident ID1',
      'SeverityHigh',
      'StatusIn progress',
      'Assigned toanalyst@contoso.com',
      'ClassificationTrue positive (Malware)',
      'Priority score87',
    ]) {
      expect(text).toContain(fact);
    }
    const tags = within(dialog).getByRole('list', { name: 'Tags' });
    expect(
      within(tags)
        .getAllByRole('listitem')
        .map((t) => t.textContent),
    ).toEqual(['VIP', 'System tag: AIR']);

    const bySeverity = within(dialog).getByRole('list', { name: 'Alerts by severity' });
    expect(
      within(bySeverity)
        .getAllByRole('listitem')
        .map((i) => i.textContent),
    ).toEqual([`2${SEVERITY_LABELS.high}`, `1${SEVERITY_LABELS.medium}`]);
    const bySource = within(dialog).getByRole('list', { name: 'Alerts by service source' });
    expect(
      within(bySource)
        .getAllByRole('listitem')
        .map((i) => i.textContent),
    ).toEqual([
      `2${sourceLabel('microsoftDefenderForEndpoint')}`,
      `1${sourceLabel('microsoftDefenderForIdentity')}`,
    ]);
    const alerts = within(dialog).getByRole('list', { name: 'Alerts' });
    expect(
      within(alerts)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Shadow copies deleted', 'Ransomware behavior detected', 'Suspicious sign-in']);

    expect(within(dialog).getByRole('button', { name: 'Manage incident' })).toBeEnabled();
    expect(within(dialog).getByRole('button', { name: 'Activity log' })).toBeEnabled();
    await user.click(within(dialog).getByRole('button', { name: 'Open incident page' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/incidents/1/overview'));
  });

  it('does not open on a click on the name link, the checkbox or the expand button', async () => {
    const { router, user } = await openQueue();
    const row = rowNamed('Phishing campaign targeting Finance');
    await user.click(within(row).getByRole('checkbox', { name: /Select/ }));
    expect(within(row).getByRole('checkbox', { name: /Select/ })).toBeChecked();
    await user.click(within(row).getByRole('button', { name: /Alerts of/ }));
    expect(within(row).getByRole('button', { name: /Alerts of/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(anyPane()).not.toBeInTheDocument();
    expect(router.state.location.search).toBe('');

    await user.click(
      within(row).getByRole('link', { name: 'Phishing campaign targeting Finance' }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/incidents/2/overview'));
    expect(anyPane()).not.toBeInTheDocument();
  });

  it('moves to the previous and next incident of the page with ↑ and ↓', async () => {
    const { router, user } = await openQueue();
    await user.click(idCell(rowNamed('Ransomware activity on FIN-WS-01'), '1'));
    const first = await paneNamed('Ransomware activity on FIN-WS-01');
    expect(within(first).getByText('Incident 1 of 3 on this page')).toBeInTheDocument();
    expect(within(first).getByRole('button', { name: 'Previous incident' })).toBeDisabled();
    // Into the pane, where ↑/↓ move through the page.
    await user.click(within(first).getByText('Incident 1 of 3 on this page'));

    await user.keyboard('{ArrowDown}');
    await paneNamed('Phishing campaign targeting Finance');
    expect(router.state.location.search).toBe('?incident=2');
    await user.keyboard('{ArrowDown}');
    const third = await paneNamed('Credential theft on a domain controller');
    expect(within(third).getByRole('button', { name: 'Next incident' })).toBeDisabled();
    // Past the last incident of the page, ↓ stays.
    await user.keyboard('{ArrowDown}');
    expect(router.state.location.search).toBe('?incident=3');
    await user.keyboard('{ArrowUp}');
    await paneNamed('Phishing campaign targeting Finance');
    expect(router.state.location.search).toBe('?incident=2');
  });

  it('leaves the queue usable while open: another row switches it, a checkbox ticks', async () => {
    const { router, user } = await openQueue();
    const first = rowNamed('Ransomware activity on FIN-WS-01');
    const third = rowNamed('Credential theft on a domain controller');
    await user.click(idCell(first, '1'));
    await paneNamed('Ransomware activity on FIN-WS-01');
    // A click leaves focus in the grid, on the clicked cell.
    expect(idGridCell(first, '1')).toHaveFocus();

    await user.click(idCell(third, '3'));
    const pane = await paneNamed('Credential theft on a domain controller');
    expect(router.state.location.search).toBe('?incident=3');
    expect(third).toHaveAttribute('aria-current', 'true');
    expect(first).not.toHaveAttribute('aria-current');
    // Switching incidents replaced the history entry: Back leaves the pane.
    expect(router.state.historyAction).toBe('REPLACE');

    const tick = within(first).getByRole('checkbox', { name: /Select/ });
    await user.click(tick);
    expect(tick).toBeChecked();
    await expectSeen(screen.getByText('1 selected'));
    // Ticking a row is not opening it: the pane stays on incident 3.
    await expectSeen(pane);
    expect(router.state.location.search).toBe('?incident=3');

    // Escape in the pane closes it; the focus that was there goes back to the incident's row.
    await user.click(within(pane).getByText('Incident 3 of 3 on this page'));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(anyPane()).not.toBeInTheDocument());
    expect(router.state.location.search).toBe('');
    expect(idGridCell(third, '3')).toHaveFocus();
  });

  it('opens from the URL, also on an incident the page does not list, and closing clears it', async () => {
    const { router, user } = renderApp('/incidents?incident=4');
    // Incident 4 is resolved: not in the default view, read on its own.
    const dialog = await screen.findByRole('region', { name: 'Closed long ago' }, LOAD);
    expect(dialog.textContent).toContain('StatusResolved');
    expect(within(dialog).queryByText(/on this page/)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(anyPane()).not.toBeInTheDocument());
    expect(router.state.location.search).toBe('');
    // The incident has no row on this page: focus goes to the page, not the void.
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('says so when the incident in the URL does not exist', async () => {
    renderApp('/incidents?incident=999');
    const dialog = await screen.findByRole('region', { name: 'Incident' }, LOAD);
    await expectSeen(await within(dialog).findByText("Couldn't load incident 999", {}, LOAD));
  });

  it('opens the activity-log panel and Manage incident from the pane', async () => {
    const { user } = await openQueue('/incidents?incident=1');
    const dialog = await paneNamed('Ransomware activity on FIN-WS-01');
    await user.click(within(dialog).getByRole('button', { name: 'Activity log' }));
    const log = await screen.findByRole('dialog', { name: 'Activity log' }, LOAD);
    await expectSeen(await within(log).findByRole('list', { name: 'Activity log' }, LOAD));
    expect(within(log).getByRole('combobox', { name: 'Content' })).toHaveTextContent(
      'Audits, Comments',
    );
    expect(within(log).getByRole('combobox', { name: 'Origin' })).toBeInTheDocument();
    expect(within(log).getByRole('textbox', { name: 'Comment' })).toBeInTheDocument();
    await user.click(within(log).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Activity log' })).not.toBeInTheDocument(),
    );

    // Back to the button that opened it, in the pane.
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Activity log' })).toHaveFocus(),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Manage incident' }));
    const manage = await screen.findByRole('dialog', { name: /Manage incident/ }, LOAD);
    // Seen once its drawer has come in.
    await expectSeen(manage);
  });

  it('tells a read-only persona why Manage incident is disabled', async () => {
    renderApp('/incidents?incident=1', { upn: 'reader@contoso.com' });
    const dialog = await screen.findByRole(
      'region',
      { name: 'Ransomware activity on FIN-WS-01' },
      LOAD,
    );
    const manage = within(dialog).getByRole('button', { name: 'Manage incident' });
    await waitFor(() => expect(manage).toHaveAttribute('aria-disabled', 'true'));
    expect(manage).toHaveAccessibleDescription(/Security Reader.*not change/);
  });

  it('says why a merged incident cannot be managed, in the words the server refuses with', async () => {
    renderApp('/incidents?incident=6');
    const pane = await screen.findByRole('region', { name: 'Merged away' }, LOAD);
    expect(pane.textContent).toContain('StatusRedirected');
    const manage = within(pane).getByRole('button', { name: 'Manage incident' });
    expect(manage).toHaveAttribute('aria-disabled', 'true');
    const reason = mergedAwayDenial({ id: '6', redirectIncidentId: '5' });
    expect(reason).toBe('Incident 6 was merged into incident 5 and can no longer be changed.');
    expect(manage).toHaveAccessibleDescription(reason);
  });

  it("opens the activity-log panel and the side pane from a row's menu", async () => {
    const { router, user } = await openQueue();
    const row = rowNamed('Phishing campaign targeting Finance');
    const more = within(row).getByRole('button', {
      name: 'More actions for Phishing campaign targeting Finance',
    });
    await user.click(more);
    await user.click(await screen.findByRole('menuitem', { name: 'Activity log' }));
    const log = await screen.findByRole('dialog', { name: 'Activity log' }, LOAD);
    // The panel says whose log it is (by number until the incident's name arrives), and the
    // menu opened no side pane.
    await expectSeen(await within(log).findByText('Phishing campaign targeting Finance', {}, LOAD));
    await expectSeen(await within(log).findByRole('list', { name: 'Activity log' }, LOAD));
    expect(router.state.location.search).toBe('');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(more).toHaveFocus());

    await user.click(more);
    await user.click(await screen.findByRole('menuitem', { name: 'Open side pane' }));
    const pane = await paneNamed('Phishing campaign targeting Finance');
    expect(router.state.location.search).toBe('?incident=2');
    // From the menu, focus goes into the pane.
    await waitFor(() => expect(pane).toHaveFocus());
  });
});
