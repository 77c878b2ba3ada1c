/**
 * Manage incident (issue 6, items 5, 6 and 8) through the real handlers: each field, one PATCH
 * with only the changed fields, bulk changes with a result line per incident, the optimistic
 * change rolled back with the server's reason, and the 412 path.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { openAction } from '@/app/actions/action-store';
import { determinationsFor } from '@/domain/classification';
import { DETERMINATION_LABELS } from '@/domain/enums';
import { updateIncident } from '@mocks/store/incident-ops';
import { findPersona } from '@mocks/store/personas';
import { renderApp } from '../render';
import { passTime, useFakeTimers } from './fake-timers';
import { graphError, holdLock, holdRequests } from './mock-backend';
import { setupMockServer } from './mock-server';
import { buildStore, makeAlert, makeIncident } from './test-store';

const MDO = { serviceSource: 'microsoftDefenderForOffice365' } as const;

/**
 * Four open incidents (the queue's first rows, in id order) and a resolved one. Incident 1 is
 * high, unassigned, unclassified and untagged, with two open alerts; incident 2 carries the tag
 * "Phishing campaign" the tag field suggests.
 */
const { runtime, server } = setupMockServer(
  buildStore([
    makeIncident({
      displayName: 'Ransomware activity on FIN-WS-01',
      severity: 'high',
      alerts: 2,
    }),
    makeIncident({
      displayName: 'Phishing campaign targeting Finance',
      status: 'inProgress',
      severity: 'medium',
      customTags: ['Phishing campaign'],
      alerts: [makeAlert(MDO), makeAlert(MDO)],
    }),
    makeIncident({ status: 'inProgress', severity: 'low', alerts: 2 }),
    makeIncident({ severity: 'medium', assignedTo: 'SOC Tier 1' }),
    makeIncident({ status: 'resolved', classification: 'falsePositive', determination: 'other' }),
  ]),
);

const LOAD = { timeout: 5000 };
const ANALYST = 'analyst@contoso.com';

// Lazy chunks: the page, and the action flyouts (the host loads them all in one Suspense).
beforeAll(async () => {
  await Promise.all([
    import('@/features/incident-page/components/incident-page'),
    import('@/app/actions/manage-action'),
    import('@/app/actions/merge-action'),
    import('@/app/actions/move-action'),
  ]);
}, 60_000);

/** The bodies of the PATCH requests the app sends to incidents, in order. */
function recordPatches() {
  const bodies: { id: string; body: Record<string, unknown>; ifMatch: string | null }[] = [];
  const pending: Promise<void>[] = [];
  server.events.on('request:start', ({ request }) => {
    const match = /\/security\/incidents\/([^/?]+)$/.exec(new URL(request.url).pathname);
    if (request.method !== 'PATCH' || !match) return;
    pending.push(
      request
        .clone()
        .json()
        .then((body: Record<string, unknown>) => {
          bodies.push({ id: match[1]!, body, ifMatch: request.headers.get('If-Match') });
        }),
    );
  });
  return async () => {
    await Promise.all(pending);
    return bodies;
  };
}

/** An open, unassigned incident of several alerts that the analyst may change. */
function openIncident(predicate: (id: string) => boolean = () => true) {
  const store = runtime.store;
  const incident = store
    .incidents()
    .find(
      (i) =>
        (i.status === 'active' || i.status === 'inProgress') &&
        store.alertsOf(i.id).length >= 2 &&
        predicate(i.id),
    );
  if (!incident) throw new Error('no open incident fits');
  return incident;
}

/** Opens the incident page and its Manage incident drawer from the header's button. */
async function openManage(id: string, upn?: string) {
  const view = renderApp(`/incidents/${id}/overview`, upn ? { upn } : {});
  const button = await screen.findByRole('button', { name: 'Manage incident' }, LOAD);
  await view.user.click(button);
  const drawer = await screen.findByRole('dialog', { name: /Manage incident/ }, LOAD);
  await within(drawer).findByRole('textbox', { name: /Incident name/ }, LOAD);
  return { ...view, drawer };
}

