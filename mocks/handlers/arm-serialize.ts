/**
 * Store records → Sentinel's ARM shapes (SPEC.md §2.8, §7.1): incidents, their SecurityAlerts and
 * relations. An incident keeps its Graph id as `incidentNumber` and `providerIncidentId`, so a
 * client can go from either contract to the other.
 */
import type { AlertSeverity } from '@/domain/enums';
import type { Persona } from '@/domain/identity';
import { PROVIDER_NAMES } from '@/domain/relations';
import { categoryLabel } from '@/domain/naming';
import { SOURCE_INFO } from '@/domain/sources';
import type { IncidentStore } from '../store/incident-store';
import type { AlertRecord, IncidentRecord, RelationRecord, WorkspaceRef } from '../store/types';
import { PORTAL } from './portal';
import { readableText } from './readable-text';

/** The ARM path of a workspace's SecurityInsights provider. */
function workspacePath(w: WorkspaceRef): string {
  return `/subscriptions/${w.subscriptionId}/resourceGroups/${w.resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${w.workspaceName}/providers/Microsoft.SecurityInsights`;
}

/** The ARM id of an incident (null for one outside any workspace). */
export function armIncidentId(incident: IncidentRecord): string | null {
  return incident.workspace
    ? `${workspacePath(incident.workspace)}/incidents/${incident.armName}`
    : null;
}

/** The ARM id of an alert, as a relation's `relatedResourceId` names it. */
export function armAlertId(alert: AlertRecord): string | null {
  return alert.workspace
    ? `${workspacePath(alert.workspace)}/entities/${alert.systemAlertId}`
    : null;
}

const SEVERITY: Record<AlertSeverity, string> = {
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  informational: 'Informational',
  unknown: 'Informational',
  unknownFutureValue: 'Informational',
};

/** Graph's status in Sentinel's words: New (untouched), Active (being handled), Closed. */
function sentinelStatus(incident: IncidentRecord): 'New' | 'Active' | 'Closed' {
  if (incident.status === 'resolved' || incident.status === 'redirected') return 'Closed';
  return incident.status === 'inProgress' ? 'Active' : 'New';
}

/** Graph's classification and determination as Sentinel's closing classification and reason. */
function sentinelClassification(incident: IncidentRecord): Record<string, string> {
  if (sentinelStatus(incident) !== 'Closed') return {};
  switch (incident.classification) {
    case 'truePositive':
      return { classification: 'TruePositive', classificationReason: 'SuspiciousActivity' };
    case 'informationalExpectedActivity':
      return { classification: 'BenignPositive', classificationReason: 'SuspiciousButExpected' };
    case 'falsePositive':
      return {
        classification: 'FalsePositive',
        classificationReason:
          incident.determination === 'notEnoughDataToValidate'
            ? 'InaccurateData'
            : 'IncorrectAlertLogic',
      };
    default:
      return { classification: 'Undetermined' };
  }
}

function owner(assignedTo: string | null) {
  if (!assignedTo) return { ownerType: 'Unknown' };
  const isUser = assignedTo.includes('@');
  return {
    assignedTo,
    ownerType: isUser ? 'User' : 'Group',
    ...(isUser ? { email: assignedTo, userPrincipalName: assignedTo } : {}),
  };
}

