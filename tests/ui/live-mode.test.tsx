/**
 * Live mode against a Graph that behaves as the real one does: the `$filter` forms only the mock
 * understands (`contains(displayName…)`, `customTags/any`, `alerts/any`) are refused with 400, so
 * the queue's search, tag and source filters run in the console over the pages it reads through
 * `@odata.nextLink` (or as a lookup by id), and say so; the activity log shows Graph's comments
 * and says audits are not available; the demo's controls are gone.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { enterLiveMode } from '@/api/config';
import { addIncidentComment } from '@mocks/store/incident-ops';
import { findPersona } from '@mocks/store/personas';
import { renderApp } from '../render';
import { graphError } from './mock-backend';
import { setupMockServer } from './mock-server';
import { buildStore, makeAlert, makeIncident, must } from './test-store';

const analyst = findPersona('analyst@contoso.com')!;
const MDE = { serviceSource: 'microsoftDefenderForEndpoint' } as const;

/**
 * 60 open incidents (ids 1–60, most recently updated first): more than one request of 50. Two
 * are named for a beacon (ids 5 and 55, one in each request); 3 and 56 carry the VIP tag, only
 * 56 with an endpoint alert. Each has one alert; 55's is named for the beacon too.
 */
const STORE = buildStore(
  Array.from({ length: 60 }, (_, i) => {
    const id = i + 1;
    return makeIncident({
      displayName: id === 5 || id === 55 ? `Beacon to a rare domain (${id})` : `Incident ${id}`,
      customTags: id === 3 || id === 56 ? ['VIP'] : [],
      alerts: [
        makeAlert({
          ...(id === 56 ? MDE : { serviceSource: 'microsoftDefenderForOffice365' }),
          ...(id === 55 ? { title: 'Beacon to a rare domain observed' } : {}),
        }),
      ],
    });
  }),
  {
    history: (store) => {
      must(addIncidentComment(store, analyst, '1', 'Isolated the host.'));
      must(addIncidentComment(store, analyst, '1', 'Backups are intact.'));
    },
  },
);

const { server } = setupMockServer(STORE);
const LOAD = { timeout: 5000 };

/** `$filter` forms real Graph answers 400 to (the mock accepts them as extensions). */
const REFUSED = /contains\(|customTags\/any|alerts\/any/;

/** Every incident request the console made, as sent. */
let requests: URL[] = [];
/** Every alert request the console made, as sent. */
let alertRequests: URL[] = [];

beforeEach(() => {
  requests = [];
  alertRequests = [];
  enterLiveMode({
    graphBase: 'https://graph.microsoft.com',
    armBase: 'https://management.azure.com',
    workspaces: [],
  });
  server.use(
    http.get('*/v1.0/security/incidents*', ({ request }) => {
      const url = new URL(request.url);
      requests.push(url);
      if (REFUSED.test(url.searchParams.get('$filter') ?? '')) {
        return graphError('Invalid filter clause.', 400, 'BadRequest');
      }
      return undefined;
    }),
    http.get('*/v1.0/security/alerts_v2*', ({ request }) => {
      const url = new URL(request.url);
      alertRequests.push(url);
      if (REFUSED.test(url.searchParams.get('$filter') ?? '')) {
        return graphError('Invalid filter clause.', 400, 'BadRequest');
      }
      return undefined;
    }),
  );
});

const lists = () => requests.filter((u) => u.pathname.endsWith('/security/incidents'));
const rowNames = () =>
  within(screen.getByRole('grid'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).queryByRole('link')?.textContent ?? '');

describe('live mode: what Graph cannot filter, the console does and says', () => {
  it('searches names over every page it read through @odata.nextLink, and says so', async () => {
    renderApp('/incidents?q=beacon');
    expect(await screen.findByText('Beacon to a rare domain (55)', {}, LOAD)).toBeInTheDocument();
    expect(rowNames()).toEqual(['Beacon to a rare domain (5)', 'Beacon to a rare domain (55)']);
    expect(screen.getByText('Filtered in the console')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Microsoft Graph cannot apply the search, so the console applied it to all 60 incidents that match the other filters.',
      ),
    ).toBeInTheDocument();
    // Two requests: the first page of 50, then Graph's next link as it gave it.
    expect(lists()).toHaveLength(2);
    expect(lists()[0]!.searchParams.get('$top')).toBe('50');
    expect(lists()[1]!.searchParams.get('$skip')).toBe('50');
    expect(lists().every((u) => !REFUSED.test(u.searchParams.get('$filter') ?? ''))).toBe(true);
  });

  it('reads a number as an incident ID and looks it up, and says so', async () => {
    renderApp('/incidents?q=42');
    expect(await screen.findByText('Incident 42', {}, LOAD)).toBeInTheDocument();
    expect(rowNames()).toEqual(['Incident 42']);
    expect(screen.getByText('Looked up by ID')).toBeInTheDocument();
    expect(screen.getByText(/Looked up incident ID 42 in Microsoft Graph/)).toBeInTheDocument();
    expect(requests.map((u) => u.pathname)).toEqual(['/v1.0/security/incidents/42']);
  });

  it('shows no incident when the ID looked up does not exist', async () => {
    renderApp('/incidents?q=999');
    expect(await screen.findByText('No incidents match these filters', {}, LOAD)).toBeVisible();
    expect(screen.getByText(/Looked up incident ID 999/)).toBeInTheDocument();
  });

  it('applies the tag and source filters to the pages read, and says which it applied', async () => {
    renderApp('/incidents?source=microsoftDefenderForEndpoint&tag=VIP');
    expect(await screen.findByText('Incident 56', {}, LOAD)).toBeInTheDocument();
    expect(rowNames()).toEqual(['Incident 56']);
    expect(
      screen.getByText(
        'Microsoft Graph cannot apply the tag filter and the service source filter, so the console applied it to all 60 incidents that match the other filters.',
      ),
    ).toBeInTheDocument();
  });

  it('leaves Graph to filter what it can, without a note', async () => {
    renderApp('/incidents?severity=high');
    expect(await screen.findByText('No incidents match these filters', {}, LOAD)).toBeVisible();
    expect(screen.queryByText('Filtered in the console')).not.toBeInTheDocument();
    expect(lists()).toHaveLength(1);
    expect(lists()[0]!.searchParams.get('$filter')).toContain("severity eq 'high'");
  });
});

