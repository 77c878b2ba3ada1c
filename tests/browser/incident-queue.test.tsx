/**
 * The incident queue through the real handlers (msw/node): what an analyst sees and does, checked
 * against what the server holds rather than against hard-coded values. The queue's journeys that
 * Chromium walks (tests/e2e/incident-queue.spec.ts, shell.spec.ts) are not walked again here.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { incidentKeys } from '@/api/incidents/incident-keys';
import type { IncidentListParams } from '@/api/incidents/incidents-api';
import type { AlertSeverity } from '@/domain/enums';
import type { Incident } from '@/domain/graph';
import { renderApp } from '../render';
import { passTime, useFakeTimers } from '../ui/fake-timers';
import { listIncidentsAs, totalText } from '../ui/graph-fixture';
import { graphError, holdRequests } from '../ui/mock-backend';
import { bodyRows, idOf, shownIds } from './incident-rows';
import { setupMockServer } from './mock-server';
import { buildStore, makeAlert, makeIncident } from '../ui/test-store';
const ANALYST = 'analyst@contoso.com';
const MDE = { serviceSource: 'microsoftDefenderForEndpoint' } as const;

/**
 * Six open incidents (ids 1–6, listed in that order) and two resolved ones: two with the VIP tag
 * and an endpoint alert, one VIP without, two assigned to groups and not classified, two whose
 * names say "defense evasion", and every severity.
 */
const STORE = buildStore([
  makeIncident({
    displayName: 'Defense evasion on a finance workstation',
    severity: 'high',
    assignedTo: ANALYST,
    customTags: ['VIP'],
    alerts: [makeAlert(MDE), makeAlert(MDE)],
  }),
  makeIncident({
    displayName: 'Phishing campaign targeting Finance',
    severity: 'medium',
    assignedTo: 'SOC Tier 1',
    customTags: ['Phishing campaign'],
    alerts: [makeAlert({ serviceSource: 'microsoftDefenderForOffice365' })],
  }),
  makeIncident({
    displayName: 'Credential theft on a domain controller',
    status: 'inProgress',
    severity: 'low',
    assignedTo: 'tier1@contoso.com',
    alerts: [makeAlert({ serviceSource: 'microsoftDefenderForIdentity' })],
  }),
  makeIncident({
    displayName: 'Defense evasion by a signed binary',
    status: 'inProgress',
    severity: 'high',
    assignedTo: 'endpoint.analyst@contoso.com',
    customTags: ['VIP', 'Red team'],
    alerts: [makeAlert(MDE), makeAlert({ serviceSource: 'microsoftDefenderForIdentity' })],
  }),
  makeIncident({
    displayName: 'Suspicious sign-ins from anonymous IP addresses',
    severity: 'informational',
    customTags: ['VIP'],
    alerts: [makeAlert({ serviceSource: 'azureAdIdentityProtection' })],
  }),
  makeIncident({
    displayName: 'Mass download by a departing employee',
    status: 'inProgress',
    severity: 'low',
    assignedTo: 'SOC Tier 2',
    classification: 'unknown',
    alerts: [makeAlert({ serviceSource: 'microsoftDefenderForCloudApps' })],
  }),
  makeIncident({
    displayName: 'Ransomware contained on a file server',
    status: 'resolved',
    severity: 'high',
    classification: 'truePositive',
    determination: 'malware',
    alerts: 2,
  }),
  makeIncident({
    displayName: 'Phishing test by the security team',
    status: 'resolved',
    severity: 'medium',
    classification: 'falsePositive',
    determination: 'notMalicious',
    alerts: [makeAlert({ serviceSource: 'microsoftDefenderForOffice365' })],
  }),
]);
/** How many incidents the default view lists. */
const OPEN = 6;

/** The one store here past ten incidents: paging needs more than a page of 50. */
const SEVERITIES: AlertSeverity[] = ['high', 'medium', 'low', 'informational'];
const PAGED = buildStore(
  Array.from({ length: 53 }, (_, i) =>
    makeIncident({ severity: SEVERITIES[i % SEVERITIES.length]!, status: 'active' }),
  ),
);

