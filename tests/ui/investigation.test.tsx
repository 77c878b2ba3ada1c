/**
 * The investigation graph's List view (seed 004, "Add alerts using the investigation graph"):
 * the incident's alerts and entities as tables, an entity's Related alerts, Add alert to
 * incident (Preview) through the relations dialogs, Remove alert from incident, and a refusal
 * in the server's words that leaves the list (and the store) as they were.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeAll, describe, expect, it } from 'vitest';
import { relationKeys } from '@/api/relations/relation-keys';
import { countsText } from '@/features/investigation/investigation-text';
import { renderApp } from '../render';
import { graphError, holdRequests } from './mock-backend';
import { setupMockServer } from './mock-server';
import { buildStore, evidence, makeAlert, makeIncident } from './test-store';

const HOST = 'FIN-WS-01';
const ENTITY = 'fin-ws-01.contoso.com';

/**
 * 1. The Sentinel incident under investigation: two alerts on FIN-WS-01.
 * 2. A Defender incident of two alerts; its first involves FIN-WS-01 and a file (related to 1).
 * 3. A Defender incident holding incident 2's second (Defender) alert, related by Defender's
 *    portal: Sentinel refuses to remove it.
 */
const STORE = buildStore([
  makeIncident({
    displayName: 'Ransomware on a finance workstation',
    provider: 'sentinel',
    alerts: [
      makeAlert({
        title: 'Ransomware behavior detected in the file system',
        severity: 'high',
        evidence: [evidence.device(HOST), evidence.user('noah.garcia@contoso.com')],
      }),
      makeAlert({
        title: 'Suspicious PowerShell command line',
        severity: 'medium',
        evidence: [evidence.device(HOST)],
      }),
    ],
  }),
  makeIncident({
    displayName: 'Credential theft on FIN-WS-01',
    alerts: [
      makeAlert({
        title: 'Credential dumping activity observed',
        severity: 'medium',
        evidence: [evidence.device(HOST), evidence.file('mimikatz.exe')],
      }),
      makeAlert({
        title: 'Suspicious sign-in after credential dumping',
        severity: 'low',
        evidence: [evidence.user('ava.lee@contoso.com')],
      }),
    ],
  }),
  makeIncident({
    displayName: 'Sign-in anomalies for Finance',
    alerts: [makeAlert({ title: 'Unfamiliar sign-in properties', severity: 'low' })],
    relatedAlerts: [{ incident: 2, alert: 1, by: 'Microsoft Defender XDR' }],
  }),
]);

const { runtime, server } = setupMockServer(STORE);
const LOAD = { timeout: 5000 };
const relatedTo = (incidentId: string) =>
  runtime.store.relationsOf(incidentId).map((r) => r.alertId);

beforeAll(async () => {
  await import('@/features/investigation/components/investigation-page');
});

const rowOf = (table: HTMLElement, text: string) => {
  const row = within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByText(text, { exact: true }));
  if (!row) throw new Error(`no row for ${text}`);
  return row;
};

/**
 * After Retry read the entity's Related alerts: they are shown, Retry is gone, and focus, which
 * was on Retry as it went, is on the entity's Related alerts rather than the page.
 */
async function expectRetried(entities: HTMLElement) {
  expect(
    await within(entities).findByText('1 related alert outside this incident.', {}, LOAD),
  ).toBeInTheDocument();
  const row = rowOf(entities, ENTITY);
  expect(within(row).queryByRole('button', { name: /^Retry/ })).toBeNull();
  expect(within(row).getByRole('button', { name: 'Related alerts' })).toHaveFocus();
}

async function openList(incidentId: string, query = '') {
  const view = renderApp(`/incidents/${incidentId}/investigate?view=list${query}`);
  const alerts = await screen.findByRole('table', { name: 'Alerts' }, LOAD);
  const entities = screen.getByRole('table', { name: 'Entities' });
  return { ...view, alerts, entities };
}

