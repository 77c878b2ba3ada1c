/**
 * Who is acting, and what they may do (SPEC.md §11.3, ARCHITECTURE.md §5).
 * A persona reads incidents of the sources it may read and manages those of the sources it may
 * manage; an incident's sources are the service sources of its alerts.
 */
import type { ServiceSource } from './enums';
import { alertSources, sourceLabel } from './sources';

export type Role = 'securityAdministrator' | 'securityOperator' | 'securityReader';

export const ROLE_LABELS: Record<Role, string> = {
  securityAdministrator: 'Security Administrator',
  securityOperator: 'Security Operator',
  securityReader: 'Security Reader',
};

export type Persona = {
  upn: string;
  displayName: string;
  role: Role;
  /** Data sources the role's assignment covers (unified RBAC scoping). */
  sources: 'all' | readonly ServiceSource[];
};

/** A principal incidents can be assigned to: a user or a group (seed 003, "Assign to"). */
export type Principal = { id: string; displayName: string; kind: 'user' | 'group' };

export function canReadSource(persona: Persona, source: ServiceSource): boolean {
  return persona.sources === 'all' || persona.sources.includes(source);
}

export function canManage(persona: Persona): boolean {
  return persona.role !== 'securityReader';
}

/**
 * Why the persona may not write something made of these sources, or `undefined` if it may.
 * `what` names the thing ("incident 12") so the message can be shown as it is.
 */
export function writeDenial(
  persona: Persona,
  sources: Iterable<ServiceSource>,
  what: string,
): string | undefined {
  if (!canManage(persona)) {
    return `${persona.upn} (${ROLE_LABELS[persona.role]}) has read-only access and cannot change ${what}. Missing permission SecurityIncident.ReadWrite.All.`;
  }
  const missing = [...new Set(sources)].filter((s) => !canReadSource(persona, s));
  if (missing.length === 0) return undefined;
  return `${persona.upn} has no manage permission for ${missing.map(sourceLabel).join(', ')} data, which ${what} contains.`;
}

/**
 * Why the persona may not change an incident (read with its alerts), or `undefined` when it may —
 * or when no persona is known (live mode, where the server alone decides).
 */
export function incidentWriteDenial(
  persona: Persona | undefined,
  incident: { id?: string | null; alerts?: readonly { serviceSource?: string | null }[] | null },
): string | undefined {
  if (!persona) return undefined;
  return writeDenial(persona, alertSources(incident.alerts), `incident ${incident.id ?? ''}`);
}
