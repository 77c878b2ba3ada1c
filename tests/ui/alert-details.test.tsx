/**
 * The alert details panel: mounted once by the shell, opened by `?alert=<id>` from any screen,
 * closed by its close button or Escape, which also removes the parameter.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEVERITY_LABELS } from '@/domain/enums';
import type {
  DeviceEvidence,
  FileEvidence,
  IpEvidence,
  ProcessEvidence,
  UserEvidence,
} from '@/domain/graph';
import { EVIDENCE_TYPE } from '@/domain/graph';
import { renderApp } from '../render';
import { holdLock } from './mock-backend';
import { setupMockServer } from './mock-server';
import { buildStore, evidence, makeAlert, makeIncident } from './test-store';

/**
 * Incident 1's first alert is new, unassigned and unclassified, with a device, a file, a process,
 * a user and an IP address as evidence; the incident has a second alert, and incident 2 is beside.
 */
const STORE = buildStore([
  makeIncident({
    displayName: 'Ransomware activity on FIN-WS-01',
    alerts: [
      makeAlert({
        title: 'Ransomware behavior detected in the file system',
        description: 'Files on FIN-WS-01 were encrypted and renamed in a short time.',
        severity: 'high',
        evidence: [
          evidence.device('FIN-WS-01'),
          evidence.file('locker.exe'),
          evidence.process('locker.exe --encrypt C:\\Shares'),
          evidence.user('noah.garcia@contoso.com'),
          evidence.ip('185.220.101.47'),
        ],
      }),
      makeAlert({ title: 'Suspicious PowerShell command line', severity: 'medium' }),
    ],
  }),
  makeIncident({ displayName: 'Phishing campaign targeting Finance' }),
]);

const { runtime } = setupMockServer(STORE);

const LOAD = { timeout: 5000 };

// Both are lazy chunks: load them once so the first test does not time out on them.
beforeAll(async () => {
  await import('@/features/incident-page/components/incident-page');
  await import('@/features/alert-details/components/alert-details-panel');
});

/** Incident 1 and its first alert, whose evidence is rich (a device, a file, a process…). */
function incidentWithRichEvidence() {
  const incident = runtime.store.incident('1')!;
  return { incident, alert: runtime.store.alertsOf(incident.id)[0]! };
}

function evidenceOf<T>(alert: { evidence: readonly { '@odata.type': string }[] }, type: string) {
  return alert.evidence.filter((e) => e['@odata.type'] === type) as unknown as T[];
}

/** The panel's first line: the severity and status badges, then "Alert ID: …". */
function summaryLine(panel: HTMLElement, alertId: string): HTMLElement {
  const id = `Alert ID: ${alertId}`;
  return within(panel).getByText((_, element) => {
    const text = element?.textContent ?? '';
    return text.endsWith(id) && text !== id;
  });
}

