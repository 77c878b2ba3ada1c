import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INCIDENT_LIST_PARAMS } from '@/api/incidents/incidents-api';
import { SEVERITY_LABELS, INCIDENT_STATUS_LABELS } from '@/domain/enums';
import { renderApp } from '../render';
import { listIncidentsAs } from './graph-fixture';
import { setupMockServer } from './mock-server';

setupMockServer();

describe('incident page header', () => {
  it('opens from the list and shows the incident read from Graph', async () => {
    const { value } = await listIncidentsAs('analyst@contoso.com', DEFAULT_INCIDENT_LIST_PARAMS);
    const incident = value[0]!;
    const { user, router } = renderApp('/incidents');

    // Automatic names repeat across incidents, so pick the link by where it goes.
    const grid = await screen.findByRole('grid', { name: 'Incidents' });
    const firstRow = within(grid).getAllByRole('row')[1]!;
    await user.click(within(firstRow).getByRole('link', { name: incident.displayName! }));

    expect(router.state.location.pathname).toBe(`/incidents/${incident.id}`);
    const heading = await screen.findByRole('heading', { level: 1, name: incident.displayName! });
    const header = heading.closest('header')!;
    expect(within(header).getByText(incident.id!)).toBeInTheDocument();
    expect(within(header).getByText(SEVERITY_LABELS[incident.severity!])).toBeInTheDocument();
    expect(within(header).getByText(INCIDENT_STATUS_LABELS[incident.status!])).toBeInTheDocument();
    expect(
      within(header).getByText(incident.assignedTo ?? 'Unassigned', { exact: true }),
    ).toBeInTheDocument();
  });

  it("shows Graph's not-found message for an unknown id", async () => {
    renderApp('/incidents/99999999');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Incident 99999999 was not found.');
    expect(within(alert).getByRole('link', { name: 'Back to incidents' })).toBeInTheDocument();
  });
});
