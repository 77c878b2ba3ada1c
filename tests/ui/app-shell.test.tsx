import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GRAPH_BASE } from '@/api/config';
import { DEFAULT_INCIDENT_LIST_PARAMS } from '@/api/incidents/incidents-api';
import { renderApp } from '../render';
import { listIncidentsAs } from './graph-fixture';
import { setupMockServer } from './mock-server';

setupMockServer();

describe('app shell', () => {
  it('shows the product name, the default persona and its role', async () => {
    const { user } = renderApp('/incidents');
    // Screens are lazy chunks: the first render comes after the route's module has loaded.
    expect(await screen.findByRole('link', { name: 'SOC incident console' })).toBeInTheDocument();
    const persona = screen.getByRole('combobox', { name: 'Persona' });
    await waitFor(() => expect(persona).toHaveTextContent('Avery Analyst'));

    await user.click(persona);
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Security Operator'),
        expect.stringContaining('Security Reader'),
        expect.stringContaining('Security Administrator'),
        expect.stringMatching(/Eli Endpoint.*Microsoft Defender for Endpoint only/),
      ]),
    );
  });

  it('resets the demo data after confirmation, and says so', async () => {
    const { value } = await listIncidentsAs('analyst@contoso.com', DEFAULT_INCIDENT_LIST_PARAMS);
    const first = value[0]!;
    const patched = await fetch(`${GRAPH_BASE}/security/incidents/${first.id}`, {
      method: 'PATCH',
      headers: {
        Authorization: 'Bearer mock.analyst@contoso.com',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ displayName: 'Renamed by a test' }),
    });
    expect(patched.ok).toBe(true);

    const { user } = renderApp('/incidents');
    expect(await screen.findByRole('link', { name: 'Renamed by a test' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Reset demo data' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset demo data?' });
    await user.click(within(dialog).getByRole('button', { name: 'Reset' }));

    expect(await screen.findByRole('listitem', { name: 'Demo data restored' })).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Renamed by a test' })).not.toBeInTheDocument(),
    );
    const restored = screen
      .getAllByRole('link', { name: first.displayName! })
      .filter((link) => link.getAttribute('href') === `/incidents/${first.id}/overview`);
    expect(restored).toHaveLength(1);
  });

  it('cancels a reset without touching the data', async () => {
    const { user } = renderApp('/incidents');
    await screen.findByRole('grid', { name: 'Incidents' });
    await user.click(screen.getByRole('button', { name: 'Reset demo data' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset demo data?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByRole('listitem', { name: 'Demo data restored' })).not.toBeInTheDocument();
  });

  it('toggles the theme and remembers it', async () => {
    const { user } = renderApp('/incidents');
    await user.click(await screen.findByRole('button', { name: 'Switch to dark theme' }));
    expect(screen.getByRole('button', { name: 'Switch to light theme' })).toBeInTheDocument();
    expect(window.localStorage.getItem('soc-console.theme')).toBe('dark');
  });

  it("shows the mock worker's notice until dismissed", async () => {
    const { user } = renderApp('/incidents', {
      notice: {
        intent: 'warning',
        message: 'Stored demo data was unreadable, so it was restored.',
      },
    });
    expect(
      await screen.findByText('Stored demo data was unreadable, so it was restored.'),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/Stored demo data was unreadable/)).not.toBeInTheDocument();
  });

  it('answers an unknown path with a way back', async () => {
    renderApp('/nowhere');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to incidents' })).toHaveAttribute(
      'href',
      '/incidents',
    );
  });
});
