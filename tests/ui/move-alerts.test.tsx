/**
 * Moving alerts to another incident (seed 001, issue 5) through the real handlers: the warning
 * for an incident left without alerts, a scoped persona told before Save, and a refusal by the
 * server, shown in the flyout, with nothing changed. The moves that succeed, from the Alerts tab,
 * the alert panel, the Alerts queue and the incident queue, are walked in Chromium
 * (tests/e2e/move.spec.ts).
 */
import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { alertKeys } from '@/api/alerts/alert-keys';
import { updateIncident } from '@mocks/store/incident-ops';
import { findPersona } from '@mocks/store/personas';
import { renderApp } from '../render';
import { passTime, useFakeTimers } from './fake-timers';
import { graphError, holdRequests } from './mock-backend';
import { setupMockServer } from './mock-server';
import { buildStore, makeAlert, makeIncident } from './test-store';

/**
 * Open incidents only: 1 has three alerts named differently, 2 has one, 3 has an endpoint alert
 * and an identity alert, 4 has room for more.
 */
const { runtime, server } = setupMockServer(
  buildStore([
    makeIncident({ displayName: 'Ransomware activity on FIN-WS-01', alerts: 3 }),
    makeIncident({ displayName: 'Malware downloaded by an Office macro' }),
    makeIncident({
      displayName: 'Credential theft on a domain controller',
      status: 'inProgress',
      alerts: [
        makeAlert({ serviceSource: 'microsoftDefenderForEndpoint' }),
        makeAlert({ serviceSource: 'microsoftDefenderForIdentity' }),
      ],
    }),
    makeIncident({ displayName: 'Lateral movement with stolen credentials', alerts: 2 }),
  ]),
);

/** Lazy routes, Fluent in jsdom and a busy machine: the first screenful can take a while. */
const LOAD = { timeout: 8000 };

beforeAll(async () => {
  // Load the lazy chunks once, so the first test does not time out on them.
  await Promise.all([
    import('@/features/incident-page/components/incident-page'),
    import('@/features/alerts-queue/components/alerts-queue-page'),
    import('@/app/actions/move-action'),
  ]);
});

const isOpen = (status: string) => status === 'active' || status === 'inProgress';

/** An open incident with `min` to `max` alerts, no two of them named alike. */
function incidentWithAlerts(min: number, max = Infinity) {
  const store = runtime.store;
  const found = store.incidents().find((i) => {
    const titles = store.alertsOf(i.id).map((a) => a.title);
    const n = titles.length;
    return isOpen(i.status) && n >= min && n <= max && new Set(titles).size === n;
  });
  if (!found) throw new Error(`No open incident with ${min}–${max} alerts`);
  return { incident: found, alerts: store.alertsOf(found.id) };
}

/** Another open incident, with room for more alerts, to move alerts into. */
function destinationFor(excluded: string) {
  const store = runtime.store;
  const found = store
    .incidents()
    .find((i) => i.id !== excluded && isOpen(i.status) && store.alertsOf(i.id).length < 100);
  if (!found) throw new Error('No destination incident');
  return found;
}

async function openMoveFlyout(name: string) {
  return screen.findByRole('dialog', { name }, LOAD);
}

/** Picks "Link to an existing incident", searches by id and chooses the incident. */
async function pickExisting(
  user: ReturnType<typeof renderApp>['user'],
  flyout: HTMLElement,
  incident: { id: string; displayName: string },
) {
  await user.click(within(flyout).getByRole('radio', { name: 'Link to an existing incident' }));
  const picker = within(flyout).getByRole('combobox', { name: /Incident name or ID/ });
  await user.type(picker, incident.id);
  // The search waits for typing to pause.
  await passTime(1000);
  await user.click(
    await screen.findByRole(
      'option',
      { name: `${incident.displayName} (ID ${incident.id})` },
      LOAD,
    ),
  );
}

