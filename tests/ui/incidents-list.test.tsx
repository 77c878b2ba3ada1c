import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INCIDENT_LIST_PARAMS } from '@/api/incidents/incidents-api';
import { renderApp } from '../render';
import { listIncidentsAs, totalText } from './graph-fixture';
import { setupMockServer } from './mock-server';

const { server } = setupMockServer();

describe('incident list', () => {
  it('shows the first page of the default queue and the total, from the real handlers', async () => {
    const expected = await listIncidentsAs('analyst@contoso.com', DEFAULT_INCIDENT_LIST_PARAMS);
    expect(expected['@odata.count']).toBeGreaterThan(0);

    renderApp('/incidents');

    const grid = await screen.findByRole('grid', { name: 'Incidents' });
    expect(screen.getByText(totalText(expected['@odata.count'] ?? 0))).toBeInTheDocument();
    const rows = within(grid).getAllByRole('row');
    expect(rows).toHaveLength(expected.value.length + 1); // + header row
    const first = expected.value[0]!;
    const link = within(rows[1]!).getByRole('link', { name: first.displayName! });
    expect(link).toHaveAttribute('href', `/incidents/${first.id}`);
    expect(within(rows[1]!).getByText(first.id!)).toBeInTheDocument();
  });

  it('starts at / and redirects to the incident list', async () => {
    const { router } = renderApp('/');
    expect(await screen.findByRole('grid', { name: 'Incidents' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/incidents');
  });

  it('lists fewer incidents after switching to the endpoint-scoped persona, and remembers it', async () => {
    const all = await listIncidentsAs('analyst@contoso.com', DEFAULT_INCIDENT_LIST_PARAMS);
    const endpoint = await listIncidentsAs(
      'endpoint.analyst@contoso.com',
      DEFAULT_INCIDENT_LIST_PARAMS,
    );
    const allCount = all['@odata.count'] ?? 0;
    const endpointCount = endpoint['@odata.count'] ?? 0;
    expect(endpointCount).toBeGreaterThan(0);
    expect(endpointCount).toBeLessThan(allCount);

    const { user } = renderApp('/incidents');
    expect(await screen.findByText(totalText(allCount))).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Persona' }));
    await user.click(await screen.findByRole('option', { name: /Eli Endpoint/ }));

    expect(await screen.findByText(totalText(endpointCount))).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Persona' })).toHaveTextContent('Eli Endpoint');
    const grid = screen.getByRole('grid', { name: 'Incidents' });
    const firstRow = within(grid).getAllByRole('row')[1]!;
    expect(within(firstRow).getByText(endpoint.value[0]!.id!)).toBeInTheDocument();
    expect(window.localStorage.getItem('soc-console.persona')).toBe('endpoint.analyst@contoso.com');
  });

  it("shows the server's message, and Retry loads the list once the server recovers", async () => {
    server.use(
      http.get('*/v1.0/security/incidents', () =>
        HttpResponse.json({ error: { code: 'BadRequest', message: 'Boom' } }, { status: 400 }),
      ),
    );
    const { user } = renderApp('/incidents');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load incidents");
    expect(alert).toHaveTextContent('Boom');

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('grid', { name: 'Incidents' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when a network failure leaves no answer at all', async () => {
    server.use(http.get('*/v1.0/security/incidents', () => HttpResponse.error()));
    renderApp('/incidents');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Could not reach https:\/\/graph\.microsoft\.com/,
    );
  });

  it('says "No incidents match" when the page is empty', async () => {
    server.use(
      http.get('*/v1.0/security/incidents', () =>
        HttpResponse.json({ '@odata.count': 0, value: [] }),
      ),
    );
    renderApp('/incidents');
    expect(await screen.findByText('No incidents match')).toBeInTheDocument();
    expect(screen.getByText('0 incidents')).toBeInTheDocument();
  });

  it('shows a loading state before the first answer', async () => {
    renderApp('/incidents');
    expect(screen.getByRole('status', { name: 'Loading incidents' })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.queryByRole('status', { name: 'Loading incidents' })).not.toBeInTheDocument(),
    );
  });
});
