/**
 * The alerts queue through the real handlers (msw/node), on a store made for it: the view in the
 * URL, filters, sorting, paging, search, selection, personas and failures. Chromium walks the
 * keyboard-only journey (tests/e2e/alerts-queue.spec.ts), so it is not walked again here.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { alertKeys } from '@/api/alerts/alert-keys';
import { GRAPH_BASE } from '@/api/config';
import { buildODataQuery, type ODataListParams } from '@/api/odata-query';
import type { Alert, ODataCollection } from '@/domain/graph';
import { renderApp } from '../render';
import { passTime, useFakeTimers } from '../ui/fake-timers';
import { graphError, holdRequests } from '../ui/mock-backend';
import { setupMockServer } from './mock-server';
import { buildStore, makeAlert, makeIncident } from '../ui/test-store';
const ADMIN = 'admin@contoso.com';
const MDO = { serviceSource: 'microsoftDefenderForOffice365', category: 'InitialAccess' } as const;

/**
 * Five incidents, eleven alerts: every severity, three sources, open and resolved, one alert
 * assigned to the admin and some to nobody, some classified, one about a Tor IP address.
 */
const STORE = buildStore([
  makeIncident({
    assignedTo: 'tier1@contoso.com',
    alerts: [
      makeAlert({ severity: 'high', title: 'Communication with a Tor IP address' }),
      makeAlert({ severity: 'medium', assignedTo: ADMIN }),
      makeAlert({ severity: 'low', classification: 'truePositive', determination: 'malware' }),
    ],
  }),
  makeIncident({
    alerts: [
      makeAlert({ ...MDO, severity: 'high' }),
      makeAlert({ ...MDO, severity: 'medium', classification: 'unknown' }),
    ],
  }),
  makeIncident({
    status: 'inProgress',
    assignedTo: 'SOC Tier 2',
    alerts: [
      makeAlert({ serviceSource: 'microsoftDefenderForIdentity', severity: 'low' }),
      makeAlert({ serviceSource: 'microsoftDefenderForIdentity', severity: 'high' }),
    ],
  }),
  makeIncident({
    status: 'resolved',
    classification: 'falsePositive',
    determination: 'notMalicious',
    alerts: [
      makeAlert({ ...MDO, severity: 'medium', classification: 'falsePositive' }),
      makeAlert({ severity: 'high', title: 'Tor IP address seen in a sign-in' }),
    ],
  }),
  makeIncident({
    alerts: [
      makeAlert({ serviceSource: 'azureAdIdentityProtection', severity: 'informational' }),
      makeAlert({ severity: 'medium', category: 'Execution' }),
    ],
  }),
]);

/** Six incidents of nine open alerts each: more than a page of 50. */
const PAGED = buildStore(Array.from({ length: 6 }, () => makeIncident({ alerts: 9 })));

const { runtime, server, use } = setupMockServer(STORE);

const fmt = (n: number) => new Intl.NumberFormat().format(n);
const totalText = (n: number) => `${fmt(n)} ${n === 1 ? 'alert' : 'alerts'}`;

/** The alerts the default analyst (every source) sees in Defender's default view. */
function openAlerts() {
  return runtime.store.alerts().filter((a) => a.status === 'new' || a.status === 'inProgress');
}

/** Newest first, as the queue opens (ties broken by id, newest first, like Graph's default). */
function newestFirst<T extends { createdDateTime: string; id: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) =>
    a.createdDateTime === b.createdDateTime
      ? b.id.localeCompare(a.id)
      : b.createdDateTime.localeCompare(a.createdDateTime),
  );
}

/** Lists alerts straight through the handlers, as an oracle for orders the UI asks for. */
async function listAlerts(params: ODataListParams): Promise<ODataCollection<Alert>> {
  const response = await fetch(`${GRAPH_BASE}/security/alerts_v2${buildODataQuery(params)}`, {
    headers: { Authorization: 'Bearer mock.analyst@contoso.com' },
  });
  if (!response.ok) throw new Error(`listAlerts: ${response.status}`);
  return (await response.json()) as ODataCollection<Alert>;
}