describe('move alerts', () => {
  it('warns that an incident will be left without alerts, and resolves it', async () => {
    const { incident, alerts } = incidentWithAlerts(1, 2);
    const { user } = renderApp(`/incidents/${incident.id}/alerts`);
    const grid = await screen.findByRole('grid', { name: 'Alerts' }, LOAD);
    await user.click(within(grid).getByRole('checkbox', { name: 'Select all alerts' }));
    await user.click(screen.getByRole('button', { name: 'Move alerts to another incident' }));

    const flyout = await openMoveFlyout(
      alerts.length === 1
        ? 'Move alert to another incident'
        : 'Move multiple alerts to another incident',
    );
    await within(flyout).findByRole('list', { name: 'Alerts to move' }, LOAD);
    await user.click(within(flyout).getByRole('radio', { name: 'Create a new incident' }));
    expect(
      await within(flyout).findByText(`Incident ${incident.id} will be left without alerts`),
    ).toBeInTheDocument();
    expect(within(flyout).getByText(/resolved automatically/)).toBeInTheDocument();

    await user.click(within(flyout).getByRole('button', { name: 'Save' }));
    await screen.findByText(alerts.length === 1 ? 'Alert moved' : 'Alerts moved', {}, LOAD);
    expect(runtime.store.incident(incident.id)!.status).toBe('resolved');
  });

  it('keeps the alerts it read when reading them again fails, says so, and still moves them', async () => {
    const { incident, alerts } = incidentWithAlerts(2);
    const { queryClient, user } = renderApp(`/incidents/${incident.id}/alerts`);
    const grid = await screen.findByRole('grid', { name: 'Alerts' }, LOAD);
    const alert = alerts[0]!;
    await user.click(within(grid).getByRole('checkbox', { name: `Select alert ${alert.title}` }));
    await user.click(screen.getByRole('button', { name: 'Move alerts to another incident' }));
    const flyout = await openMoveFlyout('Move alert to another incident');
    const list = await within(flyout).findByRole('list', { name: 'Alerts to move' }, LOAD);

    server.use(http.get('*/v1.0/security/alerts_v2', () => graphError('Alerts are resting')));
    await queryClient.invalidateQueries({ queryKey: alertKeys.lists() });
    const stale = await within(flyout).findByRole(
      'status',
      { name: "Couldn't refresh the alerts; showing what was loaded" },
      LOAD,
    );
    expect(stale).toHaveTextContent('Alerts are resting');
    expect(within(flyout).getByRole('list', { name: 'Alerts to move' })).toBe(list);
    expect(within(list).getByText(alert.title)).toBeInTheDocument();

    await user.click(within(flyout).getByRole('radio', { name: 'Create a new incident' }));
    await user.click(within(flyout).getByRole('button', { name: 'Save' }));
    await screen.findByText('Alert moved', {}, LOAD);
    expect(runtime.store.alert(alert.id)!.incidentId).not.toBe(incident.id);
  });

  it('tells a scoped persona before Save that the incident its alert leaves is beyond its rights', async () => {
    // An incident with exactly one Defender for Endpoint alert among alerts of other sources:
    // the scoped persona sees one alert, yet moving it would not empty the incident.
    const store = runtime.store;
    const incident = store.incidents().find((i) => {
      const sources = store.alertsOf(i.id).map((a) => a.serviceSource);
      const endpoint = sources.filter((s) => s === 'microsoftDefenderForEndpoint').length;
      return isOpen(i.status) && endpoint === 1 && sources.length > 1;
    });
    if (!incident) throw new Error('no mixed incident with one endpoint alert');
    const alert = store
      .alertsOf(incident.id)
      .find((a) => a.serviceSource === 'microsoftDefenderForEndpoint')!;
    const { user } = renderApp(
      `/incidents/${incident.id}/overview?alert=${encodeURIComponent(alert.id)}`,
      { upn: 'endpoint.analyst@contoso.com' },
    );
    const panel = await screen.findByRole('dialog', { name: alert.title }, LOAD);
    await user.click(
      await within(panel).findByRole('button', { name: 'Move alert to another incident' }),
    );
    const flyout = await openMoveFlyout('Move alert to another incident');
    await within(flyout).findByRole('list', { name: 'Alerts to move' }, LOAD);
    await user.click(within(flyout).getByRole('radio', { name: 'Create a new incident' }));

    const checks = within(flyout).getByRole('list', { name: 'Checks before moving' });
    expect(
      await within(checks).findByText(
        `endpoint.analyst@contoso.com has no manage permission for all the data incident ${incident.id} holds: its role covers only Microsoft Defender for Endpoint data.`,
      ),
    ).toBeInTheDocument();
    expect(within(flyout).queryByText(/will be left without alerts/)).not.toBeInTheDocument();
    expect(within(flyout).getByRole('button', { name: 'Save' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });

  it('shows the refusal of the server in the flyout, and changes nothing', async () => {
    useFakeTimers();
    const { incident, alerts } = incidentWithAlerts(2);
    const alert = alerts[0]!;
    const destination = destinationFor(incident.id);
    const { user } = renderApp(
      `/incidents/${incident.id}/overview?alert=${encodeURIComponent(alert.id)}`,
    );
    const panel = await screen.findByRole('dialog', { name: alert.title }, LOAD);
    await user.click(
      await within(panel).findByRole('button', { name: 'Move alert to another incident' }),
    );

    const flyout = await openMoveFlyout('Move alert to another incident');
    await within(flyout).findByRole('list', { name: 'Alerts to move' }, LOAD);
    await pickExisting(user, flyout, destination);
    await user.type(within(flyout).getByRole('textbox', { name: 'Comment' }), 'Same host');

    // Someone else resolves the destination after it was picked.
    const resolved = updateIncident(
      runtime.store,
      findPersona('admin@contoso.com')!,
      destination.id,
      { status: 'resolved', classification: 'falsePositive', determination: 'other' },
    );
    expect(resolved.ok).toBe(true);

    // The destination is slow to be read again after the refusal.
    const release = holdRequests(server, `*/security/incidents/${destination.id}`);
    await user.click(within(flyout).getByRole('button', { name: 'Save' }));
    const refusal = await within(flyout).findByRole('alert', {}, LOAD);
    expect(refusal).toHaveTextContent("The alert wasn't moved");
    expect(refusal).toHaveTextContent(`Incident ${destination.id} is resolved`);
    // The form is kept, and nothing moved.
    expect(within(flyout).getByRole('textbox', { name: 'Comment' })).toHaveValue('Same host');
    expect(runtime.store.alert(alert.id)!.incidentId).toBe(incident.id);
    expect(screen.queryByText('Alert moved')).not.toBeInTheDocument();
    // Until it is read again, the checks are the ones the server refused: no Save from them.
    expect(within(flyout).getByRole('button', { name: 'Save' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    release();
    // The preview catches up with the server: the failed check says why, and Save is off.
    const checks = within(flyout).getByRole('list', { name: 'Checks before moving' });
    expect(
      await within(checks).findByText(
        `Incident ${destination.id} is resolved; alerts can only be moved to an active or in-progress incident.`,
      ),
    ).toBeInTheDocument();
    expect(within(flyout).getByRole('button', { name: 'Save' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });
});
