/**
 * Who acts on the seed's incidents: which directory principals own them and how often, who works
 * a group's incidents, and how an owner and the analyst doing the work are drawn. The choices
 * respect the personas' roles and scopes: read-only principals own nothing, and the endpoint-only
 * analyst owns only endpoint-only incidents.
 */
import type { IncidentStatus } from '@/domain/enums';
import type { Role } from '@/domain/identity';
import { DIRECTORY, PERSONAS } from '../personas';
import type { Rng } from './random';

export type Owner = { id: string; label: string; kind: 'user' | 'group' };

const READ_ONLY_ROLES: readonly Role[] = ['securityReader'];
const readOnly = new Set(
  PERSONAS.filter((p) => READ_ONLY_ROLES.includes(p.role)).map((p) => p.upn),
);
const ENDPOINT_ONLY = PERSONAS.filter(
  (p) =>
    p.sources !== 'all' &&
    p.sources.length === 1 &&
    p.sources[0] === 'microsoftDefenderForEndpoint',
).map((p) => p.upn);

/** How often each principal owns incidents; unknown directory entries get a small share. */
const OWNER_WEIGHT: Record<string, number> = {
  'analyst@contoso.com': 20,
  'admin@contoso.com': 5,
  // The endpoint specialist takes most endpoint-only incidents (the only ones it may manage).
  'endpoint.analyst@contoso.com': 45,
  'tier1@contoso.com': 14,
  'tier2@contoso.com': 13,
  'ir.lead@contoso.com': 6,
  'SOC Tier 1': 12,
  'SOC Tier 2': 9,
  'Incident Response Team': 6,
};

/** Who works a group's incidents. */
export const GROUP_MEMBERS: Record<string, string> = {
  'SOC Tier 1': 'tier1@contoso.com',
  'SOC Tier 2': 'tier2@contoso.com',
  'Incident Response Team': 'ir.lead@contoso.com',
};

const OWNERS: readonly Owner[] = DIRECTORY.filter((p) => !readOnly.has(p.id)).map((p) => ({
  id: p.id,
  label: p.kind === 'group' ? p.displayName : `${p.displayName} (${p.id})`,
  kind: p.kind,
}));
const ownerChoices = (owners: readonly Owner[]) =>
  owners.map((o) => [o, OWNER_WEIGHT[o.id] ?? 4] as const);
/** The endpoint-only persona may manage only endpoint-only incidents. */
const OWNER_CHOICES = ownerChoices(OWNERS.filter((o) => !ENDPOINT_ONLY.includes(o.id)));
const OWNER_CHOICES_MDE = ownerChoices(OWNERS);
const ANALYSTS = OWNERS.filter((o) => o.kind === 'user').map((o) => o.id);
export const GENERAL_ANALYSTS = ANALYSTS.filter((id) => !ENDPOINT_ONLY.includes(id));

/** The display name the directory gives a UPN (comments are signed with it). */
export function nameOf(upn: string): string {
  return DIRECTORY.find((p) => p.id === upn)?.displayName ?? upn;
}

/** An incident's owner, or none: active incidents are often still unassigned. */
export function pickOwner(rng: Rng, status: IncidentStatus, mdeOnly: boolean): Owner | null {
  const unassigned = status === 'active' ? 0.6 : status === 'inProgress' ? 0.08 : 0.15;
  if (rng.chance(unassigned)) return null;
  return rng.weighted(mdeOnly ? OWNER_CHOICES_MDE : OWNER_CHOICES);
}

/** The analyst who does an incident's work: its owner, a member of its group, or anyone allowed. */
export function actorFor(rng: Rng, owner: Owner | null, mdeOnly: boolean): string {
  if (owner?.kind === 'user') return owner.id;
  if (owner?.kind === 'group') return GROUP_MEMBERS[owner.id] ?? rng.pick(GENERAL_ANALYSTS);
  return rng.pick(mdeOnly ? ANALYSTS : GENERAL_ANALYSTS);
}
