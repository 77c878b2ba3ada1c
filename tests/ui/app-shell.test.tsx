/**
 * The shell around every screen: product name, persona switcher, Reset demo data (refused and
 * cancelled; the reset itself and the remembered theme are walked in tests/e2e/shell.spec.ts),
 * the mock worker's notice, and unknown paths.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../render';
import { setupMockServer } from './mock-server';
import { buildStore, makeIncident } from './test-store';

setupMockServer(
  buildStore([makeIncident(), makeIncident({ status: 'inProgress' }), makeIncident()]),
);

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

  it.each([
    ['reader@contoso.com', /has read-only access and cannot change the demo data/],
    ['endpoint.analyst@contoso.com', /covers only Microsoft Defender for Endpoint data/],
  ])('disables Reset demo data for %s and says why', async (upn, why) => {
    renderApp('/incidents', { upn });
    await screen.findByRole('grid', { name: 'Incidents' });
    const reset = await screen.findByRole('button', { name: 'Reset demo data' });
    await waitFor(() => expect(reset).toHaveAttribute('aria-disabled', 'true'));
    expect(reset).toHaveAccessibleDescription(why);
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
