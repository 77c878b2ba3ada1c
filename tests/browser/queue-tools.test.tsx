/**
 * The queue's tools through the real handlers (msw/node), on small stores: the Filters pane,
 * the time range, Customize columns, page size, Export to CSV (content, formula injection,
 * Cancel), saved filter sets, and links the queue cannot fully read. Chromium walks the same
 * journeys with the real service worker in tests/e2e/queue-tools.spec.ts.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import Papa from 'papaparse';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rehydrateColumns } from '@/features/incident-queue/queue-columns-store';
import { rehydrateSavedFilters } from '@/features/incident-queue/saved-filters-store';
import { TEST_NOW } from '@mocks/test-runtime';
import { renderApp } from '../render';
import { listIncidentsAs } from '../ui/graph-fixture';
import { holdRequests } from '../ui/mock-backend';
import { bodyRows, shownIds } from './incident-rows';
import { setupMockServer } from './mock-server';
import { expectSeen } from './seen';
import { buildStore, makeAlert, makeIncident } from '../ui/test-store';

const ANALYST = 'analyst@contoso.com';
const DAY = 24 * 60 * 60_000;

/** Five open incidents (ids 1–5): two assigned to the analyst, one to a group, two unassigned. */
const STORE = buildStore([
  makeIncident({ displayName: 'Mine, high', severity: 'high', assignedTo: ANALYST }),
  makeIncident({ displayName: 'A group’s', severity: 'medium', assignedTo: 'SOC Tier 1' }),
  makeIncident({
    displayName: '=HYPERLINK("https://evil.example","click")',
    severity: 'low',
    customTags: ['@SUM(A1:A9)', 'VIP'],
    alerts: [makeAlert({ serviceSource: 'microsoftDefenderForEndpoint' })],
  }),
  makeIncident({ displayName: 'Mine, low', severity: 'low', assignedTo: ANALYST }),
  makeIncident({ displayName: '-2+3 unassigned', severity: 'informational' }),
]);

const { server, use } = setupMockServer(STORE);

const headers = () =>
  within(screen.getByRole('grid', { name: 'Incidents' }))
    .getAllByRole('columnheader')
    .map((h) => h.textContent?.trim() ?? '')
    .filter(Boolean);

async function openQueue(path = '/incidents') {
  const view = renderApp(path);
  await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0), { timeout: 8000 });
  return view;
}

/** The incidents the server lists for a `$filter` (by the analyst), newest update first. */
async function serverIds(filter: string): Promise<string[]> {
  const list = await listIncidentsAs(ANALYST, {
    filter,
    orderby: 'lastUpdateDateTime desc',
    top: 50,
  });
  return list.value.map((i) => i.id ?? '');
}

