/** The mock's identities (ARCHITECTURE.md §5) and the directory incidents are assigned to. */
import type { Persona, Principal } from '@/domain/identity';

export const PERSONAS: readonly Persona[] = [
  {
    upn: 'analyst@contoso.com',
    displayName: 'Avery Analyst',
    role: 'securityOperator',
    sources: 'all',
  },
  {
    upn: 'admin@contoso.com',
    displayName: 'Sam Admin',
    role: 'securityAdministrator',
    sources: 'all',
  },
  {
    upn: 'reader@contoso.com',
    displayName: 'Riley Reader',
    role: 'securityReader',
    sources: 'all',
  },
  {
    upn: 'endpoint.analyst@contoso.com',
    displayName: 'Eli Endpoint',
    role: 'securityOperator',
    sources: ['microsoftDefenderForEndpoint'],
  },
];

export const DEFAULT_PERSONA_UPN = 'analyst@contoso.com';

/** Users and groups incidents are assigned to in the demo tenant. */
export const DIRECTORY: readonly Principal[] = [
  ...PERSONAS.map((p) => ({ id: p.upn, displayName: p.displayName, kind: 'user' as const })),
  { id: 'tier1@contoso.com', displayName: 'Taylor Tier1', kind: 'user' },
  { id: 'tier2@contoso.com', displayName: 'Jordan Tier2', kind: 'user' },
  { id: 'ir.lead@contoso.com', displayName: 'Morgan IR Lead', kind: 'user' },
  { id: 'SOC Tier 1', displayName: 'SOC Tier 1', kind: 'group' },
  { id: 'SOC Tier 2', displayName: 'SOC Tier 2', kind: 'group' },
  { id: 'Incident Response Team', displayName: 'Incident Response Team', kind: 'group' },
];

export function findPersona(upn: string): Persona | undefined {
  const lower = upn.toLowerCase();
  return PERSONAS.find((p) => p.upn.toLowerCase() === lower);
}
