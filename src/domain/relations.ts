/**
 * Relating alerts to incidents, as Microsoft Sentinel does (seed 004; SPEC.md §2.8, §7): one
 * alert may belong to several incidents, besides its home incident. The rules and the seed's
 * error table live here, once: the store refuses with them, and the console checks them before
 * it sends anything.
 */
import type { ServiceSource } from './enums';
import type { Incident } from './graph';
import { LIMITS } from './limits';
import { ok, refuse, type Outcome } from './outcome';

/**
 * The `api-version`s of Microsoft.SecurityInsights whose incident relations are the seed's
 * model: the seed's `2022-07-01-preview`, every later preview the Azure SDKs send, and the
 * stables up to `2024-09-01`.
 */
export const ARM_API_VERSIONS = [
  '2022-07-01-preview',
  '2022-08-01',
  '2022-08-01-preview',
  '2022-09-01-preview',
  '2022-10-01-preview',
  '2022-11-01',
  '2022-11-01-preview',
  '2022-12-01-preview',
  '2023-02-01',
  '2023-02-01-preview',
  '2023-03-01-preview',
  '2023-04-01-preview',
  '2023-05-01-preview',
  '2023-06-01-preview',
  '2023-07-01-preview',
  '2023-08-01-preview',
  '2023-09-01-preview',
  '2023-10-01-preview',
  '2023-11-01',
  '2023-12-01-preview',
  '2024-01-01-preview',
  '2024-03-01',
  '2024-04-01-preview',
  '2024-09-01',
] as const;

/** Who raised an incident, as Sentinel's `providerName` says. */
export type IncidentProvider = 'defender' | 'sentinel';

export const PROVIDER_NAMES: Record<IncidentProvider, string> = {
  defender: 'Microsoft XDR',
  sentinel: 'Azure Sentinel',
};

/** A Defender XDR alert: any product's but Sentinel's own analytics. */
export const isDefenderAlert = (source: ServiceSource) => source !== 'microsoftSentinel';

/** A workspace, by its ARM path parts. */
export type WorkspaceKey = { subscriptionId: string; resourceGroup: string; workspaceName: string };

/** Whether two ARM paths name one workspace (ARM compares names case-insensitively). */
export const sameWorkspace = (a: WorkspaceKey | null, b: WorkspaceKey | null) =>
  a !== null &&
  b !== null &&
  a.subscriptionId.toLowerCase() === b.subscriptionId.toLowerCase() &&
  a.resourceGroup.toLowerCase() === b.resourceGroup.toLowerCase() &&
  a.workspaceName.toLowerCase() === b.workspaceName.toLowerCase();

/** The incident a relation is made in, as the rules see it. */
export type RelatingIncident = {
  /** Sentinel's name for it (a GUID): the seed's {incidentIdentifier}. */
  armName: string;
  provider: IncidentProvider;
  workspace: WorkspaceKey | null;
  /** Merged into another incident: it can take nothing any more. */
  redirectedTo: string | null;
  /** Alerts it holds now, home and related. */
  alertCount: number;
};

/** The alert a relation points at, as the rules see it. */
export type RelatingAlert = {
  systemAlertId: string;
  serviceSource: ServiceSource;
  workspace: WorkspaceKey | null;
  /** It is already in the incident: its home, or related to it. */
  inIncident: boolean;
};

/** What already goes by the relation's name in the incident, if anything. */
export type ExistingRelation = { kind: 'alert'; systemAlertId: string } | { kind: 'other' };

/** The seed's refusal of a relation name already used for a resource of another type. */
export function differentRelationType(relationName: string, armName: string): Outcome<never> {
  return refuse(
    'invalid',
    `Failed to create relation. Different relation type with name ${relationName} already exists in incident ${armName}.`,
  );
}

/**
 * Whether `PUT …/relations/{relationName}` may relate the alert to the incident: `created` for a
 * new relation, `updated` when the name already relates this very alert (a PUT is idempotent).
 * Otherwise the refusal, in the seed's words (SPEC.md §7.3), checked in the order Sentinel
 * reports them.
 */
