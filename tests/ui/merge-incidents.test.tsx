/**
 * Merge incidents (issue 4) through the real handlers (msw/node): a merge the preview blocks, and
 * a refusal by the server after the preview. Expectations come from what the server holds. The
 * merges that succeed, from the queue and from the incident page, are walked in Chromium
 * (tests/e2e/merge.spec.ts).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_BASE } from '@/api/config';
import type { Incident } from '@/domain/graph';
import { renderApp } from '../render';
import { graphError, holdRequests } from './mock-backend';
import { setupMockServer } from './mock-server';
import { buildStore, makeAlert, makeIncident } from './test-store';

/**
 * Incidents 1 (three alerts) and 2 (one) are open and unclassified: they can be merged once they
 * have the same owner. Incident 3 is classified, incident 4 resolved.
 */
const { runtime, server } = setupMockServer(
  buildStore([
    makeIncident({ displayName: 'Ransomware activity on FIN-WS-01', alerts: 3 }),
    makeIncident({ displayName: 'Malware downloaded by an Office macro', status: 'inProgress' }),
    makeIncident({
      displayName: 'Phishing campaign targeting Finance',
      classification: 'truePositive',
      determination: 'phishing',
      alerts: [makeAlert({ serviceSource: 'microsoftDefenderForOffice365' })],
    }),
    makeIncident({ status: 'resolved', alerts: 2 }),
  ]),
);

beforeAll(async () => {
  // Lazy chunks: load them once so the first test does not spend its budget on them.
  await import('@/features/incident-queue/components/incident-queue-page');
  await import('@/features/incident-page/components/incident-page');
  await import('@/features/merge-incidents/components/merge-incidents-flyout');
});

const ANALYST = 'analyst@contoso.com';

