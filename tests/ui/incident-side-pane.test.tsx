/**
 * The incident side pane of the queue (seed 003, issue 14): a row click opens the incident's
 * properties beside the queue, ↑/↓ move through the page, `?incident=<id>` holds it, and its
 * Manage incident and Activity log open the app's flyouts. Through the real handlers.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SEVERITY_LABELS } from '@/domain/enums';
import { sourceLabel } from '@/domain/sources';
import { renderApp } from '../render';
import { setupMockServer } from './mock-server';
import { buildStore, makeAlert, makeIncident } from './test-store';

const LOAD = { timeout: 5000 };

/** Three open incidents (ids 1–3, listed in that order) and a resolved one the queue hides. */
const STORE = buildStore([
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
]);

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
const pane = () => screen.getByRole('dialog');

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

    const dialog = await screen.findByRole('dialog', { name: 'Ransomware activity on FIN-WS-01' });
    expect(router.state.location.search).toBe('?incident=1');
    // The row stays marked as the one the pane shows.
    expect(row).toHaveAttribute('aria-current', 'true');

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
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(router.state.location.search).toBe('');

    await user.click(
      within(row).getByRole('link', { name: 'Phishing campaign targeting Finance' }),
    );
    await waitFor(() => expect(router.state.location.pathname).toBe('/incidents/2/overview'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('moves to the previous and next incident of the page with ↑ and ↓', async () => {
    const { router, user } = await openQueue();
    await user.click(idCell(rowNamed('Ransomware activity on FIN-WS-01'), '1'));
    await screen.findByRole('dialog', { name: 'Ransomware activity on FIN-WS-01' });
    expect(within(pane()).getByText('Incident 1 of 3 on this page')).toBeInTheDocument();
    expect(within(pane()).getByRole('button', { name: 'Previous incident' })).toBeDisabled();

    await user.keyboard('{ArrowDown}');
    expect(
      await screen.findByRole('dialog', { name: 'Phishing campaign targeting Finance' }),
    ).toBeInTheDocument();
    expect(router.state.location.search).toBe('?incident=2');
    await user.keyboard('{ArrowDown}');
    await screen.findByRole('dialog', { name: 'Credential theft on a domain controller' });
    expect(within(pane()).getByRole('button', { name: 'Next incident' })).toBeDisabled();
    // Past the last incident of the page, ↓ stays.
    await user.keyboard('{ArrowDown}');
    expect(router.state.location.search).toBe('?incident=3');
    await user.keyboard('{ArrowUp}');
    await screen.findByRole('dialog', { name: 'Phishing campaign targeting Finance' });
    expect(router.state.location.search).toBe('?incident=2');
  });

  it('opens from the URL, also on an incident the page does not list, and closing clears it', async () => {
    const { router, user } = renderApp('/incidents?incident=4');
    // Incident 4 is resolved: not in the default view, read on its own.
    const dialog = await screen.findByRole('dialog', { name: 'Closed long ago' }, LOAD);
    expect(dialog.textContent).toContain('StatusResolved');
    expect(within(dialog).queryByText(/on this page/)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(router.state.location.search).toBe('');
  });

  it('says so when the incident in the URL does not exist', async () => {
    renderApp('/incidents?incident=999');
    const dialog = await screen.findByRole('dialog', {}, LOAD);
    expect(await within(dialog).findByText("Couldn't load incident 999", {}, LOAD)).toBeVisible();
  });

  it('opens the activity-log panel and Manage incident from the pane', async () => {
    const { user } = await openQueue('/incidents?incident=1');
    const dialog = await screen.findByRole('dialog', { name: 'Ransomware activity on FIN-WS-01' });
    await user.click(within(dialog).getByRole('button', { name: 'Activity log' }));
    const log = await screen.findByRole('dialog', { name: 'Activity log' }, LOAD);
    expect(await within(log).findByRole('list', { name: 'Activity log' }, LOAD)).toBeVisible();
    expect(within(log).getByRole('combobox', { name: 'Content' })).toHaveTextContent(
      'Audits, Comments',
    );
    expect(within(log).getByRole('combobox', { name: 'Origin' })).toBeInTheDocument();
    expect(within(log).getByRole('textbox', { name: 'Comment' })).toBeInTheDocument();
    await user.click(within(log).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Activity log' })).not.toBeInTheDocument(),
    );

    await user.click(
      within(screen.getByRole('dialog', { name: 'Ransomware activity on FIN-WS-01' })).getByRole(
        'button',
        { name: 'Manage incident' },
      ),
    );
    expect(await screen.findByRole('dialog', { name: /Manage incident/ }, LOAD)).toBeVisible();
  });

  it('tells a read-only persona why Manage incident is disabled', async () => {
    renderApp('/incidents?incident=1', { upn: 'reader@contoso.com' });
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Ransomware activity on FIN-WS-01' },
      LOAD,
    );
    const manage = within(dialog).getByRole('button', { name: 'Manage incident' });
    await waitFor(() => expect(manage).toHaveAttribute('aria-disabled', 'true'));
    expect(manage).toHaveAccessibleDescription(/Security Reader.*not change/);
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
    // The panel says whose log it is, and the menu opened no side pane.
    expect(within(log).getByText('Phishing campaign targeting Finance')).toBeVisible();
    expect(await within(log).findByRole('list', { name: 'Activity log' }, LOAD)).toBeVisible();
    expect(router.state.location.search).toBe('');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(more).toHaveFocus());

    await user.click(more);
    await user.click(await screen.findByRole('menuitem', { name: 'Open side pane' }));
    expect(
      await screen.findByRole('dialog', { name: 'Phishing campaign targeting Finance' }),
    ).toBeVisible();
    expect(router.state.location.search).toBe('?incident=2');
  });
});