export function checkRelate(
  incident: RelatingIncident,
  alert: RelatingAlert,
  relationName: string,
  existing: ExistingRelation | undefined,
): Outcome<'created' | 'updated'> {
  const where = incident.armName;
  if (existing?.kind === 'other') return differentRelationType(relationName, where);
  if (existing?.kind === 'alert') {
    if (existing.systemAlertId === alert.systemAlertId) return ok('updated');
    return refuse(
      'conflict',
      `Failed to create relation. Relation with name ${relationName} already exists in incident ${where} to different alert ${existing.systemAlertId}.`,
    );
  }
  if (incident.redirectedTo !== null) {
    return refuse(
      'invalid',
      `Failed to create relation. Incident ${where} was merged into incident ${incident.redirectedTo} and can take no more alerts; relate the alert to incident ${incident.redirectedTo} instead.`,
    );
  }
  if (alert.inIncident) {
    return refuse(
      'invalid',
      `Failed to create relation. Alert ${alert.systemAlertId} already exists in incident ${where}.`,
    );
  }
  if (!sameWorkspace(incident.workspace, alert.workspace)) {
    return refuse(
      'invalid',
      'Failed to create relation. Related resource and incident should belong to the same workspace.',
    );
  }
  if (incident.provider === 'defender' && isDefenderAlert(alert.serviceSource)) {
    return refuse(
      'invalid',
      'Failed to create relation. Microsoft Defender XDR alerts cannot be added to Microsoft Defender XDR incidents.',
    );
  }
  if (incident.alertCount + 1 > LIMITS.maxAlertsPerIncident) {
    return refuse(
      'invalid',
      `Failed to create relation. Incident ${where} already holds ${incident.alertCount} alerts; an incident holds at most ${LIMITS.maxAlertsPerIncident}.`,
    );
  }
  return ok('created');
}

/**
 * Whether `DELETE …/relations/{relationName}` may remove the related alert from the incident. A
 * Defender XDR alert cannot leave a Defender XDR incident through Sentinel (seed 004).
 */
export function checkUnrelate(
  incident: Pick<RelatingIncident, 'provider'>,
  alert: Pick<RelatingAlert, 'serviceSource'>,
): Outcome<null> {
  if (incident.provider === 'defender' && isDefenderAlert(alert.serviceSource)) {
    return refuse(
      'invalid',
      'Failed to delete relation. Microsoft Defender XDR alerts cannot be removed from Microsoft Defender XDR incidents.',
    );
  }
  return ok(null);
}

/**
 * An incident an alert belongs to, as the console names it.
 * @public For the console's relate flow, with `relateSituation`.
 */
export type Membership = { incidentId: string; displayName: string; alertCount: number };

/**
 * What the console must ask before it adds an alert to an incident (seed 004, "Special
 * situations"): nothing; that the alert already belongs to other incidents (OK / Cancel); or, when
 * it is the only alert of its other incident, whether to keep or close that incident.
 * @public The console asks it before relating an alert; the store does not need it.
 */
export type RelateSituation =
  | { kind: 'plain' }
  | { kind: 'inOthers'; incidents: Membership[] }
  | { kind: 'onlyAlert'; incident: Membership };

/** @public Which of those situations relating an alert to `incidentId` is in. */
export function relateSituation(
  memberships: readonly Membership[],
  incidentId: string,
): RelateSituation {
  const others = memberships.filter((m) => m.incidentId !== incidentId);
  if (others.length === 0) return { kind: 'plain' };
  const [only] = others;
  if (others.length === 1 && only && only.alertCount === 1) {
    return { kind: 'onlyAlert', incident: only };
  }
  return { kind: 'inOthers', incidents: others };
}

/** The comment an incident is closed with when its only alert joins another (seed 004). */
export const closedByRelationComment = (incidentNumber: string) =>
  `Alert was added to another incident: ${incidentNumber}.`;

/**
 * How many alerts an incident (as Graph serves it) holds, home and related alike: what
 * Sentinel's `alertsCount` says and the 150-alert limit counts. `related` is how many alerts are
 * related to it from other incidents: the mock names them on Graph's incident
 * (`@mock.relatedAlertIds`); live mode counts Sentinel's relations and passes the number, since
 * real Graph names none.
 */
export const heldAlertCount = (
  incident: Pick<Incident, 'alerts' | '@mock.relatedAlertIds'>,
  related = incident['@mock.relatedAlertIds']?.length ?? 0,
) => (incident.alerts?.length ?? 0) + related;
