/**
 * Moving alerts to another incident (seed 001, issue 5) through the real handlers: every entry
 * point opens the one flyout with the right title; both destinations (an existing incident found
 * through the type-ahead, a new incident); the warning for an incident left without alerts; and
 * a refusal by the server, shown in the flyout, with nothing changed.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { updateIncident } from '@mocks/store/manage';
import { findPersona } from '@mocks/store/personas';
import { renderApp } from '../render';
import { setupMockServer } from './mock-server';

const { runtime } = setupMockServer();

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
  await user.click(
    await screen.findByRole(
      'option',
      { name: `${incident.displayName} (ID ${incident.id})` },
      LOAD,
    ),
  );
}

describe('move alerts', { timeout: 60_000 }, () => {
  it("moves two alerts from an incident's Alerts tab to a new incident", async () => {
    const { incident, alerts } = incidentWithAlerts(3);
    const { user } = renderApp(`/incidents/${incident.id}/alerts`);
    const grid = await screen.findByRole('grid', { name: 'Alerts' }, LOAD);
    const [first, second] = alerts;
    await user.click(within(grid).getByRole('checkbox', { name: `Select alert ${first!.title}` }));
    await user.click(within(grid).getByRole('checkbox', { name: `Select alert ${second!.title}` }));
    const opener = screen.getByRole('button', { name: 'Move alerts to another incident' });
    await user.click(opener);

    const flyout = await openMoveFlyout('Move multiple alerts to another incident');
    const list = await within(flyout).findByRole('list', { name: 'Alerts to move' }, LOAD);
    expect(within(list).getByText(first!.title)).toBeInTheDocument();
    expect(within(list).getByText(second!.title)).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(list).getAllByText(`From incident ${incident.displayName} (ID ${incident.id})`),
      ).toHaveLength(2),
    );
    const save = within(flyout).getByRole('button', { name: 'Save' });
    expect(save).toHaveAttribute('aria-disabled', 'true');

    await user.click(within(flyout).getByRole('radio', { name: 'Create a new incident' }));
    expect(within(flyout).getByText(/named automatically/)).toBeInTheDocument();
    await user.type(within(flyout).getByRole('textbox', { name: 'Comment' }), 'Separate campaign');
    await user.click(within(flyout).getByRole('combobox', { name: 'Correlation reasons' }));
    await user.click(await screen.findByRole('option', { name: 'Same actor' }));
    // Nothing is left empty: the incident keeps its other alerts.
    expect(within(flyout).queryByText(/left without alerts/)).not.toBeInTheDocument();
    expect(save).not.toHaveAttribute('aria-disabled');
    await user.click(save);

    expect(await screen.findByText('Alerts moved', {}, LOAD)).toBeInTheDocument();
    const target = runtime.store.alert(first!.id)!.incidentId;
    expect(target).not.toBe(incident.id);
    expect(runtime.store.alert(second!.id)!.incidentId).toBe(target);
    expect(runtime.store.incident(target)!.nameIsAutomatic).toBe(true);
    const correlated = runtime.store
      .activities(target)
      .filter((e) => e.action === 'alertCorrelated');
    expect(correlated).toHaveLength(2);
    expect(correlated[0]!.comment).toBe('Separate campaign');
    expect(correlated[0]!.description).toContain('Same actor');
    expect(screen.getByRole('link', { name: `Open incident ${target}` })).toHaveAttribute(
      'href',
      `/incidents/${target}/alerts`,
    );

    // The flyout closes, the grid refreshes without the moved alerts, the selection clears and
    // focus returns to the button that opened the flyout.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), LOAD);
    await waitFor(
      () => expect(within(grid).getAllByRole('row')).toHaveLength(alerts.length - 2 + 1),
      LOAD,
    );
    expect(screen.queryByText(/selected$/)).not.toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Move alerts to another incident' })).toHaveFocus(),
    );
  });

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

  it('moves the alerts selected in the Alerts queue to an existing incident', async () => {
    const { incident, alerts } = incidentWithAlerts(2);
    const alert = alerts[0]!;
    const destination = destinationFor(incident.id);
    const { user } = renderApp(`/alerts?q=${encodeURIComponent(alert.id)}&status=any`);
    const grid = await screen.findByRole('grid', { name: 'Alerts' }, LOAD);
    await user.click(within(grid).getByRole('checkbox', { name: `Select alert ${alert.title}` }));
    await user.click(screen.getByRole('button', { name: 'Move alerts to another incident' }));

    const flyout = await openMoveFlyout('Move alert to another incident');
    await within(flyout).findByRole('list', { name: 'Alerts to move' }, LOAD);
    await pickExisting(user, flyout, destination);
    expect(within(flyout).getByRole('list', { name: 'Checks before moving' })).toBeInTheDocument();
    await user.click(within(flyout).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Alert moved', {}, LOAD)).toBeInTheDocument();
    expect(runtime.store.alert(alert.id)!.incidentId).toBe(destination.id);
    // The grid's incident column follows, and the selection is gone.
    await waitFor(
      () =>
        expect(
          within(grid).getByRole('link', { name: `Incident ${destination.id}` }),
        ).toBeInTheDocument(),
      LOAD,
    );
    expect(screen.queryByText(/selected$/)).not.toBeInTheDocument();
  });

  it('shows the refusal of the server in the flyout, and changes nothing', async () => {
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

    await user.click(within(flyout).getByRole('button', { name: 'Save' }));
    const refusal = await within(flyout).findByRole('alert', {}, LOAD);
    expect(refusal).toHaveTextContent("The alert wasn't moved");
    expect(refusal).toHaveTextContent(`Incident ${destination.id} is resolved`);
    // The form is kept, and nothing moved.
    expect(within(flyout).getByRole('textbox', { name: 'Comment' })).toHaveValue('Same host');
    expect(runtime.store.alert(alert.id)!.incidentId).toBe(incident.id);
    expect(screen.queryByText('Alert moved')).not.toBeInTheDocument();
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