describe('the List view', () => {
  it("lists the incident's alerts and entities, with the list view pressed", async () => {
    const { alerts, entities } = await openList('1');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'Investigate: Ransomware on a finance workstation',
    );
    expect(screen.getByRole('button', { name: 'List view' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const ransomware = rowOf(alerts, 'Ransomware behavior detected in the file system');
    expect(ransomware).toHaveTextContent('In this incident');
    expect(ransomware).toHaveTextContent(`${ENTITY}, noah.garcia@contoso.com`);
    expect(within(alerts).getAllByRole('row')).toHaveLength(3);
    expect(rowOf(entities, ENTITY)).toHaveTextContent('Device');
    expect(rowOf(entities, ENTITY)).toHaveTextContent('2');
    expect(within(entities).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('2 alerts and 2 entities in this incident')).toBeInTheDocument();
  });

  it('counts alerts and entities in words that agree with their number', () => {
    expect(countsText(1, 1)).toBe('1 alert and 1 entity');
    expect(countsText(0, 3)).toBe('0 alerts and 3 entities');
    expect(countsText(150, 1)).toBe('150 alerts and 1 entity');
  });

  it('keeps the related alerts shown when reading them again fails, says so, and retries', async () => {
    const { user, queryClient, alerts, entities } = await openList('1');
    await user.click(
      within(rowOf(entities, ENTITY)).getByRole('button', { name: 'Related alerts' }),
    );
    await within(entities).findByText('1 related alert outside this incident.', {}, LOAD);
    server.use(http.get('*/entities/alerts', () => graphError('Entities are resting')));
    await queryClient.invalidateQueries({ queryKey: relationKeys.entityAlerts() });

    expect(
      await within(entities).findByText(
        "1 related alert outside this incident. Couldn't refresh them; showing what was loaded (Entities are resting).",
        {},
        LOAD,
      ),
    ).toBeInTheDocument();
    expect(rowOf(alerts, 'Credential dumping activity observed')).toHaveTextContent(
      'Related alert, in incident 2',
    );

    // Retry reads them again, says so meanwhile, and the warning goes once it succeeds.
    server.resetHandlers();
    const release = holdRequests(server, '*/entities/alerts');
    await user.click(within(rowOf(entities, ENTITY)).getByRole('button', { name: 'Retry' }));
    expect(
      await within(rowOf(entities, ENTITY)).findByRole('button', { name: 'Retrying…' }),
    ).toBeInTheDocument();
    release();
    await expectRetried(entities);
  });

  it('says why Related alerts could not be loaded, and Retry loads them', async () => {
    const { user, entities } = await openList('1');
    server.use(
      http.get('*/entities/alerts', () => graphError('Entities are resting', 400, 'BadRequest')),
    );
    await user.click(
      within(rowOf(entities, ENTITY)).getByRole('button', { name: 'Related alerts' }),
    );
    expect(
      await within(entities).findByText(
        'Related alerts could not be loaded: Entities are resting',
        {},
        LOAD,
      ),
    ).toBeInTheDocument();

    server.resetHandlers();
    await user.click(within(rowOf(entities, ENTITY)).getByRole('button', { name: 'Retry' }));
    await expectRetried(entities);
  });

  it('Related alerts, then Add alert to incident (Preview), then Remove alert from incident', async () => {
    const { user, alerts, entities } = await openList('1');
    await user.click(
      within(rowOf(entities, ENTITY)).getByRole('button', { name: 'Related alerts' }),
    );
    expect(
      await within(entities).findByText('1 related alert outside this incident.', {}, LOAD),
    ).toBeInTheDocument();
    const related = rowOf(alerts, 'Credential dumping activity observed');
    expect(related).toHaveTextContent('Related alert, in incident 2');
    expect(related).toHaveTextContent(ENTITY);
    // Not yet in the incident: its file is not among the entities.
    expect(within(entities).queryByText('mimikatz.exe')).toBeNull();

    await user.click(
      within(related).getByRole('button', { name: 'Add alert to incident (Preview)' }),
    );
    const dialog = await screen.findByRole('alertdialog', {
      name: 'This alert is part of another incident',
    });
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(await screen.findByText('Alert added', {}, LOAD)).toBeInTheDocument();
    const alertId = runtime.store.alertsOf('2')[0]!.id;
    expect(relatedTo('1')).toContain(alertId);
    // Added: it says so, offers Remove, and its file joined the entities.
    await waitFor(
      () =>
        expect(rowOf(alerts, 'Credential dumping activity observed')).toHaveTextContent(
          'Added to this incident (from incident 2)',
        ),
      LOAD,
    );
    expect(await within(entities).findByText('mimikatz.exe', {}, LOAD)).toBeInTheDocument();

    await user.click(
      within(rowOf(alerts, 'Credential dumping activity observed')).getByRole('button', {
        name: 'Remove alert from incident',
      }),
    );
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove alert from incident?' });
    await user.click(within(confirm).getByRole('button', { name: 'Remove alert' }));
    expect(await screen.findByText('Alert removed', {}, LOAD)).toBeInTheDocument();
    expect(relatedTo('1')).not.toContain(alertId);
    // Still explored: it is a related alert again, and its file left with it.
    await waitFor(
      () =>
        expect(rowOf(alerts, 'Credential dumping activity observed')).toHaveTextContent(
          'Related alert, in incident 2',
        ),
      LOAD,
    );
    expect(within(entities).queryByText('mimikatz.exe')).toBeNull();
  });

  it("a refusal shows the server's message and leaves the list as it was", async () => {
    const { user, alerts } = await openList('3');
    const before = relatedTo('3');
    await within(alerts).findByText('Suspicious sign-in after credential dumping', {}, LOAD);
    const row = rowOf(alerts, 'Suspicious sign-in after credential dumping');
    expect(row).toHaveTextContent('Added to this incident (from incident 2)');
    await user.click(within(row).getByRole('button', { name: 'Remove alert from incident' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove alert from incident?' });
    await user.click(within(confirm).getByRole('button', { name: 'Remove alert' }));
    expect(await screen.findByText('The alert was not removed', {}, LOAD)).toBeInTheDocument();
    expect(
      screen.getByText(
        'Failed to delete relation. Microsoft Defender XDR alerts cannot be removed from Microsoft Defender XDR incidents.',
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(relatedTo('3')).toEqual(before);
    // Fluent hands the page back to assistive technology just after the dialog leaves.
    await waitFor(() =>
      expect(rowOf(alerts, 'Suspicious sign-in after credential dumping')).toHaveTextContent(
        'Added to this incident (from incident 2)',
      ),
    );
  });

  it('keeps the explored entities in the URL: Related alerts puts one there, pressed again takes it out', async () => {
    const { user, entities, router } = await openList('1');
    await user.click(
      within(rowOf(entities, ENTITY)).getByRole('button', { name: 'Related alerts' }),
    );
    await within(entities).findByText('1 related alert outside this incident.', {}, LOAD);
    expect(new URLSearchParams(router.state.location.search).getAll('explore')).toEqual([
      `device:${ENTITY}`,
    ]);
    // Pressed again: the entity leaves the URL.
    await user.click(
      within(rowOf(entities, ENTITY)).getByRole('button', { name: 'Related alerts' }),
    );
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).getAll('explore')).toEqual([]),
    );
  });

  it('opens with the exploration the URL names, and ignores values that name no entity', async () => {
    const bad = ['nonsense', 'planet:earth', 'device:', 'user:nobody@contoso.com', ':x'];
    const query = [`device:${ENTITY}`, ...bad]
      .map((v) => `&explore=${encodeURIComponent(v)}`)
      .join('');
    const { alerts, entities } = await openList('1', query);
    expect(
      await within(entities).findByText('1 related alert outside this incident.', {}, LOAD),
    ).toBeInTheDocument();
    expect(rowOf(alerts, 'Credential dumping activity observed')).toHaveTextContent(
      'Related alert, in incident 2',
    );
    expect(
      within(rowOf(entities, ENTITY)).getByRole('button', { name: 'Related alerts' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(within(entities).getAllByRole('row')).toHaveLength(3);
  });
});
