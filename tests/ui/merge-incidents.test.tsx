/**
 * Merge incidents (issue 4) through the real handlers (msw/node): from the queue with a preview of
 * every check, a blocked preview, a refusal by the server after the preview, and from the incident
 * page through "Other incident name or ID". Expectations come from what the server holds.
 */
import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GRAPH_BASE } from '@/api/config';
import type { Incident } from '@/domain/graph';
import { renderApp } from '../render';
import { setupMockServer } from './mock-server';

const { runtime } = setupMockServer();

// The queue is 50 rows of 15 cells; see incident-queue.test.tsx for why role queries skip the
// visibility check here.
vi.setConfig({ testTimeout: 60_000 });
beforeAll(async () => {
  configure({ asyncUtilTimeout: 15_000, defaultHidden: true });
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

/** The target by the documented rule (SPEC.md §5.3), written out here rather than imported. */
function expectedTarget(incidents: Incident[]): Incident {
  return [...incidents].sort(
    (a, b) =>
      (b.alerts?.length ?? 0) - (a.alerts?.length ?? 0) ||
      Date.parse(a.createdDateTime!) - Date.parse(b.createdDateTime!) ||
      Number(a.id) - Number(b.id),
  )[0]!;
}

const GRID = '[role="grid"][aria-label="Incidents"]';
const rowOf = (id: string) => {
  const link = document.querySelector<HTMLElement>(`${GRID} a[href="/incidents/${id}/overview"]`);
  return link?.closest<HTMLElement>('[role="row"]') ?? null;
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
  const app = renderApp('/incidents');
  await selectInQueue(app.user, incidents);
  await app.user.click(screen.getByRole('button', { name: 'Merge incidents' }));
  const flyout = await screen.findByRole('dialog', { name: 'Merge incidents' });
  const table = await within(flyout).findByRole('table', { name: 'Incidents to merge' });
  await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(incidents.length + 1));
  return { ...app, flyout, table };
}

const mergeButton = (flyout: HTMLElement) =>
  within(flyout).getByRole('button', { name: 'Merge incidents' });

describe('merge incidents from the queue', () => {
  it('previews the target and why, passes every check, and merges after "Merge"', async () => {
    const [a, b] = await twoIncidents();
    const target = expectedTarget([a, b]);
    const source = target === a ? b : a;
    const { user, flyout, table, router } = await openFromQueue([a, b]);

    // The incidents, the target marked, and why it is the target.
    for (const incident of [a, b]) {
      const row = within(table).getByText(`ID ${incident.id}`).closest('tr')!;
      expect(row).toHaveTextContent(incident.displayName!);
      expect(row).toHaveTextContent(String(incident.alerts!.length));
      expect(row).toHaveTextContent(ANALYST);
    }
    expect(within(table).getByText(`ID ${target.id}`).closest('tr')).toHaveTextContent('Target');
    expect(within(table).getByText(`ID ${source.id}`).closest('tr')).not.toHaveTextContent(
      'Target',
    );
    const targetBox = within(flyout).getByRole('group', { name: 'Target incident' });
    expect(targetBox).toHaveTextContent(`Target: ${target.displayName} (ID ${target.id})`);
    expect(targetBox).toHaveTextContent(/most alerts|ties on alerts/);
    expect(flyout).toHaveTextContent(
      `${source.alerts!.length} alert${source.alerts!.length === 1 ? ' moves' : 's move'} to the target`,
    );

    // Every check passed; the button is enabled.
    const checks = within(flyout).getByRole('list', { name: 'Checks' });
    expect(within(checks).getAllByRole('listitem').length).toBeGreaterThanOrEqual(7);
    expect(checks).not.toHaveTextContent('Failed:');
    expect(checks).toHaveTextContent('Passed: Assigned to is the same or unset');
    expect(mergeButton(flyout)).not.toHaveAttribute('aria-disabled');

    await user.type(
      within(flyout).getByRole('textbox', { name: 'Reason for merging' }),
      'Same phishing campaign',
    );
    // A multiselect listbox's options are menuitemcheckboxes (Fluent).
    await user.click(within(flyout).getByRole('combobox', { name: 'Merge reasons' }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Same campaign' }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Same actor' }));
    await user.keyboard('{Escape}');

    await user.click(mergeButton(flyout));
    const confirm = await screen.findByRole('alertdialog', { name: 'Merge 2 incidents?' });
    expect(confirm).toHaveTextContent(`${target.displayName} (ID ${target.id})`);
    await user.click(within(confirm).getByRole('button', { name: 'Merge' }));

    // The success toast links to the target; the selection clears; the flyout closes.
    expect(await screen.findByText('Incidents merged')).toBeInTheDocument();
    const link = await screen.findByRole('link', { name: `Open incident ${target.id}` });
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Merge incidents' })).not.toBeInTheDocument(),
    );
    expect(screen.queryByText('2 selected')).not.toBeInTheDocument();

    // The server did what the preview said.
    const merged = await getIncident(source.id!);
    expect(merged.status).toBe('redirected');
    expect(merged.redirectIncidentId).toBe(target.id);
    const after = await getIncident(target.id!);
    expect(after.alerts).toHaveLength(a.alerts!.length + b.alerts!.length);
    expect(after.comments?.map((c) => c.comment)).toContain('Same phishing campaign');
    expect(JSON.stringify(runtime.store.activities(target.id!))).toContain(
      'Merge reasons: Same actor, Same campaign.',
    );
    await waitFor(() => expect(rowOf(source.id!)).toBeNull());

    await user.click(link);
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/incidents/${target.id}/overview`),
    );
    expect(
      await screen.findByText(`Incident ${source.id} was merged into incident ${target.id}.`),
    ).toBeInTheDocument();
  });

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
    const button = mergeButton(flyout);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('1 check failed: fix it to merge.');
  });

  it('says the incidents failed to merge, with the server’s reason, when the server refuses', async () => {
    const [a, b] = await twoIncidents();
    const { user, flyout } = await openFromQueue([a, b]);
    expect(mergeButton(flyout)).not.toHaveAttribute('aria-disabled');

    // Another analyst resolves one of them while the preview is open.
    await patchIncident(b.id!, { status: 'resolved' });

    await user.click(mergeButton(flyout));
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

    // Nothing changed on the server.
    expect((await getIncident(a.id!)).status).not.toBe('redirected');
    expect((await getIncident(a.id!)).alerts).toHaveLength(a.alerts!.length);
    expect((await getIncident(b.id!)).alerts).toHaveLength(b.alerts!.length);

    // Closing it shows the preview refreshed: the failed check names the resolved incident.
    await user.click(within(failed).getByRole('button', { name: 'Close' }));
    const checks = within(flyout).getByRole('list', { name: 'Checks' });
    await waitFor(() => expect(checks).toHaveTextContent(`Incident ${b.id} is resolved`));
    expect(mergeButton(flyout)).toHaveAttribute('aria-disabled', 'true');
    expect(mergeButton(flyout)).toHaveFocus();
  });
});

describe('merge incidents from the incident page', () => {
  it('finds the other incident by ID as the analyst types, and lands on the target', async () => {
    const [a, b] = await twoIncidents();
    const target = expectedTarget([a, b]);
    const source = target === a ? b : a;
    const { user, router } = renderApp(`/incidents/${a.id}/overview`);
    await screen.findByRole('heading', { level: 1, name: a.displayName! });

    await user.click(screen.getByRole('button', { name: 'Actions' }));
    await user.click(await screen.findByRole('menuitem', { name: /Merge incidents/ }));
    const flyout = await screen.findByRole('dialog', { name: 'Merge incidents' });
    expect(mergeButton(flyout)).toHaveAttribute('aria-disabled', 'true');

    const picker = within(flyout).getByRole('combobox', { name: /Other incident name or ID/ });
    await waitFor(() => expect(picker).toBeEnabled());
    await user.type(picker, b.id!);
    await user.click(await screen.findByRole('option', { name: `${b.displayName} (ID ${b.id})` }));

    const table = within(flyout).getByRole('table', { name: 'Incidents to merge' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(within(flyout).getByRole('group', { name: 'Target incident' })).toHaveTextContent(
      `Target: ${target.displayName} (ID ${target.id})`,
    );
    await user.type(within(flyout).getByRole('textbox', { name: 'Comment' }), 'One attack story');
    await waitFor(() => expect(mergeButton(flyout)).not.toHaveAttribute('aria-disabled'));
    await user.click(mergeButton(flyout));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Merge 2 incidents?' })).getByRole(
        'button',
        { name: 'Merge' },
      ),
    );

    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/incidents/${target.id}/overview`),
    );
    expect(
      await screen.findByText(`Incident ${source.id} was merged into incident ${target.id}.`),
    ).toBeInTheDocument();
    const { displayName } = await getIncident(target.id!);
    expect(
      await screen.findByRole('heading', { level: 1, name: displayName! }),
    ).toBeInTheDocument();
    expect((await getIncident(source.id!)).redirectIncidentId).toBe(target.id);
  });
});