/** Calls Graph as the analyst, outside the app. */
async function graph<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${GRAPH_BASE}${path}`, {
    ...init,
    headers: { Authorization: `Bearer mock.${ANALYST}`, 'Content-Type': 'application/json' },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const getIncident = (id: string) => graph<Incident>(`/security/incidents/${id}?$expand=alerts`);
const patchIncident = (id: string, patch: Partial<Incident>) =>
  graph<Incident>(`/security/incidents/${id}`, { method: 'PATCH', body: JSON.stringify(patch) });

/**
 * Two open incidents of the default queue's first page whose assignedTo, classification and
 * determination agree (or are unset), made compatible by assigning both to the analyst. Patching
 * puts them at the top of the queue (it is ordered by last update).
 */
async function twoIncidents(): Promise<[Incident, Incident]> {
  const open = runtime.store
    .incidents()
    .filter(
      (i) =>
        (i.status === 'active' || i.status === 'inProgress') &&
        !i.classification &&
        !i.determination &&
        runtime.store.alertsOf(i.id).length > 0 &&
        runtime.store.alertsOf(i.id).length < 40,
    )
    .slice(0, 2);
  expect(open).toHaveLength(2);
  for (const i of open) await patchIncident(i.id, { assignedTo: ANALYST });
  return Promise.all(open.map((i) => getIncident(i.id))) as Promise<[Incident, Incident]>;
}

/** The queue's row of an incident: the one whose link opens it; null until the grid shows it. */
const rowOf = (id: string) => {
  const grid = screen.queryByRole('grid', { name: 'Incidents' });
  const href = `/incidents/${id}/overview`;
  const rows = grid ? within(grid).queryAllByRole('row') : [];
  return (
    rows.find((row) =>
      within(row)
        .queryAllByRole('link')
        .some((link) => link.getAttribute('href') === href),
    ) ?? null
  );
};

async function selectInQueue(user: ReturnType<typeof renderApp>['user'], incidents: Incident[]) {
  for (const incident of incidents) {
    await waitFor(() => expect(rowOf(incident.id!)).not.toBeNull());
    await user.click(
      within(rowOf(incident.id!)!).getByRole('checkbox', {
        name: `Select ${incident.displayName}`,
      }),
    );
  }
  expect(await screen.findByText(`${incidents.length} selected`)).toBeInTheDocument();
}

async function openFromQueue(incidents: Incident[]) {
  const view = renderApp('/incidents');
  await selectInQueue(view.user, incidents);
  await view.user.click(screen.getByRole('button', { name: 'Merge incidents' }));
  const flyout = await screen.findByRole('dialog', { name: 'Merge incidents' });
  const table = await within(flyout).findByRole('table', { name: 'Incidents to merge' });
  await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(incidents.length + 1));
  return { ...view, flyout, table };
}

const mergeButton = (flyout: HTMLElement) =>
  within(flyout).getByRole('button', { name: 'Merge incidents' });

describe('merge incidents from the queue', () => {
  it('shows a blocked merge before the click: "Assigned to differs", button disabled', async () => {
    const [a, b] = await twoIncidents();
    await patchIncident(a.id!, { assignedTo: 'tier1@contoso.com' });
    await patchIncident(b.id!, { assignedTo: 'tier2@contoso.com' });
    const { flyout } = await openFromQueue([a, b]);

    const checks = within(flyout).getByRole('list', { name: 'Checks' });
    await waitFor(() =>
      expect(checks).toHaveTextContent('Failed: Assigned to is the same or unset'),
    );
    expect(checks).toHaveTextContent(
      /Assigned to differs: tier[12]@contoso\.com vs tier[12]@contoso\.com/,
    );
    expect(checks).toHaveTextContent('tier1@contoso.com');
    expect(checks).toHaveTextContent('tier2@contoso.com');
    // The fix names the field as the flyout labels it.
    expect(checks).toHaveTextContent(
      'Make Assigned to the same on all of them, or clear it on all but one.',
    );
    // The table's owners read whole (the address may only wrap before its @).
    const table = within(flyout).getByRole('table');
    expect(within(table).getByText('tier1@contoso.com')).toBeInTheDocument();
    const button = mergeButton(flyout);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('1 check failed: fix it to merge.');
  });

  it('waits for an incident it cannot read as it is now, says which, and Retry reads it', async () => {
    const [a, b] = await twoIncidents();
    server.use(
      http.get(`*/v1.0/security/incidents/${b.id}`, () => graphError('Graph is busy'), {
        once: true,
      }),
    );
    const view = renderApp('/incidents');
    await selectInQueue(view.user, [a, b]);
    await view.user.click(screen.getByRole('button', { name: 'Merge incidents' }));
    const flyout = await screen.findByRole('dialog', { name: 'Merge incidents' });

    expect(
      await within(flyout).findByText(`Couldn't read incident ${b.id} as it is now: Graph is busy`),
    ).toBeInTheDocument();
    expect(mergeButton(flyout)).toHaveAttribute('aria-disabled', 'true');
    expect(mergeButton(flyout)).toHaveAccessibleDescription(
      'Some incidents could not be read as they are now.',
    );

    await view.user.click(within(flyout).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(mergeButton(flyout)).not.toHaveAttribute('aria-disabled'));
  });

  it('says the incidents failed to merge, with the server’s reason, when the server refuses', async () => {
    const [a, b] = await twoIncidents();
    const { user, flyout } = await openFromQueue([a, b]);
    expect(mergeButton(flyout)).not.toHaveAttribute('aria-disabled');

    // Another analyst resolves one of them while the preview is open.
    await patchIncident(b.id!, { status: 'resolved' });

    await user.click(mergeButton(flyout));
    // The incidents are slow to be read again after the refusal.
    const release = holdRequests(server, `*/security/incidents/${b.id}`);
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Merge 2 incidents?' })).getByRole(
        'button',
        { name: 'Merge' },
      ),
    );
    const failed = await screen.findByRole('alertdialog', {
      name: 'The incidents failed to merge',
    });
    expect(failed).toHaveTextContent(`Incident ${b.id} is resolved`);
    expect(failed).toHaveTextContent('Nothing was changed.');

    // Until they are, the preview is the one the server refused: no merge from it.
    await user.click(within(failed).getByRole('button', { name: 'Close' }));
    expect(await within(flyout).findByText('Reading the incidents again…')).toBeInTheDocument();
    expect(mergeButton(flyout)).toHaveAttribute('aria-disabled', 'true');
    release();

    // Then the preview is refreshed: the failed check names the resolved incident.
    const checks = within(flyout).getByRole('list', { name: 'Checks' });
    await waitFor(() => expect(checks).toHaveTextContent(`Incident ${b.id} is resolved`));
    expect(mergeButton(flyout)).toHaveAttribute('aria-disabled', 'true');
    expect(mergeButton(flyout)).toHaveFocus();

    // Nothing changed on the server.
    expect((await getIncident(a.id!)).status).not.toBe('redirected');
    expect((await getIncident(a.id!)).alerts).toHaveLength(a.alerts!.length);
    expect((await getIncident(b.id!)).alerts).toHaveLength(b.alerts!.length);
  });
});