/** Captures what the app hands to the browser as downloads. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:test/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return { blobs, create, click };
}

/** A downloaded CSV's text, after checking it starts with UTF-8's byte order mark. */
async function readCsv(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('queue tools: the Filters pane', () => {
  it('seed 003: Incident assignment, clear Select all, Assigned to me, Apply; closing keeps it in the URL', async () => {
    const { user, router } = await openQueue();
    await user.click(screen.getByRole('button', { name: 'Filters' }));
    const pane = await screen.findByRole('dialog', { name: 'Filters' });
    for (const name of [
      'Status',
      'Severity',
      'Incident assignment',
      'Classification',
      'Service sources',
      'Tags',
    ]) {
      expect(within(pane).getByRole('group', { name })).toBeInTheDocument();
    }
    const assignment = within(pane).getByRole('group', { name: 'Incident assignment' });
    for (const name of [
      'Assigned to me',
      'Assigned to another user',
      'Assigned to a user group',
      'Unassigned',
    ]) {
      expect(within(assignment).getByRole('checkbox', { name })).toBeChecked();
    }
    await user.click(within(assignment).getByRole('checkbox', { name: 'Select all' }));
    // Nothing ticked would match nothing: the section says so and Apply waits.
    expect(within(assignment).getByRole('alert')).toHaveTextContent(
      'Select at least one value, or Select all.',
    );
    expect(within(pane).getByRole('button', { name: 'Apply' })).toBeDisabled();
    await user.click(within(assignment).getByRole('checkbox', { name: 'Assigned to me' }));
    await user.click(within(pane).getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(router.state.location.search).toBe('?assignment=me'));
    await user.click(within(pane).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Filters' })).toBeNull());

    const mine = await serverIds(
      `assignedTo eq '${ANALYST}' and (status eq 'active' or status eq 'inProgress')`,
    );
    expect(mine).toHaveLength(2);
    await waitFor(() => expect(shownIds()).toEqual(mine));
    // The quick menu edits the same URL state: its chip shows the pane's choice.
    expect(
      screen.getByRole('button', { name: 'Remove filter Assignment: Assigned to me' }),
    ).toBeInTheDocument();
  });

  it('drops choices that were not applied when the pane closes', async () => {
    const { user, router } = await openQueue();
    await user.click(screen.getByRole('button', { name: 'Filters' }));
    const pane = await screen.findByRole('dialog', { name: 'Filters' });
    const severity = within(pane).getByRole('group', { name: 'Severity' });
    await user.click(within(severity).getByRole('checkbox', { name: 'High' }));
    await user.click(within(pane).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Filters' })).toBeNull());
    expect(router.state.location.search).toBe('');
    expect(shownIds()).toHaveLength(5);

    // Reopened, it shows what applies (every severity), not the abandoned draft.
    await user.click(screen.getByRole('button', { name: 'Filters' }));
    const again = await screen.findByRole('dialog', { name: 'Filters' });
    expect(
      within(within(again).getByRole('group', { name: 'Severity' })).getByRole('checkbox', {
        name: 'High',
      }),
    ).toBeChecked();
  });
});

describe('queue tools: time range', () => {
  it('counts back from now; an empty range says so and offers the default back', async () => {
    // Everything was last updated two days before now.
    use(
      buildStore([makeIncident(), makeIncident()], { now: new Date(TEST_NOW.getTime() - 2 * DAY) }),
    );
    const { user, router } = await openQueue();
    await user.click(screen.getByRole('button', { name: 'Time range: 6 months' }));
    await user.click(await screen.findByRole('menuitemradio', { name: '1 day' }));
    await waitFor(() => expect(router.state.location.search).toBe('?range=1d'));
    await expectSeen(
      await screen.findByText('No incidents match these filters in this time range'),
    );
    await user.click(screen.getByRole('button', { name: 'Show the last 6 months' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await waitFor(() => expect(shownIds()).toHaveLength(2));
  });

  it('refuses a custom range that ends before it starts, and applies one that does not', async () => {
    const { user, router } = await openQueue();
    await user.click(screen.getByRole('button', { name: 'Time range: 6 months' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Custom range…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Custom range' });
    const start = within(dialog).getByLabelText('Start');
    const end = within(dialog).getByLabelText('End');
    await user.clear(start);
    await user.type(start, '2026-11-20T10:00');
    await user.clear(end);
    await user.type(end, '2026-11-10T10:00');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await expectSeen(
      await within(dialog).findByText('The end of the range must be after its start.'),
    );
    expect(router.state.location.search).toBe('');

    // The five incidents were updated in the hour before TEST_NOW, five minutes apart: a range
    // that ends twelve minutes before it leaves out the two newest.
    const local = (ms: number) => {
      const d = new Date(ms);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    };
    await user.clear(start);
    await user.type(start, local(TEST_NOW.getTime() - DAY));
    await user.clear(end);
    await user.type(end, local(TEST_NOW.getTime() - 12 * 60_000));
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    await waitFor(() =>
      expect(router.state.location.search).toMatch(/^\?range=custom&from=[^&]+Z&to=[^&]+Z$/),
    );
    await waitFor(() => expect(shownIds()).toEqual(['3', '4', '5']));
  });
});

describe('queue tools: columns and page size', () => {
  it('hides and reorders columns, remembers them in this browser, and Reset brings the default back', async () => {
    const first = await openQueue();
    expect(headers()).toContain('Incident ID');
    await first.user.click(screen.getByRole('button', { name: 'Customize columns' }));
    const dialog = await screen.findByRole('dialog', { name: 'Customize columns' });
    expect(
      within(dialog).getByRole('checkbox', { name: 'Incident name (always shown)' }),
    ).toBeDisabled();
    await first.user.click(within(dialog).getByRole('checkbox', { name: 'Incident ID' }));
    await first.user.click(within(dialog).getByRole('button', { name: 'Move Status up' }));
    await first.user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    // The queue is read once the dialog has closed: while it is open, the page beneath it is
    // out of the accessibility tree.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(headers()).not.toContain('Incident ID'));
    const chosen = headers();
    expect(chosen.indexOf('Status')).toBeLessThan(chosen.indexOf('Severity'));
    first.unmount();

    // A new page load reads the layout back from localStorage.
    await act(() => rehydrateColumns());
    const second = await openQueue();
    expect(headers()).toEqual(chosen);
    await second.user.click(screen.getByRole('button', { name: 'Customize columns' }));
    await second.user.click(
      within(await screen.findByRole('dialog', { name: 'Customize columns' })).getByRole('button', {
        name: 'Reset to default',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(headers()).toContain('Incident ID'));
  });

  it('reads a stored layout it cannot use as the default', async () => {
    localStorage.setItem('soc-console.queue-columns', '{not json');
    await act(() => rehydrateColumns());
    await openQueue();
    expect(headers()).toContain('Incident ID');
    expect(headers().indexOf('Incident name')).toBeLessThan(headers().indexOf('Incident ID'));
  });

  it('shows 100 a page, read as Graph requests of at most 50', async () => {
    use(buildStore(Array.from({ length: 73 }, () => makeIncident({ status: 'active' }))));
    const tops: string[] = [];
    server.events.on('request:start', ({ request }) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/security/incidents'))
        tops.push(url.searchParams.get('$top') ?? '');
    });
    const { user, router } = await openQueue();
    // The rows a window shows first, the rest right after (IncidentGrid's `useViewFirst`).
    await waitFor(() => expect(shownIds()).toHaveLength(50));
    tops.length = 0;
    await user.click(screen.getByRole('button', { name: 'Page size: 50 per page' }));
    await user.click(await screen.findByRole('menuitemradio', { name: '100 per page' }));
    await waitFor(() => expect(router.state.location.search).toBe('?size=100'));
    await waitFor(() => expect(shownIds()).toHaveLength(73));
    expect(new Set(shownIds()).size).toBe(73);
    expect(tops.length).toBeGreaterThanOrEqual(2);
    expect(tops.every((t) => Number(t) <= 50)).toBe(true);
    expect(screen.getByText('Showing 1–73 of 73')).toBeInTheDocument();
    server.events.removeAllListeners('request:start');
  });
});

describe('queue tools: a link the queue cannot fully read', () => {
  it('says what it left out, shows the rest, and rewrites the URL', async () => {
    const { user, router } = await openQueue(
      '/incidents?size=77&severity=bogus&severity=high&range=custom&from=2026-11-20T00:00Z&to=2026-11-01T00:00Z',
    );
    await expectSeen(await screen.findByText('Part of this link could not be used'));
    await expectSeen(
      screen.getByText('Severity: "bogus" is not a value of this filter, so it was left out.'),
    );
    await expectSeen(
      screen.getByText(
        'The custom time range could not be used: it ends before it starts. Showing the last 6 months.',
      ),
    );
    await expectSeen(
      screen.getByText(
        'Page size "77" is not offered (30, 50, 100). Showing 50 incidents per page.',
      ),
    );
    await waitFor(() => expect(router.state.location.search).toBe('?severity=high'));
    await waitFor(() => expect(shownIds()).toEqual(['1']));
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Part of this link could not be used')).toBeNull();
  });
});

describe('queue tools: the notice of a link the queue could not fully read', () => {
  const NOTICE = 'Part of this link could not be used';

  it('goes once the filters change, and does not come back after leaving the queue', async () => {
    const { user, router } = await openQueue('/incidents?severity=bogus&severity=high');
    await expectSeen(await screen.findByText(NOTICE));
    await waitFor(() => expect(router.state.location.search).toBe('?severity=high'));

    // Opening an incident's side pane (a click on its ID cell) changes no filter: it stays.
    await user.click(within(bodyRows()[0]!).getByTitle('1'));
    await screen.findByRole('region', { name: 'Mine, high' });
    await expectSeen(screen.getByText(NOTICE));

    // Another filter: the URL no longer holds what the link got wrong.
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.queryByText(NOTICE)).toBeNull());
    expect(router.state.location.search).not.toContain('severity');

    // The same bad link again, then to the alerts and back to that view: the notice stayed behind.
    await act(() => router.navigate('/incidents?severity=bogus&severity=high'));
    await expectSeen(await screen.findByText(NOTICE));
    await act(() => router.navigate('/alerts'));
    await waitFor(() => expect(screen.queryByRole('grid', { name: 'Incidents' })).toBeNull());
    await act(() => router.navigate('/incidents?severity=high'));
    await waitFor(() => expect(shownIds()).toEqual(['1']));
    expect(screen.queryByText(NOTICE)).toBeNull();
  });
});

describe('queue tools: Export', () => {
  it('writes every incident of the view to CSV, safe against formula injection', async () => {
    const downloads = captureDownloads();
    const { user } = await openQueue('/incidents?status=all');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export incidents' });
    expect(dialog).toHaveTextContent('5 incidents of this view');
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await expectSeen(await within(dialog).findByText(/^Saved 5 incidents to incidents-/));
    expect(downloads.blobs).toHaveLength(1);
    expect(downloads.click).toHaveBeenCalledTimes(1);

    const text = await readCsv(downloads.blobs[0]!);
    const { data, errors } = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(errors).toEqual([]);
    const [header, ...rows] = data;
    expect(header).toEqual([
      'Incident name',
      'Incident ID',
      'Severity',
      'Status',
      'Tags',
      'Assigned to',
      'Classification',
      'Determination',
      'Alerts',
      'Service sources',
      'First activity (UTC)',
      'Last activity (UTC)',
      'Last update time (UTC)',
    ]);
    expect(rows.map((r) => r[1])).toEqual(['1', '2', '3', '4', '5']);
    const byId = new Map(rows.map((r) => [r[1], r]));
    // Cells a spreadsheet would run as formulas start with an apostrophe, and nothing else changes.
    expect(byId.get('3')![0]).toBe(`'=HYPERLINK("https://evil.example","click")`);
    expect(byId.get('3')![4]).toBe(`'@SUM(A1:A9), VIP`);
    expect(byId.get('5')![0]).toBe(`'-2+3 unassigned`);
    expect(byId.get('1')![0]).toBe('Mine, high');
    expect(byId.get('1')![5]).toBe(ANALYST);
    expect(byId.get('5')![5]).toBe('Unassigned');
    for (const row of rows) {
      expect(row.every((cell) => !/^[=+\-@]/.test(cell))).toBe(true);
    }
  });

  it('exports the columns shown, in their order', async () => {
    const downloads = captureDownloads();
    const { user } = await openQueue('/incidents?severity=high');
    await user.click(screen.getByRole('button', { name: 'Customize columns' }));
    const chooser = await screen.findByRole('dialog', { name: 'Customize columns' });
    for (const name of [
      'Tags',
      'Assigned to',
      'Classification',
      'Determination',
      'Alerts',
      'Service sources',
      'First activity',
      'Last activity',
      'Last update time',
    ]) {
      await user.click(within(chooser).getByRole('checkbox', { name }));
    }
    await user.click(within(chooser).getByRole('button', { name: 'Move Severity up' }));
    await user.click(within(chooser).getByRole('button', { name: 'Apply' }));
    // The chooser hides the page from assistive technology until it has closed.
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Customize columns' })).toBeNull(),
    );
    await user.click(await screen.findByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export incidents' });
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await within(dialog).findByText(/^Saved 1 incident to /);
    const { data } = Papa.parse<string[]>(await readCsv(downloads.blobs[0]!), {
      skipEmptyLines: true,
    });
    expect(data).toEqual([
      ['Incident name', 'Severity', 'Incident ID', 'Status'],
      ['Mine, high', 'High', '1', 'Active'],
    ]);
  });

  it('shows its progress, and Cancel stops it without a file', async () => {
    const downloads = captureDownloads();
    const { user } = await openQueue('/incidents?status=all');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export incidents' });
    // The server does not answer the export's first request until it is released.
    const release = holdRequests(server, '*/v1.0/security/incidents');
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await expectSeen(within(dialog).getByRole('progressbar', { name: 'Export progress' }));
    expect(within(dialog).getByRole('status')).toHaveTextContent('Read 0 of 5 incidents…');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expectSeen(await within(dialog).findByText('Export cancelled. No file was saved.'));
    expect(within(dialog).queryByRole('progressbar')).toBeNull();
    release();
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(downloads.blobs).toHaveLength(0);
    expect(downloads.click).not.toHaveBeenCalled();
  });

  it('says why when the server refuses, and saves nothing', async () => {
    const downloads = captureDownloads();
    const { user } = await openQueue();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export incidents' });
    const { http, HttpResponse } = await import('msw');
    server.use(
      http.get('*/v1.0/security/incidents', () =>
        HttpResponse.json(
          { error: { code: 'TooManyRequests', message: 'Slow down' } },
          { status: 400 },
        ),
      ),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await expectSeen(await within(dialog).findByText(/Couldn't export incidents/));
    expect(dialog).toHaveTextContent('Slow down');
    expect(downloads.blobs).toHaveLength(0);
  });
});

describe('queue tools: saved filter sets', () => {
  it('names the current filters, refuses a taken name, and reopens a set from the list', async () => {
    const first = await openQueue('/incidents?severity=high&range=30d');
    await first.user.click(screen.getByRole('button', { name: 'Saved filters' }));
    let dialog = await screen.findByRole('dialog', { name: 'Saved filters' });
    await first.user.type(within(dialog).getByLabelText('Name'), 'High, last month');
    await first.user.click(within(dialog).getByRole('button', { name: 'Save current filters' }));
    await expectSeen(await within(dialog).findByText('Saved "High, last month".'));
    await first.user.type(within(dialog).getByLabelText('Name'), '  HIGH, last month ');
    await first.user.click(within(dialog).getByRole('button', { name: 'Save current filters' }));
    await expectSeen(
      await within(dialog).findByText(
        'A filter set named "High, last month" already exists. Choose another name.',
      ),
    );
    first.unmount();

    await act(() => rehydrateSavedFilters());
    const second = await openQueue('/incidents?size=30');
    await second.user.click(screen.getByRole('button', { name: 'Saved filters' }));
    dialog = await screen.findByRole('dialog', { name: 'Saved filters' });
    await second.user.click(within(dialog).getByRole('button', { name: 'High, last month' }));
    // The set brings its filters and time range; the page size stays as it was.
    await waitFor(() =>
      expect(second.router.state.location.search).toBe('?severity=high&range=30d&size=30'),
    );
    await waitFor(() => expect(shownIds()).toEqual(['1']));
  });
});