const { server, use } = setupMockServer(STORE);

const DEFAULT_STATUS = "(status eq 'active' or status eq 'inProgress')";

/** What the queue asks for by default, written out by hand (not by the code under test). */
function expected(filter: string | undefined, extra: Partial<IncidentListParams> = {}) {
  return {
    ...(filter ? { filter } : {}),
    orderby: 'lastUpdateDateTime desc',
    top: 50,
    count: true,
    expand: 'alerts',
    ...extra,
  };
}

const rowOf = (id: string) => {
  const row = bodyRows().find((r) => idOf(r) === id);
  if (!row) throw new Error(`incident ${id} is not listed`);
  return row;
};
const COLUMN = {
  name: 2,
  id: 3,
  severity: 4,
  status: 5,
  tags: 6,
  assignedTo: 7,
  alerts: 10,
  sources: 11,
};
const cell = (row: HTMLElement, column: keyof typeof COLUMN) =>
  within(row).queryAllByRole('gridcell')[COLUMN[column]]?.textContent ?? '';
const ids = (list: { value: Incident[] }) => list.value.map((i) => i.id);

async function showsExactly(list: { value: Incident[] }) {
  await waitFor(() => expect(shownIds()).toEqual(ids(list)));
}

describe('incident queue: the list', () => {
  it('shows the first page of the default queue (New and In progress), the total and the derived columns', async () => {
    const list = await listIncidentsAs(ANALYST, expected(DEFAULT_STATUS));
    expect(list.value).toHaveLength(OPEN);
    const release = holdRequests(server, '*/v1.0/security/incidents');
    const { router } = renderApp('/incidents');

    expect(await screen.findByRole('status', { name: 'Loading incidents' })).toBeInTheDocument();
    release();
    await showsExactly(list);
    expect(screen.getByText(totalText(list['@odata.count']!))).toBeInTheDocument();
    expect(router.state.location.search).toBe('');

    const first = list.value[0]!;
    const row = rowOf(first.id!);
    expect(within(row).getByRole('link', { name: first.displayName! })).toHaveAttribute(
      'href',
      `/incidents/${first.id}/overview`,
    );
    expect(cell(row, 'id')).toBe(first.id);
    expect(cell(row, 'alerts')).toBe(String(first.alerts!.length));
    expect(
      within(row).getByRole('checkbox', { name: `Select ${first.displayName}` }),
    ).not.toBeChecked();
    for (const incident of list.value) {
      expect(['Active', 'In progress']).toContain(cell(rowOf(incident.id!), 'status'));
    }
    expect(
      screen.getByRole('button', { name: 'Remove filter Status: New, In progress' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(`Showing 1–${OPEN} of ${list['@odata.count']!.toLocaleString()}`),
    ).toBeInTheDocument();
  });

  it("shows the server's message, and Retry loads the queue once the server recovers", async () => {
    server.use(http.get('*/v1.0/security/incidents', () => graphError('Boom', 400, 'BadRequest')));
    const { user } = renderApp('/incidents');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load incidents");
    expect(alert).toHaveTextContent('Boom');

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(OPEN));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the rows and the selection when a refresh fails, says so, and Retry refreshes', async () => {
    const { queryClient, user } = renderApp('/incidents');
    await waitFor(() => expect(bodyRows()).toHaveLength(OPEN));
    const before = shownIds();
    const first = bodyRows()[0]!;
    await user.click(within(first).getAllByRole('checkbox')[0]!);
    expect(await screen.findByText('1 selected')).toBeInTheDocument();

    server.use(http.get('*/v1.0/security/incidents', () => graphError('Boom', 400, 'BadRequest')));
    // What a write's settling or a window focus does: the list is read again.
    await queryClient.invalidateQueries({ queryKey: incidentKeys.lists() });
    const stale = await screen.findByRole('status', {
      name: "Couldn't refresh incidents; showing what was loaded",
    });
    expect(stale).toHaveTextContent('Boom');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(shownIds()).toEqual(before);
    // The same row, ticked, not one mounted again.
    expect(bodyRows()[0]).toBe(first);
    expect(within(first).getAllByRole('checkbox')[0]).toBeChecked();
    expect(screen.getByText('1 selected')).toBeInTheDocument();

    server.resetHandlers();
    await user.click(within(stale).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(stale).not.toBeInTheDocument());
    expect(shownIds()).toEqual(before);
  });

  it('says so when a network failure leaves no answer at all', async () => {
    server.use(http.get('*/v1.0/security/incidents', () => HttpResponse.error()));
    renderApp('/incidents');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Could not reach https:\/\/graph\.microsoft\.com/,
    );
  });

  it('says "No incidents match these filters", and Clear filters shows everything', async () => {
    const everything = await listIncidentsAs(ANALYST, expected(undefined));
    const { user, router } = renderApp('/incidents?q=no-such-incident-anywhere');
    const empty = await screen.findByRole('status', { name: 'No incidents match these filters' });
    expect(screen.getByText('0 incidents')).toBeInTheDocument();

    await user.click(within(empty).getByRole('button', { name: 'Clear filters' }));
    await showsExactly(everything);
    expect(router.state.location.search).toBe('?status=all');
  });

  it('normalises a URL with values it does not know instead of failing', async () => {
    const list = await listIncidentsAs(ANALYST, expected(DEFAULT_STATUS));
    const { router } = renderApp(
      '/incidents?severity=catastrophic&page=-3&sort=nonsense&status=bogus',
    );
    await showsExactly(list);
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });
});

