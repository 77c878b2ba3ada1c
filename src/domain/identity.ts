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

/** The data a scoped persona's role covers, in the portal's words. */
function scopeText(persona: Persona): string {
  return persona.sources === 'all' ? 'all' : persona.sources.map(sourceLabel).join(', ');
}

/**
 * A scoped persona's refusal for something holding data beyond its sources. It names the
 * persona's own scope, never the other sources: those are data it may not read (SPEC.md §11.3).
 */
function scopeDenial(persona: Persona, what: string): string {
  return `${persona.upn} has no manage permission for all the data ${what} holds: its role covers only ${scopeText(persona)} data.`;
}

/** The Graph permission a write needs (SPEC.md §11.1). */
type GraphPermission =
  'SecurityIncident.ReadWrite.All' | 'SecurityAlert.ReadWrite.All' | 'SecurityData.Manage.All';

/** What mergeIncidents and moveAlerts need, whatever they change (SPEC.md §11.1). */
export const MERGE_AND_MOVE_PERMISSION: GraphPermission = 'SecurityData.Manage.All';

function readOnlyDenial(
  persona: Persona,
  what: string,
  permission: GraphPermission = 'SecurityIncident.ReadWrite.All',
): string {
  return `${persona.upn} (${ROLE_LABELS[persona.role]}) has read-only access and cannot change ${what}. Missing permission ${permission}.`;
}

/** Why a persona may not change something: its role is read-only, or its scope falls short. */
type Denial = 'readOnly' | 'scope';

/**
 * The rule, once (SPEC.md §11.3): a persona may change something made of these sources when its
 * role may manage and its scope covers every one of them. `hidden` says the thing holds data
 * beyond what the caller can see (the `@mock.canManage` annotation), which its scope cannot
 * cover either.
 */
function denialOf(
  persona: Persona,
  sources: Iterable<ServiceSource>,
  hidden = false,
): Denial | undefined {
  if (!canManage(persona)) return 'readOnly';
  if (hidden || [...sources].some((s) => !canReadSource(persona, s))) return 'scope';
  return undefined;
}

/**
 * Why the persona may not write something made of these sources, or `undefined` if it may: the
 * whole sentence, as the server refuses with it. `what` names the thing ("incident 12").
 */
export function writeDenial(
  persona: Persona,
  sources: Iterable<ServiceSource>,
  what: string,
  { hidden = false, permission }: { hidden?: boolean; permission?: GraphPermission } = {},
): string | undefined {
  const denial = denialOf(persona, sources, hidden);
  if (denial === 'readOnly') return readOnlyDenial(persona, what, permission);
  return denial === 'scope' ? scopeDenial(persona, what) : undefined;
}

/**
 * The same refusal in a few words, for the tooltip of a disabled button, or `undefined` when the
 * persona may (or is unknown, as in live mode, where the server alone decides). `where` is the
 * screen asking: the queues say what the role allows there.
 */
export function accessHint(
  persona: Persona | undefined,
  sources: Iterable<ServiceSource>,
  where: 'action' | 'incidentQueue' | 'alertsQueue' = 'action',
  hidden = false,
): string | undefined {
  if (!persona) return undefined;
  const denial = denialOf(persona, sources, hidden);
  if (denial === undefined) return undefined;
  if (denial === 'readOnly') {
    if (where === 'incidentQueue') {
      return `Your role (${ROLE_LABELS[persona.role]}) can view incidents but not change them`;
    }
    if (where === 'alertsQueue') {
      return `Moving alerts needs read and write access to every selected alert; ${persona.displayName} has read-only access.`;
    }
    return `Requires ${ROLE_LABELS.securityOperator} access`;
  }
  return `Requires manage access to all the data it holds; your role covers only ${scopeText(persona)} data`;
}

/**
 * The mock's answer to "may the caller change this incident?", carried on each incident it
 * serves as the OData instance annotation `@mock.canManage` (real Graph has none: there the
 * server alone decides). It is false when the incident holds data beyond the caller's sources,
 * which the caller cannot see in the incident's alerts.
 */
export const CAN_MANAGE_ANNOTATION = '@mock.canManage';

/**
 * Why the persona may not change an alert (its status, classification, owner, comments), or
 * `undefined` when it may: the store's refusal and the alert panel's reason alike.
 */
export function alertWriteDenial(
  persona: Persona,
  alertId: string,
  sources: Iterable<ServiceSource>,
): string | undefined {
  return writeDenial(persona, sources, `alert ${alertId}`, {
    permission: 'SecurityAlert.ReadWrite.All',
  });
}

/**
 * Why the persona may not change an incident (read with its alerts), or `undefined` when it may —
 * or when no persona is known (live mode, where the server alone decides).
 */
export function incidentWriteDenial(
  persona: Persona | undefined,
  incident: {
    id?: string | null;
    alerts?: readonly { serviceSource?: string | null }[] | null;
    [CAN_MANAGE_ANNOTATION]?: boolean;
  },
  /** The permission the write needs, when not the incident's own (a merge, a move). */
  permission?: GraphPermission,
): string | undefined {
  if (!persona) return undefined;
  const hidden = incident[CAN_MANAGE_ANNOTATION] === false;
  return writeDenial(persona, alertSources(incident.alerts), `incident ${incident.id ?? ''}`, {
    hidden,
    ...(permission ? { permission } : {}),
  });
}

/**
 * Why the persona may not reset the demo data, or `undefined` when it may: a reset changes every
 * incident, so only a persona that may change everything can make it.
 */
export function resetDenial(persona: Persona): string | undefined {
  const what = 'the demo data: a reset changes every incident';
  if (!canManage(persona)) return readOnlyDenial(persona, what);
  return persona.sources === 'all' ? undefined : scopeDenial(persona, 'the demo data');
}