const audits = (id: string) =>
  runtime.store
    .activities(id)
    .filter((e) => e.kind === 'audit')
    .map((e) => e.action);

async function choose(
  user: ReturnType<typeof renderApp>['user'],
  scope: HTMLElement,
  field: string | RegExp,
  option: string,
) {
  await user.click(within(scope).getByRole('combobox', { name: field }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('Manage incident: fields', () => {
  it('saves name, severity and status in one PATCH of only those fields', async () => {
    const incident = openIncident((id) => runtime.store.incident(id)!.severity !== 'low');
    const patches = recordPatches();
    const before = audits(incident.id).length;
    const { drawer, user } = await openManage(incident.id);

    const name = within(drawer).getByRole('textbox', { name: /Incident name/ });
    expect(name).toHaveValue(incident.displayName);
    await user.clear(name);
    await user.type(name, 'Renamed by the analyst');
    await choose(user, drawer, 'Severity', 'Low');
    const status = incident.status === 'active' ? 'In progress' : 'Active';
    await choose(user, drawer, 'Status', status);
    expect(within(drawer).getByText('3 fields changed')).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Save' }));

    // Optimistic: the page shows the change at once, and the drawer has closed.
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Renamed by the analyst' }),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText(`Incident ${incident.id} updated`)).toBeInTheDocument();

    const sent = await patches();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual({
      displayName: 'Renamed by the analyst',
      severity: 'low',
      status: incident.status === 'active' ? 'inProgress' : 'active',
    });
    expect(sent[0]!.ifMatch).toMatch(/^W\/"/);
    const stored = runtime.store.incident(incident.id)!;
    expect(stored.displayName).toBe('Renamed by the analyst');
    expect(stored.severity).toBe('low');
    expect(audits(incident.id).slice(before).sort()).toEqual(
      ['displayNameChanged', 'severityChanged', 'statusChanged'].sort(),
    );
  });

  it('names an empty incident name and sends nothing', async () => {
    const incident = openIncident();
    const patches = recordPatches();
    const { drawer, user } = await openManage(incident.id);
    await user.clear(within(drawer).getByRole('textbox', { name: /Incident name/ }));
    await user.click(within(drawer).getByRole('button', { name: 'Save' }));
    expect(await within(drawer).findByText('Enter an incident name.')).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: /Manage incident/ })).toBeInTheDocument();
    expect(await patches()).toHaveLength(0);
  });
});

describe('Manage incident: tags, owner, resolution, classification', () => {
  it('tags: suggests tags used on other incidents and creates new ones', async () => {
    useFakeTimers();
    const incident = openIncident(
      (id) => !runtime.store.incident(id)!.customTags.includes('Phishing campaign'),
    );
    const patches = recordPatches();
    const { drawer, user } = await openManage(incident.id);

    const tags = within(drawer).getByRole('combobox', { name: 'Tags' });
    await user.type(tags, 'phish');
    await passTime(1000);
    await user.click(await screen.findByRole('option', { name: 'Phishing campaign' }, LOAD));
    await user.type(tags, 'Brand new tag');
    await passTime(1000);
    await user.click(
      await screen.findByRole('option', { name: "Create tag 'Brand new tag'" }, LOAD),
    );
    const chosen = within(drawer).getByRole('listbox', { name: 'Selected tags' });
    expect(within(chosen).getByText('Phishing campaign')).toBeInTheDocument();
    expect(within(chosen).getByText('Brand new tag')).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Save' }));

    await waitFor(async () => expect(await patches()).toHaveLength(1));
    expect((await patches())[0]!.body).toEqual({
      customTags: [...incident.customTags, 'Phishing campaign', 'Brand new tag'],
    });
    await waitFor(() =>
      expect(runtime.store.incident(incident.id)!.customTags).toContain('Brand new tag'),
    );
  });

  it('assign to: type-ahead, clear, and "Assign to me" (its alerts follow)', async () => {
    const incident = openIncident((id) => !runtime.store.incident(id)!.assignedTo);
    const patches = recordPatches();
    const { drawer, user } = await openManage(incident.id);

    await user.type(within(drawer).getByRole('combobox', { name: 'Assign to' }), 'Tay');
    await user.click(await screen.findByRole('option', { name: /Taylor Tier1/ }));
    await user.click(within(drawer).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(runtime.store.incident(incident.id)!.assignedTo).toBe('tier1@contoso.com'),
    );

    const reopen = async () => {
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      await user.click(screen.getByRole('button', { name: 'Manage incident' }));
      const again = await screen.findByRole('dialog', { name: /Manage incident/ });
      await within(again).findByRole('textbox', { name: /Incident name/ }, LOAD);
      return again;
    };
    let again = await reopen();
    expect(within(again).getByRole('combobox', { name: 'Assign to' })).toHaveValue('Taylor Tier1');
    await user.click(within(again).getByRole('button', { name: 'Remove assignment' }));
    expect(within(again).getByRole('combobox', { name: 'Assign to' })).toHaveValue('');
    await user.click(within(again).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(runtime.store.incident(incident.id)!.assignedTo).toBeNull());

    again = await reopen();
    await user.click(within(again).getByRole('button', { name: 'Assign to me' }));
    expect(within(again).getByRole('combobox', { name: 'Assign to' })).toHaveValue('Avery Analyst');
    await user.click(within(again).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(runtime.store.incident(incident.id)!.assignedTo).toBe(ANALYST));

    expect((await patches()).map((p) => p.body)).toEqual([
      { assignedTo: 'tier1@contoso.com' },
      { assignedTo: null },
      { assignedTo: ANALYST },
    ]);
    for (const alert of runtime.store.alertsOf(incident.id)) expect(alert.assignedTo).toBe(ANALYST);
  });

  it('resolve: the toggle reveals a comment, and resolving resolves the alerts', async () => {
    const incident = openIncident((id) =>
      runtime.store.alertsOf(id).some((a) => a.status === 'new' || a.status === 'inProgress'),
    );
    const patches = recordPatches();
    const { drawer, user } = await openManage(incident.id);

    expect(within(drawer).queryByRole('textbox', { name: /Comment/ })).not.toBeInTheDocument();
    await user.click(within(drawer).getByRole('switch', { name: 'Resolve incident' }));
    await user.type(within(drawer).getByRole('textbox', { name: /Comment/ }), 'Contained.');
    expect(within(drawer).getByRole('combobox', { name: 'Status' })).toHaveTextContent('Resolved');
    await user.click(within(drawer).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(runtime.store.incident(incident.id)!.status).toBe('resolved'));
    expect((await patches())[0]!.body).toEqual({
      status: 'resolved',
      resolvingComment: 'Contained.',
    });
    for (const alert of runtime.store.alertsOf(incident.id)) {
      expect(alert.status).toBe('resolved');
    }
  });

  it('classification offers only the determinations valid for it', async () => {
    const incident = openIncident((id) => !runtime.store.incident(id)!.classification);
    const patches = recordPatches();
    const { drawer, user } = await openManage(incident.id);

    const determination = () => within(drawer).getByRole('combobox', { name: 'Determination' });
    expect(determination()).toBeDisabled();
    const offered = async () => {
      await user.click(determination());
      const names = (await screen.findAllByRole('option')).map((o) => o.textContent);
      await user.keyboard('{Escape}');
      return names;
    };
    const labels = (c: Parameters<typeof determinationsFor>[0]) => [
      'Not set',
      ...determinationsFor(c).map((d) => DETERMINATION_LABELS[d]),
    ];

    await choose(user, drawer, 'Classification', 'True positive');
    expect(await offered()).toEqual(labels('truePositive'));
    await choose(user, drawer, 'Classification', 'Informational, expected activity');
    expect(await offered()).toEqual(labels('informationalExpectedActivity'));
    await choose(user, drawer, 'Classification', 'False positive');
    expect(await offered()).toEqual(labels('falsePositive'));
    await choose(user, drawer, 'Determination', 'Not malicious');
    await user.click(within(drawer).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(runtime.store.incident(incident.id)!.classification).toBe('falsePositive'),
    );
    expect((await patches())[0]!.body).toEqual({
      classification: 'falsePositive',
      determination: 'notMalicious',
    });
  });
});

describe('Manage incident: refusals', () => {
  it('rolls an optimistic change back and names the server’s reason', async () => {
    const incident = openIncident();
    const { drawer, user } = await openManage(incident.id);
    // The incident starts taking part in a merge while the analyst edits it: writes get 409.
    holdLock(runtime.store, [incident.id]);
    const name = within(drawer).getByRole('textbox', { name: /Incident name/ });
    await user.clear(name);
    await user.type(name, 'Refused name');
    await user.click(within(drawer).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(`Couldn't update incident ${incident.id}`)).toBeInTheDocument();
    expect(
      screen.getByText(
        `Incident ${incident.id} is being merged; try again when the merge has finished.`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Your change was undone.')).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 1, name: incident.displayName }),
    ).toBeInTheDocument();
    expect(runtime.store.incident(incident.id)!.displayName).toBe(incident.displayName);
  });

  it('412: shows what changed meanwhile; "Reload theirs" keeps theirs', async () => {
    const incident = openIncident((id) => runtime.store.incident(id)!.severity !== 'low');
    const { drawer, user } = await openManage(incident.id);
    // Someone else changes the severity after the drawer opened.
    const admin = findPersona('admin@contoso.com')!;
    expect(
      updateIncident(runtime.store, admin, incident.id, { severity: 'informational' }).ok,
    ).toBe(true);
    await choose(user, drawer, 'Severity', 'Low');
    await user.click(within(drawer).getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('alertdialog', {
      name: `Incident ${incident.id} was changed by someone else`,
    });
    const row = within(dialog).getByRole('row', { name: /Severity/ });
    expect(row).toHaveTextContent('SeverityInformationalLow');
    await user.click(within(dialog).getByRole('button', { name: 'Reload theirs' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    // The incident page's header: the one `header` inside the main landmark.
    const header = within(screen.getByRole('main')).getByRole('banner');
    await waitFor(() => expect(within(header).getByText('Informational')).toBeInTheDocument());
    expect(runtime.store.incident(incident.id)!.severity).toBe('informational');
  });

  it('412: "Reapply mine" writes mine over the current version', async () => {
    const incident = openIncident((id) => runtime.store.incident(id)!.severity !== 'low');
    const patches = recordPatches();
    const { drawer, user } = await openManage(incident.id);
    const admin = findPersona('admin@contoso.com')!;
    updateIncident(runtime.store, admin, incident.id, { assignedTo: 'tier2@contoso.com' });
    await choose(user, drawer, 'Severity', 'Low');
    await user.click(within(drawer).getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('alertdialog');
    // The analyst did not edit the owner, so nothing they edited was changed meanwhile.
    expect(dialog).toHaveTextContent('None of the fields you edited were changed');
    await user.click(within(dialog).getByRole('button', { name: 'Reapply mine' }));
    await waitFor(() => expect(runtime.store.incident(incident.id)!.severity).toBe('low'));
    expect(runtime.store.incident(incident.id)!.assignedTo).toBe('tier2@contoso.com');
    const sent = await patches();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.body).toEqual({ severity: 'low' });
    expect(sent[1]!.ifMatch).not.toBe(sent[0]!.ifMatch);
  });

  it('opens on the incident as it was loaded when reading it again fails, and says so', async () => {
    const incident = openIncident();
    const view = renderApp(`/incidents/${incident.id}/overview`);
    const button = await screen.findByRole('button', { name: 'Manage incident' }, LOAD);
    // The drawer reads the incident afresh on open; this time that read fails.
    server.use(
      http.get('*/v1.0/security/incidents/:id', () => graphError('Graph is busy'), { once: true }),
    );
    await view.user.click(button);
    const drawer = await screen.findByRole('dialog', { name: /Manage incident/ }, LOAD);
    const stale = await within(drawer).findByRole(
      'status',
      { name: `Couldn't refresh incident ${incident.id}; showing what was loaded` },
      LOAD,
    );
    expect(stale).toHaveTextContent('Graph is busy');
    expect(within(drawer).getByRole('textbox', { name: /Incident name/ })).toHaveValue(
      incident.displayName,
    );
  });

  it('a read-only persona cannot open or save it, and is told why', async () => {
    const incident = openIncident();
    const { user } = renderApp(`/incidents/${incident.id}/overview`, {
      upn: 'reader@contoso.com',
    });
    const button = await screen.findByRole('button', { name: 'Manage incident' }, LOAD);
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('Requires Security Operator access');

    // Even when asked for directly, the drawer does not let the persona save.
    act(() => openAction({ kind: 'manage', incidentIds: [incident.id], origin: 'incidentPage' }));
    const drawer = await screen.findByRole('dialog', { name: /Manage incident/ }, LOAD);
    expect(
      await within(drawer).findByText(/has read-only access and cannot change incident/),
    ).toBeInTheDocument();
    expect(within(drawer).getByRole('textbox', { name: /Incident name/ })).toBeDisabled();
    expect(within(drawer).getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.click(within(drawer).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

describe('Manage incident: bulk', () => {
  it('applies the touched fields to each incident, names failures and retries them', async () => {
    const patches = recordPatches();
    const { user } = renderApp('/incidents');
    const grid = await screen.findByRole('grid', { name: 'Incidents' }, LOAD);
    const rows = await waitFor(() => {
      // The incident rows: the selectable ones.
      const found = within(grid)
        .getAllByRole('row')
        .filter((row) => row.hasAttribute('aria-selected'));
      expect(found.length).toBeGreaterThan(3);
      return found.slice(0, 3);
    });
    const ids = rows.map(
      (r) => within(r).getAllByRole('link')[0]!.getAttribute('href')!.split('/')[2]!,
    );
    for (const row of rows) await user.click(within(row).getByRole('checkbox'));
    expect(await screen.findByText('3 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Manage incident' }));
    const drawer = await screen.findByRole('dialog', { name: /Manage incidents/ }, LOAD);
    // Meanwhile a merge elsewhere takes in the third incident: its write will be refused.
    const release = holdLock(runtime.store, [ids[2]!]);
    expect(within(drawer).getByText('3 incidents selected')).toBeInTheDocument();
    expect(
      within(drawer).queryByRole('textbox', { name: /Incident name/ }),
    ).not.toBeInTheDocument();
    expect(within(drawer).getByRole('combobox', { name: 'Severity' })).toHaveTextContent(
      'No change',
    );
    expect(within(drawer).getByRole('button', { name: 'Save' })).toBeDisabled();
    await choose(user, drawer, 'Severity', 'Low');
    // The queue's refetch after the saves is slow to answer: the failure is told without it.
    const releaseQueue = holdRequests(server, '*/v1.0/security/incidents');
    await user.click(within(drawer).getByRole('button', { name: 'Save' }));

    const results = await within(drawer).findByRole('list', { name: 'Results' });
    await within(drawer).findByText('2 of 3 incidents were updated; 1 failed.', {}, LOAD);
    expect(within(drawer).getByRole('button', { name: 'Retry failed' })).toBeEnabled();
    releaseQueue();
    const lines = within(results).getAllByRole('listitem');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toHaveTextContent('Updated');
    expect(lines[1]).toHaveTextContent('Updated');
    expect(lines[2]).toHaveTextContent(
      `Incident ${ids[2]} is being merged; try again when the merge has finished.`,
    );
    expect((await patches()).map((p) => p.body)).toEqual([
      { severity: 'low' },
      { severity: 'low' },
      { severity: 'low' },
    ]);
    expect(screen.getByText('3 selected')).toBeInTheDocument();

    await release();
    await user.click(within(drawer).getByRole('button', { name: 'Retry failed' }));
    expect(
      await within(drawer).findByText('All 3 incidents were updated.', {}, LOAD),
    ).toBeInTheDocument();
    for (const id of ids) expect(runtime.store.incident(id)!.severity).toBe('low');
    // A fully successful bulk change clears the queue's selection.
    await waitFor(() => expect(screen.queryByText('3 selected')).not.toBeInTheDocument());
  });
});