/** Ticks an option of a filter menu, then closes the menu. */
async function pick(user: ReturnType<typeof renderApp>['user'], menu: RegExp, option: string) {
  const filters = screen.getByRole('group', { name: 'Filters' });
  await user.click(within(filters).getByRole('button', { name: menu }));
  await user.click(await screen.findByRole('menuitemcheckbox', { name: option }));
  await user.keyboard('{Escape}');
}

describe('incident queue: filters, sort, paging and search live in the URL', () => {
  it('filters by severity from the menu, puts it in the URL, and shows what the server holds', async () => {
    const high = await listIncidentsAs(
      ANALYST,
      expected(`${DEFAULT_STATUS} and severity eq 'high'`),
    );
    expect(high.value.length).toBeGreaterThan(0);
    const { user, router } = renderApp('/incidents');
    await waitFor(() => expect(bodyRows()).toHaveLength(OPEN));

    await pick(user, /^Severity/, 'High');

    await waitFor(() => expect(router.state.location.search).toBe('?severity=high'));
    await showsExactly(high);
    for (const row of bodyRows()) expect(cell(row, 'severity')).toBe('High');
    expect(
      screen.getByRole('button', { name: 'Remove filter Severity: High' }),
    ).toBeInTheDocument();
    expect(screen.getByText(totalText(high['@odata.count']!))).toBeInTheDocument();
  });

  it('opens a URL with filters applied: resolved, high, in the server’s rows', async () => {
    const list = await listIncidentsAs(
      ANALYST,
      expected("status eq 'resolved' and severity eq 'high'"),
    );
    expect(list.value.length).toBeGreaterThan(0);
    renderApp('/incidents?status=resolved&severity=high');
    await showsExactly(list);
    for (const row of bodyRows()) {
      expect(cell(row, 'severity')).toBe('High');
      expect(cell(row, 'status')).toBe('Resolved');
    }
    expect(screen.getByRole('button', { name: 'Status (1)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Severity (1)' })).toBeInTheDocument();
  });

  it('removes a filter with its chip, and back/forward move between the views', async () => {
    const defaults = await listIncidentsAs(ANALYST, expected(DEFAULT_STATUS));
    const low = await listIncidentsAs(ANALYST, expected(`${DEFAULT_STATUS} and severity eq 'low'`));
    const { user, router } = renderApp('/incidents?severity=low');
    await showsExactly(low);

    await user.click(screen.getByRole('button', { name: 'Remove filter Severity: Low' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await showsExactly(defaults);

    await router.navigate(-1);
    await waitFor(() => expect(router.state.location.search).toBe('?severity=low'));
    await showsExactly(low);

    await router.navigate(1);
    await showsExactly(defaults);
  });

  it('filters by tag, service source, classification and group assignment as the server reads them', async () => {
    const filter =
      `${DEFAULT_STATUS} and customTags/any(t:t eq 'VIP')` +
      " and alerts/any(a:a/serviceSource eq 'microsoftDefenderForEndpoint')";
    const list = await listIncidentsAs(ANALYST, expected(filter));
    expect(list.value.length).toBeGreaterThan(0);
    const { user, router } = renderApp('/incidents?source=microsoftDefenderForEndpoint');
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));

    await user.click(screen.getByRole('button', { name: 'Tags' }));
    await user.type(await screen.findByRole('textbox', { name: 'Tag' }), 'VIP{Enter}');
    await user.keyboard('{Escape}');

    await waitFor(() =>
      expect(router.state.location.search).toBe('?source=microsoftDefenderForEndpoint&tag=VIP'),
    );
    await showsExactly(list);
    for (const row of bodyRows()) {
      expect(cell(row, 'tags')).toContain('VIP');
      expect(cell(row, 'sources')).toContain('Microsoft Defender for Endpoint');
    }

    const groups = await listIncidentsAs(
      ANALYST,
      expected(
        `${DEFAULT_STATUS} and (classification eq null or classification eq 'unknown') and ` +
          "(assignedTo eq 'SOC Tier 1' or assignedTo eq 'SOC Tier 2' or assignedTo eq 'Incident Response Team')",
      ),
    );
    expect(groups.value.length).toBeGreaterThan(0);
    await router.navigate('/incidents?assignment=group&classification=unknown');
    await showsExactly(groups);
    for (const row of bodyRows()) {
      expect(['SOC Tier 1', 'SOC Tier 2', 'Incident Response Team']).toContain(
        cell(row, 'assignedTo'),
      );
    }
  });

  it('sorts on the server when a Graph-sortable header is clicked; derived columns do not sort', async () => {
    const bySeverity = await listIncidentsAs(
      ANALYST,
      expected(DEFAULT_STATUS, { orderby: 'severity desc' }),
    );
    const { user, router } = renderApp('/incidents');
    await waitFor(() => expect(bodyRows()).toHaveLength(OPEN));
    const header = (name: string) => screen.getByRole('columnheader', { name });

    expect(header('Last update time')).toHaveAttribute('aria-sort', 'descending');
    expect(header('Alerts')).not.toHaveAttribute('aria-sort');
    expect(header('Service sources')).not.toHaveAttribute('aria-sort');
    expect(header('First activity')).not.toHaveAttribute('aria-sort');

    await user.click(within(header('Severity')).getByRole('button', { name: 'Severity' }));
    await waitFor(() => expect(router.state.location.search).toBe('?sort=severity&order=desc'));
    await showsExactly(bySeverity);
    expect(cell(bodyRows()[0]!, 'severity')).toBe('High');
    expect(header('Severity')).toHaveAttribute('aria-sort', 'descending');

    const ascending = await listIncidentsAs(
      ANALYST,
      expected(DEFAULT_STATUS, { orderby: 'severity asc' }),
    );
    await user.click(within(header('Severity')).getByRole('button', { name: 'Severity' }));
    await waitFor(() => expect(router.state.location.search).toBe('?sort=severity&order=asc'));
    await showsExactly(ascending);
  });

  it('draws first the rows the window shows below the loading placeholder, then the rest of the 50', async () => {
    use(PAGED);
    const release = holdRequests(server, '*/v1.0/security/incidents');
    renderApp('/incidents');
    const placeholder = await screen.findByRole('status', { name: 'Loading incidents' });
    const top = placeholder.getBoundingClientRect().top;
    // Below the page's title, tools and toolbar: fewer rows than the whole window holds.
    const inView = Math.ceil((window.innerHeight - top) / 44);
    expect(inView).toBeLessThan(Math.ceil(window.innerHeight / 44));

    // The rows of the first render that shows any, counted as it is committed.
    let firstDrawn = 0;
    const observer = new MutationObserver(() => {
      if (firstDrawn === 0) firstDrawn = bodyRows().length;
    });
    observer.observe(document.body, { childList: true, subtree: true });
    release();
    await waitFor(() => expect(bodyRows()).toHaveLength(50));
    observer.disconnect();
    expect(firstDrawn).toBe(inView);
  });

  it('pages through the server’s pages of 50', async () => {
    use(PAGED);
    const page2 = await listIncidentsAs(ANALYST, expected(DEFAULT_STATUS, { skip: 50 }));
    const total = page2['@odata.count']!;
    const last = Math.ceil(total / 50);
    const lastPage = await listIncidentsAs(
      ANALYST,
      expected(DEFAULT_STATUS, { skip: (last - 1) * 50 }),
    );
    const { user, router } = renderApp('/incidents');
    await waitFor(() => expect(bodyRows()).toHaveLength(50));
    expect(screen.getByText(`Page 1 of ${last}`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous page' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(router.state.location.search).toBe('?page=2'));
    await showsExactly(page2);
    expect(
      screen.getByText(`Showing 51–${Math.min(100, total)} of ${total.toLocaleString()}`),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Last page' }));
    await showsExactly(lastPage);
    expect(screen.getByText(`Page ${last} of ${last}`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('shows the last page when a bookmarked page is past the end', async () => {
    const high = await listIncidentsAs(
      ANALYST,
      expected(`${DEFAULT_STATUS} and severity eq 'high'`),
    );
    const pages = Math.ceil(high['@odata.count']! / 50);
    const { router } = renderApp('/incidents?severity=high&page=999');
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        `?severity=high${pages > 1 ? `&page=${pages}` : ''}`,
      ),
    );
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));
  });

  it('searches for a name or an ID once typing pauses', async () => {
    useFakeTimers();
    const defaults = await listIncidentsAs(ANALYST, expected(DEFAULT_STATUS));
    const target = defaults.value[2]!;
    const { user, router } = renderApp('/incidents');
    await waitFor(() => expect(bodyRows()).toHaveLength(OPEN));

    await user.type(screen.getByRole('searchbox', { name: 'Search for name or ID' }), target.id!);
    await passTime(1000);
    await waitFor(() => expect(router.state.location.search).toBe(`?q=${target.id}`));
    await waitFor(() => expect(shownIds()).toEqual([target.id]));

    const words = 'defense evasion';
    const byName = await listIncidentsAs(
      ANALYST,
      expected(`${DEFAULT_STATUS} and (contains(displayName,'${words}') or id eq '${words}')`),
    );
    expect(byName.value.length).toBeGreaterThan(0);
    const box = screen.getByRole('searchbox', { name: 'Search for name or ID' });
    await user.clear(box);
    await user.type(box, words);
    await passTime(1000);
    await showsExactly(byName);
    for (const row of bodyRows()) expect(cell(row, 'name').toLowerCase()).toContain(words);
    expect(router.state.location.search).toBe('?q=defense+evasion');

    // Removing the search's chip empties the box; Back brings the search and its text back.
    await user.click(screen.getByRole('button', { name: `Remove filter Name or ID: ${words}` }));
    await waitFor(() => expect(box).toHaveValue(''));
    expect(router.state.location.search).toBe('');
    await router.navigate(-1);
    await waitFor(() => expect(box).toHaveValue(words));
    await showsExactly(byName);
    await passTime(1000);
    expect(router.state.location.search).toBe('?q=defense+evasion');
  });

  it('copies the link of this exact view, and says whether it worked', async () => {
    const { user } = renderApp('/incidents?severity=high&sort=id&order=asc');
    await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));

    await user.click(screen.getByRole('button', { name: 'Copy list link' }));
    expect(await screen.findByText('Link copied')).toBeInTheDocument();
    const copied = new URL(await navigator.clipboard.readText());
    expect(`${copied.pathname}${copied.search}`).toBe('/incidents?severity=high&sort=id&order=asc');

    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('Write permission denied.', 'NotAllowedError'),
    );
    await user.click(screen.getByRole('button', { name: 'Copy list link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Couldn't copy the link (Write permission denied.). Copy it from the address bar instead.",
    );
  });
});

describe('incident queue: selection and expanded rows', () => {
  it('counts selected incidents across pages and filters, and Clear selection empties it', async () => {
    use(PAGED);
    const defaults = await listIncidentsAs(ANALYST, expected(DEFAULT_STATUS));
    const [a, b] = defaults.value;
    const { user } = renderApp('/incidents');
    await showsExactly(defaults);
    const merge = () => screen.getByRole('button', { name: 'Merge incidents' });
    expect(merge()).toHaveAttribute('aria-disabled', 'true');
    expect(merge()).toHaveAccessibleDescription('Select 2 to 5 incidents to merge');
    expect(screen.getByRole('button', { name: 'Manage incident' })).toHaveAccessibleDescription(
      'Select one or more incidents to manage',
    );

    await user.click(
      within(rowOf(a!.id!)).getByRole('checkbox', { name: `Select ${a!.displayName}` }),
    );
    expect(await screen.findByText('1 selected')).toBeInTheDocument();
    await user.click(
      within(rowOf(b!.id!)).getByRole('checkbox', { name: `Select ${b!.displayName}` }),
    );
    expect(await screen.findByText('2 selected')).toBeInTheDocument();
    expect(rowOf(a!.id!)).toHaveAttribute('aria-selected', 'true');
    expect(
      screen.getByRole('checkbox', { name: 'Select all incidents on this page' }),
    ).toBePartiallyChecked();
    // Enough to merge: the button is enabled and no longer says what is missing.
    await waitFor(() => expect(merge()).not.toHaveAttribute('aria-disabled'));
    expect(merge()).toHaveAccessibleDescription('');
    expect(screen.getByRole('button', { name: 'Manage incident' })).not.toHaveAttribute(
      'aria-disabled',
    );

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(shownIds()).not.toContain(a!.id));
    expect(screen.getByText('2 selected')).toBeInTheDocument();

    await pick(user, /^Severity/, 'Low');
    await waitFor(() => expect(bodyRows().every((r) => cell(r, 'severity') === 'Low')).toBe(true));
    expect(screen.getByText('2 selected')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByText(/selected$/)).not.toBeInTheDocument();
    await waitFor(() =>
      expect(merge()).toHaveAccessibleDescription('Select 2 to 5 incidents to merge'),
    );
    expect(merge()).toHaveAttribute('aria-disabled', 'true');
  });

  it('selects a whole page with the header checkbox', async () => {
    const { user } = renderApp('/incidents');
    await waitFor(() => expect(bodyRows()).toHaveLength(OPEN));
    const all = screen.getByRole('checkbox', { name: 'Select all incidents on this page' });
    await user.click(all);
    expect(await screen.findByText(`${OPEN} selected`)).toBeInTheDocument();
    expect(all).toBeChecked();
    expect(screen.getByRole('button', { name: 'Merge incidents' })).toHaveAccessibleDescription(
      'Select 2 to 5 incidents to merge',
    );
    await user.click(all);
    expect(screen.queryByText(`${OPEN} selected`)).not.toBeInTheDocument();
  });

  it('expands a row to its alerts from the same page, selects an alert, and opens its panel', async () => {
    const defaults = await listIncidentsAs(ANALYST, expected(DEFAULT_STATUS));
    const incident = defaults.value.find((i) => (i.alerts?.length ?? 0) >= 2)!;
    const alerts = incident.alerts!;
    const { user, router } = renderApp('/incidents');
    await showsExactly(defaults);

    const row = rowOf(incident.id!);
    const expand = within(row).getByRole('button', { name: `Alerts of ${incident.displayName}` });
    expect(expand).toHaveAttribute('aria-expanded', 'false');
    await user.click(expand);
    expect(expand).toHaveAttribute('aria-expanded', 'true');

    const table = await screen.findByRole('table', { name: `Alerts of ${incident.displayName}` });
    const alertRows = within(table).getAllByRole('row').slice(1);
    expect(alertRows).toHaveLength(alerts.length);
    alerts.forEach((alert, i) =>
      expect(within(alertRows[i]!).getByRole('button', { name: alert.title! })).toBeInTheDocument(),
    );

    const move = () => screen.getByRole('button', { name: 'Move alerts to another incident' });
    expect(move()).toHaveAccessibleDescription(
      'Expand an incident and select one or more of its alerts to move them',
    );
    await user.click(
      within(alertRows[0]!).getByRole('checkbox', { name: `Select alert ${alerts[0]!.title}` }),
    );
    expect(await screen.findByText('1 alert selected')).toBeInTheDocument();
    await waitFor(() => expect(move()).not.toHaveAttribute('aria-disabled'));
    expect(move()).toHaveAccessibleDescription('');

    await user.click(within(alertRows[1]!).getByRole('button', { name: alerts[1]!.title! }));
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('alert')).toBe(alerts[1]!.id),
    );

    await user.click(expand);
    expect(expand).toHaveAttribute('aria-expanded', 'false');
    expect(
      screen.queryByRole('table', { name: `Alerts of ${incident.displayName}` }),
    ).not.toBeInTheDocument();
    expect(screen.getByText('1 alert selected')).toBeInTheDocument();
  });
});

