/**
 * The demo tenant's fixed facts: how big each seed size is, its tenant and subscription ids, and
 * its Sentinel workspaces. Several seed modules stamp them on records, and the app's runtime reads
 * the sizes, so they sit apart from the generator.
 */
import type { SeedSize, WorkspaceRef } from '../types';

export const SEED_SIZES: Record<SeedSize, { incidents: number; alerts: number }> = {
  default: { incidents: 500, alerts: 2_500 },
  large: { incidents: 10_000, alerts: 50_000 },
};

/** The demo tenant (Entra tenant id on every incident and alert). */
export const SEED_TENANT_ID = '4f1c2a9e-7b3d-4e58-9a61-0c2d8e5f7a13';

/** The Azure subscription of the Sentinel workspaces and the cloud VMs. */
export const SUBSCRIPTION_ID = 'd3b07384-d9a0-4c3f-8b1e-5a6f2c7e9b14';

/** Sentinel workspaces of the tenant: the primary one correlates with Defender alerts. */
export const SENTINEL_WORKSPACES: readonly WorkspaceRef[] = [
  { subscriptionId: SUBSCRIPTION_ID, resourceGroup: 'soc-rg', workspaceName: 'contoso-sentinel' },
  {
    subscriptionId: SUBSCRIPTION_ID,
    resourceGroup: 'soc-rg',
    workspaceName: 'contoso-sentinel-eu',
  },
];

/**
 * The workspace a Defender XDR incident is synced into: the tenant's Defender incidents are
 * spread over both workspaces, so each holds both kinds of incident.
 */
export function syncedWorkspace(incidentId: string): WorkspaceRef {
  return SENTINEL_WORKSPACES[Number(incidentId) % SENTINEL_WORKSPACES.length] as WorkspaceRef;
}