describe('live mode: the alerts queue searches in the console too', () => {
  const alertRows = () =>
    within(screen.getByRole('grid', { name: 'Alerts' }))
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent ?? '');

  it('matches titles over every page it read, and says so', async () => {
    renderApp('/alerts?q=beacon');
    expect(
      await screen.findByText('Beacon to a rare domain observed', {}, LOAD),
    ).toBeInTheDocument();
    expect(alertRows()).toEqual([expect.stringContaining('Beacon to a rare domain observed')]);
    expect(screen.getByText('Filtered in the console')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Microsoft Graph cannot apply the search, so the console applied it to all 60 alerts that match the other filters.',
      ),
    ).toBeInTheDocument();
    const lists = alertRequests.filter((u) => u.pathname.endsWith('/security/alerts_v2'));
    expect(lists).toHaveLength(2);
    expect(lists.every((u) => !/contains\(/.test(u.searchParams.get('$filter') ?? ''))).toBe(true);
  });

  it('looks an alert ID up, and says so', async () => {
    const id = Object.values(STORE.alerts).find((a) => a.incidentId === '7')!.id;
    renderApp(`/alerts?q=${id}`);
    expect(await screen.findByText('Looked up by ID', {}, LOAD)).toBeInTheDocument();
    expect(
      screen.getByText(new RegExp(`Looked up alert ID ${id} in Microsoft Graph`)),
    ).toBeVisible();
    await waitFor(() => expect(alertRows()).toEqual([expect.stringContaining('Incident 7')]));
    expect(alertRequests.map((u) => u.pathname)).toEqual([`/v1.0/security/alerts_v2/${id}`]);
  });
});

describe('live mode: the activity log and the shell', () => {
  it("shows Graph's comments, newest first, and says audits are not available", async () => {
    renderApp('/incidents/1/activity');
    const log = await screen.findByRole('list', { name: 'Activity log' }, LOAD);
    const entries = within(log).getAllByRole('listitem');
    expect(entries.map((e) => within(e).getByRole('img').getAttribute('aria-label'))).toEqual([
      'Comment',
      'Comment',
    ]);
    expect(entries[0]).toHaveTextContent('Backups are intact.');
    expect(entries[1]).toHaveTextContent('Isolated the host.');
    expect(screen.getByText(/Audits are not available from Microsoft Graph/)).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Content' })).not.toBeInTheDocument();
    // Nothing was asked of the mock's own routes, which a real tenant does not have.
    expect(requests.map((u) => u.pathname)).toContain('/v1.0/security/incidents/1');
  });

  it('has no personas switcher and no Reset demo data', async () => {
    renderApp('/incidents?q=42');
    await screen.findByText('Incident 42', {}, LOAD);
    expect(screen.queryByRole('button', { name: /Reset demo data/ })).not.toBeInTheDocument();
    expect(screen.queryByText('Persona')).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Persona' })).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign out' })).toBeVisible());
  });
});
