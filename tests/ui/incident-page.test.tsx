/**
 * The incident page (`/incidents/:id/:tab`) through the real handlers: header, tabs driven by the
 * URL, overview counts, the Alerts grid, assets, the activity log, and failure states.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { activityKeys } from '@/api/activities/activity-keys';
import { entityKeys } from '@/api/entities/entity-keys';
import { incidentKeys } from '@/api/incidents/incident-keys';
import {
  CLASSIFICATION_LABELS,
  INCIDENT_STATUS_LABELS,
  SEVERITY_LABELS,
  type ServiceSource,
} from '@/domain/enums';
import { SOURCE_INFO } from '@/domain/sources';
import { addIncidentComment, updateIncident } from '@mocks/store/incident-ops';
import { mergeIncidents } from '@mocks/store/merge';
import { findPersona } from '@mocks/store/personas';
import { renderApp } from '../render';
import { graphError } from './mock-backend';
import { setupMockServer } from './mock-server';
import { buildStore, evidence, makeAlert, makeIncident, must } from './test-store';

const analyst = findPersona('analyst@contoso.com')!;

/**
 * Incident 1 is rich: four alerts of every severity and three sources, sharing a device and a
 * user, both kinds of tags, a classification, a comment, audits, and the log of incident 2, which
 * was merged into it. Incident 3 is a plain one beside them.
 */
const STORE = buildStore(
  [
    makeIncident({
      displayName: 'Ransomware activity on FIN-WS-01',
      status: 'inProgress',
      customTags: ['VIP', 'Ransomware'],
      systemTags: ['AIR'],
      classification: 'truePositive',
      determination: 'malware',
      priorityScore: 87,
      alerts: [
        makeAlert({
          severity: 'high',
          evidence: [
            evidence.device('FIN-WS-01'),
            evidence.user('noah.garcia@contoso.com'),
            evidence.file('locker.exe'),
          ],
        }),
        makeAlert({
          severity: 'medium',
          evidence: [
            evidence.device('FIN-WS-01'),
            evidence.process('vssadmin.exe delete shadows /all /quiet'),
          ],
        }),
        makeAlert({
          severity: 'low',
          serviceSource: 'microsoftDefenderForIdentity',
          evidence: [evidence.user('noah.garcia@contoso.com'), evidence.ip('185.220.101.47')],
        }),
        makeAlert({
          severity: 'informational',
          serviceSource: 'microsoftDefenderForOffice365',
          status: 'resolved',
          evidence: [
            evidence.mailbox('noah.garcia@contoso.com'),
            evidence.url('https://invoice-portal.example/view'),
          ],
        }),
      ],
    }),
    makeIncident({
      displayName: 'Initial access through a phishing email',
      alerts: [makeAlert({ serviceSource: 'microsoftDefenderForOffice365' })],
    }),
    makeIncident({ displayName: 'Suspicious sign-ins from anonymous IP addresses' }),
  ],
  {
    history: (store) => {
      must(
        mergeIncidents(store, analyst, {
          incidentIds: ['1', '2'],
          incidentComment: null,
          mergeReasons: [],
        }),
      );
      must(
        addIncidentComment(store, analyst, '1', 'Isolated FIN-WS-01; the ransom note is saved.'),
      );
      must(updateIncident(store, analyst, '1', { assignedTo: analyst.upn }));
      must(addIncidentComment(store, analyst, '1', 'Backups are intact; restoring tonight.'));
    },
  },
);

const { runtime, server } = setupMockServer(STORE);

/** The first screenful can take a while on a busy machine (lazy chunk, Fluent in jsdom). */
const LOAD = { timeout: 5000 };

// The page is a lazy route: load its chunk once, so the first test does not time out on it.
beforeAll(async () => {
  await import('@/features/incident-page/components/incident-page');
});

/** Incident 1 of the store: several alerts, merged-in activity and both kinds of tags. */
function richIncident() {
  return runtime.store.incident('1')!;
}

function count<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** The incident page's header: the one `header` inside the page's main landmark. */
function pageHeader(): HTMLElement {
  return within(screen.getByRole('main')).getByRole('banner');
}

/** The value next to a `dt` label inside a description list. */
function definitionOf(list: HTMLElement, label: string): HTMLElement {
  const term = within(list).getByText(label, { selector: 'dt' });
  return term.parentElement!.querySelector('dd')!;
}