/** The incident as `GET …/incidents/{incidentId}` answers it, for this reader. */
export function incidentToArm(
  store: IncidentStore,
  persona: Persona,
  incident: IncidentRecord,
): Record<string, unknown> {
  const members = store.membersOf(incident.id).filter((a) => store.canSeeAlert(persona, a));
  const tactics = [...new Set(members.flatMap((a) => a.categories))].sort();
  return {
    id: armIncidentId(incident),
    name: incident.armName,
    type: 'Microsoft.SecurityInsights/incidents',
    etag: `"${incident.version}"`,
    properties: {
      // The name this reader may read (a scoped reader's automatic name is made from its alerts).
      title: readableText(store, persona, incident).displayName,
      description: incident.description ?? '',
      severity: SEVERITY[incident.severity],
      status: sentinelStatus(incident),
      ...sentinelClassification(incident),
      ...(incident.resolvingComment ? { classificationComment: incident.resolvingComment } : {}),
      owner: owner(incident.assignedTo),
      labels: [
        ...incident.customTags.map((labelName) => ({ labelName, labelType: 'User' })),
        ...incident.systemTags.map((labelName) => ({ labelName, labelType: 'AutoAssigned' })),
      ],
      incidentNumber: Number(incident.id),
      incidentUrl: `${PORTAL}/incidents/${incident.id}?tid=${incident.tenantId}`,
      providerName: PROVIDER_NAMES[incident.provider],
      providerIncidentId: incident.id,
      createdTimeUtc: incident.createdDateTime,
      lastModifiedTimeUtc: incident.lastUpdateDateTime,
      ...(members.length > 0
        ? {
            firstActivityTimeUtc: members.reduce(
              (t, a) => (a.firstActivityDateTime < t ? a.firstActivityDateTime : t),
              members[0]?.firstActivityDateTime ?? '',
            ),
            lastActivityTimeUtc: members.reduce(
              (t, a) => (a.lastActivityDateTime > t ? a.lastActivityDateTime : t),
              members[0]?.lastActivityDateTime ?? '',
            ),
          }
        : {}),
      relatedAnalyticRuleIds: [],
      additionalData: {
        // Sentinel counts every alert of the incident, home and related.
        alertsCount: members.length,
        bookmarksCount: 0,
        commentsCount: incident.comments.length,
        alertProductNames: [
          ...new Set(members.map((a) => SOURCE_INFO[a.serviceSource].label)),
        ].sort(),
        tactics: tactics.map(categoryLabel),
        providerIncidentUrl: `${PORTAL}/incidents/${incident.id}?tid=${incident.tenantId}`,
      },
    },
  };
}

const ALERT_STATUS: Record<string, string> = {
  new: 'New',
  inProgress: 'InProgress',
  resolved: 'Resolved',
};

/** An alert as Sentinel's `SecurityAlert` entity (`POST …/incidents/{id}/alerts`). */
export function alertToArm(alert: AlertRecord, incident: IncidentRecord): Record<string, unknown> {
  return {
    id: armAlertId(alert),
    name: alert.systemAlertId,
    type: 'Microsoft.SecurityInsights/Entities',
    kind: 'SecurityAlert',
    properties: {
      systemAlertId: alert.systemAlertId,
      alertDisplayName: alert.title,
      friendlyName: alert.title,
      description: alert.description ?? '',
      productName: SOURCE_INFO[alert.serviceSource].label,
      productComponentName: alert.detectionSource ?? '',
      providerAlertId: alert.providerAlertId ?? alert.id,
      vendorName: 'Microsoft',
      severity: SEVERITY[alert.severity],
      status: ALERT_STATUS[alert.status] ?? 'Unknown',
      tactics: alert.categories.map(categoryLabel),
      techniques: alert.mitreTechniques ?? [],
      timeGenerated: alert.createdDateTime,
      startTimeUtc: alert.firstActivityDateTime,
      endTimeUtc: alert.lastActivityDateTime,
      processingEndTime: alert.lastUpdateDateTime,
      alertLink: alert.alertWebUrl ?? '',
      additionalData: {
        // Its home incident in Graph, and whether it is in this incident by relation.
        homeIncidentNumber: Number(alert.incidentId),
        isRelated: alert.incidentId !== incident.id,
      },
      friendlyAlertId: alert.id,
    },
  };
}

/** A relation as `…/incidents/{id}/relations/{relationName}` answers it. */
export function relationToArm(
  incident: IncidentRecord,
  relation: RelationRecord,
  alert: AlertRecord,
): Record<string, unknown> {
  return {
    id: `${armIncidentId(incident)}/relations/${relation.relationName}`,
    name: relation.relationName,
    type: 'Microsoft.SecurityInsights/incidents/relations',
    etag: `"${relation.version}"`,
    properties: {
      relatedResourceId: armAlertId(alert),
      relatedResourceName: alert.systemAlertId,
      relatedResourceType: 'Microsoft.SecurityInsights/entities',
      relatedResourceKind: 'SecurityAlert',
    },
  };
}