async function findGrid() {
  return screen.findByRole('grid', { name: 'Alerts' });
}

/** Body rows of the grid (without the header row). */
function bodyRows(grid: HTMLElement): HTMLElement[] {
  return within(grid).getAllByRole('row').slice(1);
}

/** The column headers' texts, left to right. */
function headersOf(grid: HTMLElement): string[] {
  return within(grid)
    .getAllByRole('columnheader')
    .map((h) => h.textContent ?? '');
}

/** The cell of a row under the column headed `header`. */
function cell(
  grid: HTMLElement,
  row: HTMLElement,
  header: string,
  headers = headersOf(grid),
): HTMLElement {
  const index = headers.indexOf(header);
  if (index < 0) throw new Error(`No column "${header}"`);
  const cells = within(row).getAllByRole('gridcell');
  // Body rows start with the selection cell, which is not a column header.
  const found = cells[index + cells.length - headers.length];
  if (!found) throw new Error(`No cell under "${header}"`);
  return found;
}

/** The alert ids shown, top to bottom. */
function rowIds(grid: HTMLElement) {
  const headers = headersOf(grid);
  return bodyRows(grid).map((row) => cell(grid, row, 'Alert ID', headers).textContent ?? '');
}

function search(router: { state: { location: { search: string } } }) {
  return new URLSearchParams(router.state.location.search);
}