describe('incident page', () => {
  it('shows the header: name, id, severity, status, owner, classification and tags', async () => {
    const incident = richIncident();
    renderApp(`/incidents/${incident.id}/overview`);

    expect(
      await screen.findByRole('heading', { level: 1, name: incident.displayName }, LOAD),
    ).toBeInTheDocument();
    const header = pageHeader();
    expect(within(header).getByText(incident.id)).toBeInTheDocument();
    expect(within(header).getByText(SEVERITY_LABELS[incident.severity])).toBeInTheDocument();
    expect(within(header).getByText(INCIDENT_STATUS_LABELS[incident.status])).toBeInTheDocument();
    expect(within(header).getByText(incident.assignedTo ?? 'Unassigned')).toBeInTheDocument();
    if (incident.classification && incident.classification !== 'unknown') {
      expect(
        within(header).getByText(new RegExp(CLASSIFICATION_LABELS[incident.classification])),
      ).toBeInTheDocument();
    }
    const tags = within(header).getByRole('list', { name: 'Tags' });
    const chips = within(tags)
      .getAllByRole('listitem')
      .map((chip) => chip.textContent);
    expect(chips).toEqual([
      ...incident.customTags,
      ...incident.systemTags.map((tag) => `System tag: ${tag}`),
    ]);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Incidents' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(within(nav).getByRole('link', { name: 'Alerts' })).not.toHaveAttribute('aria-current');
    const breadcrumb = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(within(breadcrumb).getByRole('link', { name: 'Incidents' })).toHaveAttribute(
      'href',
      '/incidents',
    );
  });

  it('takes its tab from the URL and changes the URL when another tab is chosen', async () => {
    const incident = richIncident();
    const { router, user } = renderApp(`/incidents/${incident.id}/alerts`);

    const alertsTab = await screen.findByRole('tab', { name: /^Alerts/ }, LOAD);
    expect(alertsTab).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('grid', { name: 'Alerts' })).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: /^Assets/ }));
    expect(router.state.location.pathname).toBe(`/incidents/${incident.id}/assets`);
    expect(await screen.findByRole('list', { name: 'Asset counts' })).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Activity log' }));
    expect(router.state.location.pathname).toBe(`/incidents/${incident.id}/activity`);
    expect(await screen.findByRole('list', { name: 'Activity log' }, LOAD)).toBeInTheDocument();

    // Back in history: the URL, not the click, decides the tab.
    await router.navigate(-1);
    await waitFor(
      () =>
        expect(screen.getByRole('tab', { name: /^Assets/ })).toHaveAttribute(
          'aria-selected',
          'true',
        ),
      LOAD,
    );
    expect(router.state.location.pathname).toBe(`/incidents/${incident.id}/assets`);
  });

  it('replaces an unknown tab with Overview', async () => {
    const incident = richIncident();
    const { router } = renderApp(`/incidents/${incident.id}/attack-story`);
    await waitFor(() =>
      expect(router.state.location.pathname).toBe(`/incidents/${incident.id}/overview`),
    );
    expect(router.state.historyAction).toBe('REPLACE');
    expect(await screen.findByRole('tab', { name: 'Overview' }, LOAD)).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it("counts the incident's alerts by severity and by service source on Overview", async () => {
    const incident = richIncident();
    const alerts = runtime.store.alertsOf(incident.id);
    renderApp(`/incidents/${incident.id}/overview`);

    const severityList = await screen.findByRole('region', { name: 'Alerts by severity' }, LOAD);
    const severities = count(alerts, (a) => a.severity);
    for (const severity of ['high', 'medium', 'low', 'informational'] as const) {
      expect(definitionOf(severityList, SEVERITY_LABELS[severity])).toHaveTextContent(
        String(severities.get(severity) ?? 0),
      );
    }

    const sourceList = screen.getByRole('region', { name: 'Alerts by service source' });
    for (const [source, n] of count(alerts, (a) => a.serviceSource)) {
      expect(
        definitionOf(sourceList, SOURCE_INFO[source as ServiceSource].label),
      ).toHaveTextContent(String(n));
    }
    const active = alerts.filter((a) => a.status !== 'resolved').length;
    expect(screen.getByText(`${active} active of ${alerts.length} alerts`)).toBeInTheDocument();
    expect(
      definitionOf(screen.getByRole('region', { name: 'Incident details' }), 'Priority score'),
    ).toHaveTextContent(String(incident.priorityScore ?? '—'));
  });

  it('selects alerts in the grid and offers to clear the selection', async () => {
    const incident = richIncident();
    const alerts = runtime.store.alertsOf(incident.id);
    const { user } = renderApp(`/incidents/${incident.id}/alerts`);

    const grid = await screen.findByRole('grid', { name: 'Alerts' }, LOAD);
    expect(within(grid).getAllByRole('row')).toHaveLength(alerts.length + 1);
    const move = screen.getByRole('button', { name: 'Move alerts to another incident' });
    expect(move).toHaveAttribute('aria-disabled', 'true');
    expect(move).toHaveAccessibleDescription('Select one or more alerts to move');

    const boxes = within(grid).getAllByRole('checkbox', { name: /^Select alert / });
    expect(boxes).toHaveLength(alerts.length);
    await user.click(boxes[0]!);
    await user.click(boxes[1]!);
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    expect(boxes[0]).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByText('2 selected')).not.toBeInTheDocument();
    expect(boxes[0]).not.toBeChecked();
    expect(screen.getByText(`${alerts.length} alerts`)).toBeInTheDocument();
  });

  it('tells a read-only persona what moving alerts requires', async () => {
    const incident = richIncident();
    renderApp(`/incidents/${incident.id}/alerts`, { upn: 'reader@contoso.com' });
    await screen.findByRole('grid', { name: 'Alerts' }, LOAD);
    const move = screen.getByRole('button', { name: 'Move alerts to another incident' });
    await waitFor(() =>
      expect(move).toHaveAccessibleDescription('Requires Security Operator access'),
    );
    expect(move).toHaveAttribute('aria-disabled', 'true');
  });

  it('groups the assets by kind with how many alerts each appears in', async () => {
    const incident = richIncident();
    const entities = runtime.store.summary(incident.id).entities;
    renderApp(`/incidents/${incident.id}/assets`);

    const summary = await screen.findByRole('list', { name: 'Asset counts' }, LOAD);
    const labels = {
      device: 'Devices',
      user: 'Users',
      mailbox: 'Mailboxes',
      app: 'Apps',
      ip: 'IPs',
      url: 'URLs',
      file: 'Files',
      process: 'Processes',
    } as const;
    const byKind = count(entities, (e) => e.kind);
    for (const [kind, label] of Object.entries(labels)) {
      const n = byKind.get(kind) ?? 0;
      const item = within(summary)
        .getAllByRole('listitem')
        .find((li) => within(li).queryByText(label));
      expect(item).toHaveTextContent(`${label}${n}`);
      if (n > 0) {
        const table = screen.getByRole('table', { name: new RegExp(`^${label}`) });
        expect(within(table).getAllByRole('row')).toHaveLength(n + 1);
      } else {
        expect(screen.queryByRole('table', { name: new RegExp(`^${label}`) })).toBeNull();
      }
    }
    const top = [...entities].sort((a, b) => b.alertIds.length - a.alertIds.length)[0]!;
    const row = screen.getAllByRole('row').find((r) => within(r).queryByText(top.name))!;
    expect(row).toHaveTextContent(`${top.alertIds.length} alert`);
    expect(screen.getByRole('tab', { name: /^Assets/ })).toHaveTextContent(String(entities.length));
  });

  it('keeps the assets when reading them again fails, and says so', async () => {
    const incident = richIncident();
    const { queryClient } = renderApp(`/incidents/${incident.id}/assets`);
    const summary = await screen.findByRole('list', { name: 'Asset counts' }, LOAD);
    const counts = summary.textContent;
    server.use(http.get('*/incidents/:id/entities', () => graphError('Entities are resting')));
    await queryClient.invalidateQueries({ queryKey: entityKeys.all(incident.id) });

    const stale = await screen.findByRole(
      'status',
      { name: "Couldn't refresh assets; showing what was loaded" },
      LOAD,
    );
    expect(stale).toHaveTextContent('Entities are resting');
    expect(screen.getByRole('list', { name: 'Asset counts' })).toBe(summary);
    expect(summary.textContent).toBe(counts);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps the activity log when reading it again fails, and says so', async () => {
    const incident = richIncident();
    const { queryClient } = renderApp(`/incidents/${incident.id}/activity`);
    const log = await screen.findByRole('list', { name: 'Activity log' }, LOAD);
    const shown = within(log).getAllByRole('listitem').length;
    server.use(http.get('*/incidents/:id/activities', () => graphError('The log is resting')));
    await queryClient.invalidateQueries({ queryKey: activityKeys.all(incident.id) });

    const stale = await screen.findByRole(
      'status',
      { name: "Couldn't refresh the activity log; showing what was loaded" },
      LOAD,
    );
    expect(stale).toHaveTextContent('The log is resting');
    expect(screen.getByRole('list', { name: 'Activity log' })).toBe(log);
    expect(within(log).getAllByRole('listitem')).toHaveLength(shown);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('filters the activity log to audits or comments and marks merged-in entries', async () => {
    const incident = richIncident();
    const log = runtime.store.activities(incident.id);
    const comments = log.filter((e) => e.kind === 'comment');
    const audits = log.filter((e) => e.kind === 'audit');
    const { user } = renderApp(`/incidents/${incident.id}/activity`);

    const list = await screen.findByRole('list', { name: 'Activity log' }, LOAD);
    expect(within(list).getAllByRole('listitem')).toHaveLength(log.length);
    expect(screen.getByText(`Showing ${log.length} of ${log.length} entries`)).toBeInTheDocument();
    // Newest first: the log is kept oldest first.
    const newest = log[log.length - 1]!;
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent(newest.description);

    const merged = log.filter((e) => e.originIncidentId);
    expect(merged.length).toBeGreaterThan(0);
    const fromLinks = within(list).getAllByRole('link', { name: /^incident \d+$/ });
    expect(fromLinks).toHaveLength(merged.length);
    expect(within(list).getAllByText('From')[0]).toHaveTextContent(/^From incident \d+$/);

    const content = screen.getByRole('combobox', { name: 'Content' });
    await user.click(content);
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Audits' }));
    await user.keyboard('{Escape}');
    expect(
      await screen.findByText(`Showing ${comments.length} of ${comments.length} comments`),
    ).toBeInTheDocument();
    const commentList = screen.getByRole('list', { name: 'Activity log' });
    expect(within(commentList).getAllByRole('listitem')).toHaveLength(comments.length);
    expect(within(commentList).getByText(comments[0]!.comment!)).toBeInTheDocument();

    await user.click(content);
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Audits' }));
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Comments' }));
    await user.keyboard('{Escape}');
    expect(
      await screen.findByText(`Showing ${audits.length} of ${audits.length} audits`),
    ).toBeInTheDocument();
  });

  it('pages the activity log 50 at a time', async () => {
    const incident = richIncident();
    const analyst = findPersona('analyst@contoso.com')!;
    for (let i = 1; i <= 40; i++) {
      const result = addIncidentComment(runtime.store, analyst, incident.id, `Paging check ${i}`);
      expect(result.ok).toBe(true);
    }
    const total = runtime.store.activities(incident.id).length;
    expect(total).toBeGreaterThan(50);
    const { user } = renderApp(`/incidents/${incident.id}/activity`);

    const list = await screen.findByRole('list', { name: 'Activity log' }, LOAD);
    expect(within(list).getAllByRole('listitem')).toHaveLength(50);
    expect(screen.getByText(`Showing 50 of ${total} entries`)).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Paging check 40');

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText(`Showing ${total} of ${total} entries`)).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(total);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('offers Manage incident in the header and the Actions menu; Activity log opens the log', async () => {
    const incident = richIncident();
    const { router, user } = renderApp(`/incidents/${incident.id}/overview`);

    expect(
      await screen.findByRole('heading', { level: 1, name: incident.displayName }, LOAD),
    ).toBeInTheDocument();
    const header = pageHeader();
    expect(within(header).getByRole('button', { name: 'Manage incident' })).toBeEnabled();
    await user.click(within(header).getByRole('button', { name: 'Actions' }));
    const manage = await screen.findByRole('menuitem', { name: /Manage incident/ });
    expect(manage).not.toHaveAttribute('aria-disabled');
    expect(screen.getByRole('menuitem', { name: /Merge incidents/ })).not.toHaveAttribute(
      'aria-disabled',
    );
    await user.click(screen.getByRole('menuitem', { name: 'Activity log' }));
    // The activity-log panel opens over the page, which stays where it was.
    const panel = await screen.findByRole('dialog', { name: 'Activity log' }, LOAD);
    expect(router.state.location.pathname).toBe(`/incidents/${incident.id}/overview`);
    expect(
      await within(panel).findByRole('list', { name: 'Activity log' }, LOAD),
    ).toBeInTheDocument();
    expect(within(panel).getByRole('textbox', { name: 'Comment' })).toBeInTheDocument();
  });

  it("opens the activity-log panel from the Summary's Comments and history", async () => {
    const incident = richIncident();
    const { user } = renderApp(`/incidents/${incident.id}/overview`);
    const link = await screen.findByRole('button', { name: 'Comments and history' }, LOAD);
    await user.click(link);
    const panel = await screen.findByRole('dialog', { name: 'Activity log' }, LOAD);
    const log = await within(panel).findByRole('list', { name: 'Activity log' }, LOAD);
    expect(within(log).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(within(panel).getByRole('combobox', { name: 'Content' })).toHaveTextContent(
      'Audits, Comments',
    );
    await user.click(within(panel).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(link).toHaveFocus();
  });

  it('tells a read-only persona why Manage incident is disabled', async () => {
    const incident = richIncident();
    const { user } = renderApp(`/incidents/${incident.id}/overview`, {
      upn: 'reader@contoso.com',
    });
    const button = await screen.findByRole('button', { name: 'Manage incident' }, LOAD);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('Requires Security Operator access');
    await user.click(screen.getByRole('button', { name: 'Actions' }));
    const item = await screen.findByRole('menuitem', { name: /Manage incident/ });
    expect(item).toHaveAttribute('aria-disabled', 'true');
    expect(item).toHaveTextContent('Requires Security Operator access');
  });

  it('takes a merged incident to the one it was merged into, and says so', async () => {
    const redirected = runtime.store.incidents().find((i) => i.status === 'redirected')!;
    const target = runtime.store.finalIncidentId(redirected.id);
    const { router } = renderApp(`/incidents/${redirected.id}/overview`);
    expect(
      await screen.findByText(
        `Incident ${redirected.id} was merged into incident ${target}.`,
        {},
        LOAD,
      ),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/incidents/${target}/overview`);
  });

  it("shows Graph's not-found message for an unknown id", async () => {
    renderApp('/incidents/99999999/overview');
    const alert = await screen.findByRole('alert', undefined, LOAD);
    expect(alert).toHaveTextContent('Incident 99999999 was not found.');
    expect(within(alert).getByRole('link', { name: 'Back to incidents' })).toBeInTheDocument();
  });

  it('keeps the page and what was typed on it when a refresh fails, says so, and Retry refreshes', async () => {
    const incident = richIncident();
    const { queryClient, user } = renderApp(`/incidents/${incident.id}/activity`);
    const box = await screen.findByRole('textbox', { name: 'Comment' }, LOAD);
    await user.click(box);
    await user.paste('Half-written note about the host');
    server.use(
      http.get(
        '*/v1.0/security/incidents/:id',
        () => graphError('Graph is busy; try again shortly.'),
        {
          once: true,
        },
      ),
    );
    // What a mutation's settling or a window focus does: the incident is read again.
    await queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incident.id) });

    const stale = await screen.findByRole(
      'status',
      { name: `Couldn't refresh incident ${incident.id}; showing what was loaded` },
      LOAD,
    );
    expect(stale).toHaveTextContent('Graph is busy; try again shortly.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: incident.displayName })).toBeVisible();
    expect(screen.getByRole('textbox', { name: 'Comment' })).toHaveValue(
      'Half-written note about the host',
    );

    await user.click(within(stale).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(stale).not.toBeInTheDocument(), LOAD);
    expect(screen.getByRole('textbox', { name: 'Comment' })).toHaveValue(
      'Half-written note about the host',
    );
    // Retry had focus: it goes to the page, not to the document's body.
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it("shows the server's message when the incident fails to load, and Retry loads it", async () => {
    const incident = richIncident();
    server.use(
      http.get(
        '*/v1.0/security/incidents/:id',
        () => graphError('Graph is busy; try again shortly.'),
        {
          once: true,
        },
      ),
    );
    const { user } = renderApp(`/incidents/${incident.id}/overview`);
    const alert = await screen.findByRole('alert', undefined, LOAD);
    expect(alert).toHaveTextContent(`Couldn't load incident ${incident.id}`);
    expect(alert).toHaveTextContent('Graph is busy; try again shortly.');

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: incident.displayName }),
    ).toBeInTheDocument();
  });
});