describe('incident queue: who is asking', () => {
  it('clears what was ticked when the persona changes, even on another page', async () => {
    const defaults = await listIncidentsAs(ANALYST, expected(DEFAULT_STATUS));
    const [a, b] = defaults.value;
    const { router, user } = renderApp('/incidents');
    await showsExactly(defaults);
    for (const i of [a!, b!]) {
      await user.click(
        within(rowOf(i.id!)).getByRole('checkbox', { name: `Select ${i.displayName}` }),
      );
    }
    expect(await screen.findByText('2 selected')).toBeInTheDocument();

    // The persona changes while the analyst is on an incident page, away from the queue.
    await act(() => router.navigate(`/incidents/${a!.id}/overview`));
    await screen.findByRole('heading', { level: 1 }, { timeout: 8000 });
    await user.click(screen.getByRole('combobox', { name: 'Persona' }));
    await user.click(await screen.findByRole('option', { name: /Sam Admin/ }));
    await act(() => router.navigate('/incidents'));

    await showsExactly(defaults);
    expect(screen.queryByText(/selected$/)).not.toBeInTheDocument();
    expect(rowOf(a!.id!)).toHaveAttribute('aria-selected', 'false');
    expect(screen.getByRole('button', { name: 'Merge incidents' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('tells a read-only persona why the actions are disabled', async () => {
    const { user } = renderApp('/incidents', { upn: 'reader@contoso.com' });
    await waitFor(() => expect(bodyRows()).toHaveLength(OPEN));
    const first = bodyRows()[0]!;
    await user.click(within(first).getByRole('checkbox'));
    expect(await screen.findByText('1 selected')).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Manage incident' })).toHaveAccessibleDescription(
        'Your role (Security Reader) can view incidents but not change them',
      ),
    );
  });
});
