/**
 * The incident page lays the investigation graph out once it is idle, before Investigate is
 * chosen (nor the Actions menu opened), so Investigate finds the layout done and does not run
 * it again. The layout engine is the real one; only its calls are counted.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import * as layout from '@/features/investigation/components/compute-layout';
import { layoutOf } from '@/features/investigation/components/run-layout';
import { renderApp } from '../render';
import { setupMockServer } from './mock-server';
import { buildStore, evidence, makeAlert, makeIncident } from './test-store';

vi.mock('@/features/investigation/components/compute-layout', async (original) => {
  const real = await original<typeof layout>();
  return { ...real, computeLayout: vi.fn(real.computeLayout) };
});

const STORE = buildStore([
  makeIncident({
    displayName: 'Ransomware on a finance workstation',
    provider: 'sentinel',
    alerts: [
      makeAlert({
        title: 'Ransomware behavior detected in the file system',
        severity: 'high',
        evidence: [evidence.device('FIN-WS-01'), evidence.user('noah.garcia@contoso.com')],
      }),
      makeAlert({
        title: 'Suspicious PowerShell command line',
        severity: 'medium',
        evidence: [evidence.device('FIN-WS-01')],
      }),
    ],
  }),
]);

setupMockServer(STORE);

describe("the investigation graph's layout", () => {
  it('is computed once the incident page is idle, and Investigate then finds it done', async () => {
    const computeLayout = vi.mocked(layout.computeLayout);
    computeLayout.mockClear();
    renderApp('/incidents/1/overview');
    await screen.findByRole('heading', { name: 'Ransomware on a finance workstation' });
    expect(screen.queryByRole('menuitem', { name: 'Investigate' })).toBeNull();
    // No menu opened, no Investigate: the idle page laid the incident's graph out.
    await waitFor(() => expect(computeLayout).toHaveBeenCalledTimes(1), { timeout: 5000 });
    const request = computeLayout.mock.calls[0]![0];
    expect(request.nodes.filter((n) => n.id.startsWith('alert:'))).toHaveLength(2);
    expect(request.nodes.filter((n) => n.id.startsWith('entity:'))).toHaveLength(2);
    // What the graph asks for when it opens is then kept: no second run.
    await layoutOf(request);
    expect(computeLayout).toHaveBeenCalledTimes(1);
  });
});
