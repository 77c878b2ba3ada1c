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
import { setupMockServer } from './mock-server';

const { runtime } = setupMockServer();

const LOAD = { timeout: 5000 };

// Both are lazy chunks: load them once so the first test does not time out on them.
beforeAll(async () => {
  await import('@/features/incident-page/components/incident-page');
  await import('@/features/alert-details/components/alert-details-panel');
});

/** A live incident whose alerts carry rich evidence (a device, a file, a process…). */
function incidentWithRichEvidence() {
  const store = runtime.store;
  for (const incident of store.incidents()) {
    if (incident.status === 'redirected') continue;
    const alert = store
      .alertsOf(incident.id)
      .find((a) =>
        [EVIDENCE_TYPE.device, EVIDENCE_TYPE.file, EVIDENCE_TYPE.process, EVIDENCE_TYPE.user].every(
          (type) => a.evidence.some((e) => e['@odata.type'] === type),
        ),
      );
    if (alert) return { incident, alert };
  }
  throw new Error('The seed has no alert with device, file, process and user evidence.');
}

function evidenceOf<T>(alert: { evidence: readonly { '@odata.type': string }[] }, type: string) {
  return alert.evidence.filter((e) => e['@odata.type'] === type) as unknown as T[];
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
    expect(within(panel).getByText(`Alert ID: ${alert.id}`).parentElement).toHaveTextContent(
      SEVERITY_LABELS[alert.severity],
    );
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
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
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

  it('keeps Move alert to another incident disabled and says why', async () => {
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
    expect(move).toHaveAttribute('aria-disabled', 'true');
    await waitFor(() => expect(move).toHaveAccessibleDescription('Not available yet'));
  });

  it("follows the alert's incident link and closes", async () => {
    const { incident, alert } = incidentWithRichEvidence();
    const { router, user } = renderApp(`/alerts?alert=${encodeURIComponent(alert.id)}`);
    const panel = await screen.findByRole('dialog', { name: alert.title }, LOAD);
    await user.click(within(panel).getByRole('link', { name: `Incident ${incident.id}` }));
    expect(router.state.location.pathname).toBe(`/incidents/${incident.id}/overview`);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(
      await screen.findByRole('heading', { level: 1, name: incident.displayName }, LOAD),
    ).toBeInTheDocument();
  });
});