describe('alerts queue', () => {
  it("lists the default view (New and In progress, newest first) with Graph's total", async () => {
    const expected = newestFirst(openAlerts());
    renderApp('/alerts');

    const grid = await findGrid();
    expect(screen.getByRole('heading', { level: 1, name: 'Alerts' })).toBeInTheDocument();
    expect(screen.getByText(totalText(expected.length))).toBeInTheDocument();
    expect(
      screen.getByText(`1–${Math.min(50, expected.length)} of ${fmt(expected.length)}`),
    ).toBeInTheDocument();
    expect(rowIds(grid)).toEqual(expected.slice(0, 50).map((a) => a.id));

    const first = expected[0]!;
    const row = bodyRows(grid)[0]!;
    expect(within(row).getByRole('button', { name: first.title })).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: `Incident ${first.incidentId}` })).toHaveAttribute(
      'href',
      `/incidents/${first.incidentId}/overview`,
    );
    expect(
      within(row).getByRole('checkbox', { name: `Select alert ${first.title}` }),
    ).toBeInTheDocument();
    // The default status filter is shown as such, and can be removed.
    expect(
      screen.getByRole('button', { name: 'Remove filter Status: New, In progress' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveTextContent('New, In progress');
  });

  it('opens a filtered URL with only matching rows, and the matching total', async () => {
    const office = runtime.store
      .alerts()
      .filter((a) => a.serviceSource === 'microsoftDefenderForOffice365');
    renderApp('/alerts?source=microsoftDefenderForOffice365&status=any');

    const grid = await findGrid();
    expect(screen.getByText(totalText(office.length))).toBeInTheDocument();
    const rows = bodyRows(grid);
    expect(rows).toHaveLength(Math.min(50, office.length));
    for (const row of rows) {
      expect(cell(grid, row, 'Service source')).toHaveTextContent(
        'Microsoft Defender for Office 365',
      );
    }
    expect(
      screen.getByRole('button', {
        name: 'Remove filter Service source: Microsoft Defender for Office 365',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove filter Status/ })).not.toBeInTheDocument();
  });

  it('"Assigned to me" means the signed-in persona, "Unassigned" means nobody', async () => {
    const mine = runtime.store.alerts().filter((a) => a.assignedTo === 'admin@contoso.com');
    const nobody = runtime.store.alerts().filter((a) => !a.assignedTo);
    const { router } = renderApp('/alerts?assigned=me&status=any', { upn: 'admin@contoso.com' });
    expect(await screen.findByText(totalText(mine.length))).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Remove filter Assigned to: Assigned to me' }),
    ).toBeInTheDocument();

    await router.navigate('/alerts?assigned=unassigned&status=any');
    expect(await screen.findByText(totalText(nobody.length))).toBeInTheDocument();
  });

  it('"Not set" classification finds alerts nobody has classified', async () => {
    const notSet = runtime.store
      .alerts()
      .filter((a) => !a.classification || a.classification === 'unknown');
    renderApp('/alerts?classification=unknown&status=any');
    expect(await screen.findByText(totalText(notSet.length))).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Classification' })).toHaveTextContent('Not set');
  });

  it('writes a chosen filter into the URL, and back returns to the previous view', async () => {
    const { router, user } = renderApp('/alerts');
    await findGrid();

    await user.click(screen.getByRole('combobox', { name: 'Severity' }));
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'High' }));
    await user.keyboard('{Escape}');

    await waitFor(() => expect(search(router).get('severity')).toBe('high'));
    const high = openAlerts().filter((a) => a.severity === 'high');
    expect(await screen.findByText(totalText(high.length))).toBeInTheDocument();
    const grid = await findGrid();
    await waitFor(() => {
      for (const row of bodyRows(grid)) {
        expect(cell(grid, row, 'Severity')).toHaveTextContent('High');
      }
    });

    await router.navigate(-1);
    expect(await screen.findByText(totalText(openAlerts().length))).toBeInTheDocument();
    expect(search(router).get('severity')).toBeNull();
  });

  it('removes a filter with its tag, and "Clear filters" removes them all', async () => {
    const { router, user } = renderApp('/alerts?severity=high,medium&category=InitialAccess');
    await findGrid();

    await user.click(
      screen.getByRole('button', { name: 'Remove filter Category: Initial access' }),
    );
    await waitFor(() => expect(search(router).get('category')).toBeNull());
    expect(search(router).get('severity')).toBe('high,medium');

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(search(router).get('severity')).toBeNull());
    expect(search(router).get('status')).toBe('any');
    expect(await screen.findByText(totalText(runtime.store.alerts().length))).toBeInTheDocument();
  });

  it('keeps every value of a filter repeated in the URL', async () => {
    renderApp('/alerts?severity=high&severity=low&status=any');
    await findGrid();
    const expected = runtime.store
      .alerts()
      .filter((a) => a.severity === 'high' || a.severity === 'low').length;
    expect(await screen.findByText(totalText(expected))).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Remove filter Severity: High, Low' }),
    ).toBeInTheDocument();
  });

  it('ignores what it does not understand in the URL, and rewrites it', async () => {
    const { router } = renderApp(
      '/alerts?severity=bogus,HIGH&status=nope&page=abc&sort=evil:up&source=&alert=x1',
    );
    await findGrid();
    await waitFor(() =>
      expect([...search(router)]).toEqual(
        expect.arrayContaining([
          ['severity', 'high'],
          ['alert', 'x1'],
        ]),
      ),
    );
    expect([...search(router).keys()]).toHaveLength(2);
    const high = openAlerts().filter((a) => a.severity === 'high');
    expect(screen.getByText(totalText(high.length))).toBeInTheDocument();
  });

  it('sorts by a header through the URL, and the server order shows', async () => {
    const { router, user } = renderApp('/alerts');
    const grid = await findGrid();

    await user.click(within(grid).getByRole('button', { name: 'Alert name' }));
    await waitFor(() => expect(search(router).get('sort')).toBe('title:asc'));
    const expected = await listAlerts({
      filter: "(status eq 'new' or status eq 'inProgress')",
      orderby: 'title asc',
      top: 50,
    });
    await waitFor(() => expect(rowIds(grid)).toEqual(expected.value.map((a) => a.id)));
    expect(within(grid).getByRole('columnheader', { name: 'Alert name' })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    await user.click(within(grid).getByRole('button', { name: 'Alert name' }));
    await waitFor(() => expect(search(router).get('sort')).toBe('title:desc'));
  });

  it('moves between server pages of 50', async () => {
    use(PAGED);
    const expected = newestFirst(openAlerts());
    const { router, user } = renderApp('/alerts');
    const grid = await findGrid();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(search(router).get('page')).toBe('2'));
    expect(
      await screen.findByText(`51–${Math.min(100, expected.length)} of ${fmt(expected.length)}`),
    ).toBeInTheDocument();
    await waitFor(() => expect(rowIds(grid)).toEqual(expected.slice(50, 100).map((a) => a.id)));
    expect(screen.getByText(`Page 2 of ${Math.ceil(expected.length / 50)}`)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Last page' }));
    const last = Math.ceil(expected.length / 50);
    await waitFor(() => expect(search(router).get('page')).toBe(String(last)));
    await waitFor(() =>
      expect(rowIds(grid)).toEqual(expected.slice((last - 1) * 50).map((a) => a.id)),
    );
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('opens the last page when the URL asks for a page past the end', async () => {
    const count = openAlerts().filter((a) => a.severity === 'high').length;
    const last = Math.ceil(count / 50);
    const { router } = renderApp('/alerts?severity=high&page=999');
    await findGrid();
    await waitFor(() => expect(search(router).get('page')).toBe(last > 1 ? String(last) : null));
  });

  it('finds an alert by its ID', async () => {
    useFakeTimers();
    const target = openAlerts()[2]!;
    const { router, user } = renderApp('/alerts');
    await findGrid();

    await user.type(
      screen.getByRole('searchbox', { name: 'Search for alert name or ID' }),
      target.id,
    );
    await passTime(1000);
    await waitFor(() => expect(search(router).get('q')).toBe(target.id));
    const grid = await findGrid();
    await waitFor(() => expect(rowIds(grid)).toEqual([target.id]));
    expect(screen.getByText(totalText(1))).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: `Remove filter Search: ${target.id}` }),
    ).toBeInTheDocument();
  });

  it('finds alerts by words of their name', async () => {
    const word = 'Tor IP';
    const matching = openAlerts().filter((a) => a.title.toLowerCase().includes('tor ip'));
    expect(matching.length).toBeGreaterThan(0);
    renderApp(`/alerts?q=${encodeURIComponent(word)}`);
    expect(await screen.findByText(totalText(matching.length))).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search for alert name or ID' })).toHaveValue(
      word,
    );
  });

  it('keeps the selection across pages, and clears it on request', async () => {
    use(PAGED);
    const expected = newestFirst(openAlerts());
    const [a, b] = expected;
    const onPage2 = expected[50]!;
    const { user } = renderApp('/alerts');
    await findGrid();

    let grid = await findGrid();
    await user.click(
      within(bodyRows(grid)[0]!).getByRole('checkbox', { name: `Select alert ${a!.title}` }),
    );
    await user.click(
      within(bodyRows(grid)[1]!).getByRole('checkbox', { name: `Select alert ${b!.title}` }),
    );
    expect(screen.getByText('2 selected')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText(`51–${Math.min(100, expected.length)} of ${fmt(expected.length)}`);
    await waitFor(() => expect(rowIds(grid)[0]).toBe(onPage2.id));
    const page2Box = within(bodyRows(grid)[0]!).getByRole('checkbox', {
      name: `Select alert ${onPage2.title}`,
    });
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(page2Box);
    expect(screen.getByText('3 selected')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    grid = await findGrid();
    await waitFor(() => expect(rowIds(grid)[0]).toBe(a!.id));
    expect(within(bodyRows(grid)[0]!).getByRole('checkbox')).toBeChecked();
    expect(within(bodyRows(grid)[1]!).getByRole('checkbox')).toBeChecked();

    await user.click(
      within(screen.getByRole('toolbar', { name: 'Alert actions' })).getByRole('button', {
        name: 'Clear selection',
      }),
    );
    expect(screen.queryByText(/selected$/)).not.toBeInTheDocument();
    expect(within(bodyRows(grid)[0]!).getByRole('checkbox')).not.toBeChecked();
  });

  it('says what moving alerts needs, and opens the move flyout once alerts are selected', async () => {
    const { user } = renderApp('/alerts');
    const grid = await findGrid();
    const move = screen.getByRole('button', { name: 'Move alerts to another incident' });
    expect(move).toHaveAttribute('aria-disabled', 'true');
    expect(move).toHaveAccessibleDescription(
      'Select one or more alerts to move them to another incident.',
    );

    await user.click(within(bodyRows(grid)[0]!).getByRole('checkbox'));
    expect(move).not.toHaveAttribute('aria-disabled');
    expect(move).toHaveAccessibleDescription('Move the selected alerts to another incident');
    await user.click(move);
    expect(
      await screen.findByRole('dialog', { name: 'Move alert to another incident' }),
    ).toBeInTheDocument();
  });

  it('tells a read-only persona why it cannot move alerts', async () => {
    const { user } = renderApp('/alerts', { upn: 'reader@contoso.com' });
    const grid = await findGrid();
    await user.click(within(bodyRows(grid)[0]!).getByRole('checkbox'));
    const move = screen.getByRole('button', { name: 'Move alerts to another incident' });
    await waitFor(() =>
      expect(move).toHaveAccessibleDescription(/Riley Reader has read-only access/),
    );
  });

  it('opens the alert details panel by putting the alert in the URL', async () => {
    const first = newestFirst(openAlerts())[0]!;
    const { router, user } = renderApp('/alerts?severity=high,medium,low,informational');
    const grid = await findGrid();

    await user.click(within(bodyRows(grid)[0]!).getByRole('button', { name: first.title }));
    await waitFor(() => expect(search(router).get('alert')).toBe(first.id));
    expect(search(router).get('severity')).toBe('high,medium,low,informational');
  });

  it("shows the server's message, and Retry loads the queue once the server recovers", async () => {
    server.use(http.get('*/v1.0/security/alerts_v2', () => graphError('Alerts are resting')));
    const { user } = renderApp('/alerts');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load alerts");
    expect(alert).toHaveTextContent('Alerts are resting');

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await findGrid()).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the rows when a refresh fails, says so, and Retry refreshes', async () => {
    const { queryClient, user } = renderApp('/alerts');
    const grid = await findGrid();
    const before = rowIds(grid);
    server.use(http.get('*/v1.0/security/alerts_v2', () => graphError('Alerts are resting')));
    // What a write's settling or a window focus does: the list is read again.
    await queryClient.invalidateQueries({ queryKey: alertKeys.lists() });
    const stale = await screen.findByRole('status', {
      name: "Couldn't refresh alerts; showing what was loaded",
    });
    expect(stale).toHaveTextContent('Alerts are resting');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // The same grid, not one mounted again.
    expect(screen.getByRole('grid', { name: 'Alerts' })).toBe(grid);
    expect(rowIds(grid)).toEqual(before);
    expect(screen.getByRole('navigation', { name: 'Alert pages' })).toBeInTheDocument();

    server.resetHandlers();
    await user.click(within(stale).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(stale).not.toBeInTheDocument());
    expect(screen.getByRole('grid', { name: 'Alerts' })).toBe(grid);
    expect(rowIds(grid)).toEqual(before);
  });

  it('says when no alert matches, and Clear filters shows them all', async () => {
    const { router, user } = renderApp('/alerts?q=no-such-alert-anywhere');
    expect(await screen.findByText('No alerts match these filters')).toBeInTheDocument();
    expect(screen.getByText(totalText(0))).toBeInTheDocument();

    const empty = screen
      .getAllByRole('status')
      .find((status) => within(status).queryByText('No alerts match these filters'))!;
    await user.click(within(empty).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(search(router).get('q')).toBeNull());
    expect(await screen.findByText(totalText(runtime.store.alerts().length))).toBeInTheDocument();
    expect(await findGrid()).toBeInTheDocument();
  });

  it('shows a loading state before the first answer', async () => {
    const release = holdRequests(server, '*/v1.0/security/alerts_v2');
    renderApp('/alerts');
    expect(await screen.findByRole('status', { name: 'Loading alerts' })).toBeInTheDocument();
    release();
    await findGrid();
  });
});