describe('alert details panel', () => {
  it('opens from the Alerts tab with the alert and its evidence, and closes back to the link', async () => {
    const { incident, alert } = incidentWithRichEvidence();
    const { router, user } = renderApp(`/incidents/${incident.id}/alerts`);

    const grid = await screen.findByRole('grid', { name: 'Alerts' }, LOAD);
    const row = within(grid)
      .getAllByRole('row')
      .find((r) => within(r).queryByRole('checkbox', { name: `Select alert ${alert.title}` }))!;
    // Titles repeat within an incident: pick the link whose href names this alert.
    const link = within(grid)
      .getAllByRole('link', { name: alert.title })
      .find((a) => a.getAttribute('href')?.endsWith(`alert=${encodeURIComponent(alert.id)}`))!;
    expect(row).toBeDefined();
    await user.click(link);
    expect(router.state.location.search).toBe(`?alert=${encodeURIComponent(alert.id)}`);
    // Opening an alert is not selecting its row.
    expect(screen.queryByText('1 selected')).not.toBeInTheDocument();

    const panel = await screen.findByRole('dialog', { name: alert.title }, LOAD);
    expect(within(panel).getByText(`Alert ID: ${alert.id}`)).toBeInTheDocument();
    expect(summaryLine(panel, alert.id)).toHaveTextContent(SEVERITY_LABELS[alert.severity]);
    expect(within(panel).getByRole('link', { name: `Incident ${incident.id}` })).toHaveAttribute(
      'href',
      `/incidents/${incident.id}/overview`,
    );
    if (alert.description) expect(within(panel).getByText(alert.description)).toBeInTheDocument();

    const group = (name: RegExp) => within(panel).getByRole('list', { name });
    const devices = evidenceOf<DeviceEvidence>(alert, EVIDENCE_TYPE.device);
    const deviceList = group(/^Devices \(\d+\)$/);
    expect(within(deviceList).getAllByRole('listitem')).toHaveLength(devices.length);
    expect(within(deviceList).getByText(devices[0]!.hostName!)).toBeInTheDocument();

    const files = evidenceOf<FileEvidence>(alert, EVIDENCE_TYPE.file);
    const fileList = group(/^Files \(\d+\)$/);
    expect(within(fileList).getByText(files[0]!.fileDetails!.sha256!)).toBeInTheDocument();

    const processes = evidenceOf<ProcessEvidence>(alert, EVIDENCE_TYPE.process);
    expect(
      within(group(/^Processes \(\d+\)$/)).getByText(processes[0]!.processCommandLine!),
    ).toBeInTheDocument();

    const users = evidenceOf<UserEvidence>(alert, EVIDENCE_TYPE.user);
    expect(
      within(group(/^Users \(\d+\)$/)).getAllByText(users[0]!.userAccount!.userPrincipalName!)
        .length,
    ).toBeGreaterThan(0);

    const ips = evidenceOf<IpEvidence>(alert, EVIDENCE_TYPE.ip);
    if (ips[0]?.ipAddress) {
      expect(within(group(/^IP addresses/)).getByText(ips[0].ipAddress)).toBeInTheDocument();
    }

    await user.click(within(panel).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(router.state.location.search).toBe('');
    expect(router.state.location.pathname).toBe(`/incidents/${incident.id}/alerts`);
    await waitFor(() => expect(link).toHaveFocus());
  });

  it('closes on Escape and removes the parameter', async () => {
    const { incident, alert } = incidentWithRichEvidence();
    const { router, user } = renderApp(
      `/incidents/${incident.id}/overview?alert=${encodeURIComponent(alert.id)}`,
    );
    expect(await screen.findByRole('dialog', { name: alert.title }, LOAD)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(router.state.location.search).toBe('');
    // Opened straight from the URL there is no opener: focus lands on the page, not the body.
    await waitFor(() => expect(document.body).not.toHaveFocus());
  });

  it("shows Graph's not-found message for an unknown alert id", async () => {
    const { incident } = incidentWithRichEvidence();
    renderApp(`/incidents/${incident.id}/overview?alert=da000000000000000000_1`);
    const panel = await screen.findByRole('dialog', {}, LOAD);
    const error = await within(panel).findByRole('alert', {}, LOAD);
    expect(error).toHaveTextContent("Couldn't load alert da000000000000000000_1");
    expect(error).toHaveTextContent('Alert da000000000000000000_1 was not found.');
    expect(within(error).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('enables Move alert to another incident for an analyst and disables it, with why, for a reader', async () => {
    const { incident, alert } = incidentWithRichEvidence();
    const path = `/incidents/${incident.id}/overview?alert=${encodeURIComponent(alert.id)}`;
    const { unmount } = renderApp(path, { upn: 'reader@contoso.com' });
    let panel = await screen.findByRole('dialog', { name: alert.title }, LOAD);
    let move = within(panel).getByRole('button', { name: 'Move alert to another incident' });
    expect(move).toHaveAttribute('aria-disabled', 'true');
    await waitFor(() =>
      expect(move).toHaveAccessibleDescription('Requires Security Operator access'),
    );
    unmount();

    renderApp(path, { upn: 'analyst@contoso.com' });
    panel = await screen.findByRole('dialog', { name: alert.title }, LOAD);
    move = within(panel).getByRole('button', { name: 'Move alert to another incident' });
    await waitFor(() => expect(move).not.toHaveAttribute('aria-disabled', 'true'));
  });

  it("follows the alert's incident link and closes", async () => {
    const { incident, alert } = incidentWithRichEvidence();
    const { router, user } = renderApp(`/alerts?alert=${encodeURIComponent(alert.id)}`);
    const panel = await screen.findByRole('dialog', { name: alert.title }, LOAD);
    await user.click(within(panel).getByRole('link', { name: `Incident ${incident.id}` }));
    expect(router.state.location.pathname).toBe(`/incidents/${incident.id}/overview`);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), LOAD);
    expect(
      await screen.findByRole('heading', { level: 1, name: incident.displayName }, LOAD),
    ).toBeInTheDocument();
  });
});

/** An open alert of an open incident, new, unassigned and unclassified. */
function manageableAlert() {
  const { incident, alert } = incidentWithRichEvidence();
  expect(alert).toMatchObject({
    status: 'new',
    assignedTo: null,
    classification: null,
    determination: null,
  });
  return { incident, alert };
}

async function openPanel(incidentId: string, alertId: string, upn?: string) {
  const view = renderApp(
    `/incidents/${incidentId}/overview?alert=${encodeURIComponent(alertId)}`,
    upn ? { upn } : {},
  );
  const panel = await screen.findByRole('dialog', {}, LOAD);
  const form = await within(panel).findByRole('form', { name: 'Manage alert' }, LOAD);
  return { ...view, panel, form };
}

async function choose(
  user: ReturnType<typeof renderApp>['user'],
  form: HTMLElement,
  field: string,
  option: string,
) {
  await user.click(within(form).getByRole('combobox', { name: field }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('managing an alert from its panel', () => {
  it('sets the status, shows it at once and records it in the incident activity log', async () => {
    const { incident, alert } = manageableAlert();
    const { form, panel, user } = await openPanel(incident.id, alert.id);
    const save = within(form).getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    await choose(user, form, 'Status', 'Resolved');
    expect(within(form).getByText('1 unsaved change')).toBeInTheDocument();
    await user.click(save);
    // The badge next to the alert id follows at once.
    expect(summaryLine(panel, alert.id)).toHaveTextContent('Resolved');
    expect(await within(form).findByText(/Alert updated/, {}, LOAD)).toBeInTheDocument();
    expect(runtime.store.alert(alert.id)!.status).toBe('resolved');
    const audit = runtime.store
      .activities(incident.id)
      .find((e) => e.action === 'alertStatusChanged' && e.targetId === alert.id);
    expect(audit).toMatchObject({ oldValue: 'new', newValue: 'resolved' });
    expect(save).toBeDisabled();
  });

  it('assigns to me, to someone from the directory, and clears the owner', async () => {
    const { incident, alert } = manageableAlert();
    const { form, user } = await openPanel(incident.id, alert.id);
    const owner = within(form).getByRole('combobox', { name: 'Assigned to' });
    await user.click(within(form).getByRole('button', { name: 'Assign to me' }));
    expect(owner).toHaveValue('analyst@contoso.com');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(runtime.store.alert(alert.id)!.assignedTo).toBe('analyst@contoso.com'),
    );

    await user.clear(owner);
    await user.type(owner, 'tier2');
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Jordan Tier2 tier2@contoso.com']);
    await user.click(options[0]!);
    expect(owner).toHaveValue('tier2@contoso.com');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(runtime.store.alert(alert.id)!.assignedTo).toBe('tier2@contoso.com'),
    );

    await user.clear(owner);
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(runtime.store.alert(alert.id)!.assignedTo).toBeNull());
    expect(owner).toHaveValue('');
  });

  it('offers only the determinations of the chosen classification and saves the pair', async () => {
    const { incident, alert } = manageableAlert();
    const { form, user } = await openPanel(incident.id, alert.id);
    const determination = within(form).getByRole('combobox', { name: 'Determination' });
    expect(determination).toBeDisabled();

    await choose(user, form, 'Classification', 'False positive');
    await user.click(determination);
    expect((await screen.findAllByRole('option')).map((o) => o.textContent)).toEqual([
      'Not set',
      'Not malicious',
      'Not enough data to validate',
      'Other',
    ]);
    await user.keyboard('{Escape}');

    await choose(user, form, 'Classification', 'True positive');
    await choose(user, form, 'Determination', 'Malware');
    // A classification the determination doesn't fit resets it.
    await choose(user, form, 'Classification', 'Informational, expected activity');
    expect(determination).toHaveTextContent('Not set');
    await choose(user, form, 'Classification', 'True positive');
    await choose(user, form, 'Determination', 'Phishing');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(runtime.store.alert(alert.id)).toMatchObject({
        classification: 'truePositive',
        determination: 'phishing',
      }),
    );
  });

  it("rolls back a refused change and names the server's reason", async () => {
    const { incident, alert } = manageableAlert();
    const { form, panel, user } = await openPanel(incident.id, alert.id);
    holdLock(runtime.store, [incident.id]);
    await choose(user, form, 'Status', 'In progress');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    const error = await within(form).findByRole(
      'group',
      { name: "Couldn't update the alert" },
      LOAD,
    );
    expect(error).toHaveTextContent(
      `Alert ${alert.id} belongs to incident ${incident.id}, which is being merged; try again when the merge has finished.`,
    );
    expect(summaryLine(panel, alert.id)).toHaveTextContent('New');
    // The analyst's choice is still there to retry.
    expect(within(form).getByRole('combobox', { name: 'Status' })).toHaveTextContent('In progress');
    expect(runtime.store.alert(alert.id)!.status).toBe('new');
  });

  it('posts a formatted comment on the alert', async () => {
    const { incident, alert } = manageableAlert();
    const { panel, user } = await openPanel(incident.id, alert.id);
    await user.click(within(panel).getByRole('textbox', { name: 'Comment' }));
    await user.paste('**Confirmed** with the [owner](https://contoso.example/ticket/7)');
    await user.click(within(panel).getByRole('button', { name: 'Post comment' }));
    const list = await within(panel).findByRole('list', { name: 'Alert comments' }, LOAD);
    expect(
      await within(list).findByText('Confirmed', { selector: 'strong' }, LOAD),
    ).toBeInTheDocument();
    expect(within(list).getByRole('link', { name: 'owner' })).toHaveAttribute(
      'href',
      'https://contoso.example/ticket/7',
    );
    await waitFor(() =>
      expect(runtime.store.alert(alert.id)!.comments?.at(-1)?.comment).toBe(
        '**Confirmed** with the [owner](https://contoso.example/ticket/7)',
      ),
    );
    expect(runtime.store.activities(incident.id).at(-1)).toMatchObject({
      kind: 'comment',
      targetId: alert.id,
    });
  });

  it('disables managing and commenting for a read-only persona and says why', async () => {
    const { incident, alert } = manageableAlert();
    const { form, panel } = await openPanel(incident.id, alert.id, 'reader@contoso.com');
    const reason = `reader@contoso.com (Security Reader) has read-only access and cannot change alert ${alert.id}. Missing permission SecurityAlert.ReadWrite.All.`;
    await waitFor(() => expect(within(form).getByText(reason)).toBeInTheDocument());
    expect(within(form).getByRole('combobox', { name: 'Status' })).toBeDisabled();
    expect(within(form).getByRole('combobox', { name: 'Classification' })).toBeDisabled();
    expect(within(form).getByRole('combobox', { name: 'Assigned to' })).toBeDisabled();
    expect(within(form).getByRole('button', { name: 'Assign to me' })).toBeDisabled();
    expect(within(panel).getByRole('textbox', { name: 'Comment' })).toBeDisabled();
    expect(within(panel).getByRole('button', { name: 'Post comment' })).toBeDisabled();
  });
});
