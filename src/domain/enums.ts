/**
 * Graph security enums (wire values, v1.0 CSDL) with the portal's labels.
 * Input is accepted case-insensitively; output is always the camelCase wire value.
 */
import type { SecurityNamespace as G } from '@microsoft/microsoft-graph-types';

export type IncidentStatus = G.IncidentStatus;
export type AlertStatus = G.AlertStatus;
export type AlertSeverity = G.AlertSeverity;
export type AlertClassification = G.AlertClassification;
export type AlertDetermination = G.AlertDetermination;
/** The npm typings lack `microsoftSecurityForAI` (present in v1.0 CSDL). */
export type ServiceSource = G.ServiceSource | 'microsoftSecurityForAI';
export type DetectionSource = G.DetectionSource;

export const INCIDENT_STATUSES = [
  'active',
  'resolved',
  'inProgress',
  'redirected',
  'unknownFutureValue',
  'awaitingAction',
] as const satisfies readonly IncidentStatus[];

export const ALERT_STATUSES = [
  'unknown',
  'new',
  'inProgress',
  'resolved',
  'unknownFutureValue',
] as const satisfies readonly AlertStatus[];

export const SEVERITIES = [
  'unknown',
  'informational',
  'low',
  'medium',
  'high',
  'unknownFutureValue',
] as const satisfies readonly AlertSeverity[];

export const CLASSIFICATIONS = [
  'unknown',
  'falsePositive',
  'truePositive',
  'informationalExpectedActivity',
  'unknownFutureValue',
] as const satisfies readonly AlertClassification[];

export const DETERMINATIONS = [
  'unknown',
  'apt',
  'malware',
  'securityPersonnel',
  'securityTesting',
  'unwantedSoftware',
  'other',
  'multiStagedAttack',
  'compromisedAccount',
  'phishing',
  'maliciousUserActivity',
  'notMalicious',
  'notEnoughDataToValidate',
  'confirmedActivity',
  'lineOfBusinessApplication',
  'unknownFutureValue',
] as const satisfies readonly AlertDetermination[];

export const SERVICE_SOURCES = [
  'unknown',
  'microsoftDefenderForEndpoint',
  'microsoftDefenderForIdentity',
  'microsoftDefenderForCloudApps',
  'microsoftDefenderForOffice365',
  'microsoft365Defender',
  'azureAdIdentityProtection',
  'microsoftAppGovernance',
  'dataLossPrevention',
  'unknownFutureValue',
  'microsoftDefenderForCloud',
  'microsoftSentinel',
  'microsoftInsiderRiskManagement',
  'microsoftThreatIntelligence',
  'microsoftSecurityForAI',
] as const satisfies readonly ServiceSource[];

export const DETECTION_SOURCES = [
  'unknown',
  'microsoftDefenderForEndpoint',
  'antivirus',
  'smartScreen',
  'customTi',
  'microsoftDefenderForOffice365',
  'automatedInvestigation',
  'microsoftThreatExperts',
  'customDetection',
  'microsoftDefenderForIdentity',
  'cloudAppSecurity',
  'microsoft365Defender',
  'azureAdIdentityProtection',
  'manual',
  'microsoftDataLossPrevention',
  'appGovernancePolicy',
  'appGovernanceDetection',
  'unknownFutureValue',
  'microsoftDefenderForCloud',
  'microsoftDefenderForIoT',
  'microsoftDefenderForServers',
  'microsoftDefenderForStorage',
  'microsoftDefenderForDNS',
  'microsoftDefenderForDatabases',
  'microsoftDefenderForContainers',
  'microsoftDefenderForNetwork',
  'microsoftDefenderForAppService',
  'microsoftDefenderForKeyVault',
  'microsoftDefenderForResourceManager',
  'microsoftDefenderForApiManagement',
  'nrtAlerts',
  'scheduledAlerts',
  'microsoftDefenderThreatIntelligenceAnalytics',
  'builtInMl',
  'microsoftInsiderRiskManagement',
  'microsoftThreatIntelligence',
  'microsoftDefenderForAIServices',
  'securityCopilot',
  'microsoftSentinel',
] as const;

/**
 * Members after `unknownFutureValue` are "evolvable": Graph only emits them when the request
 * carries `Prefer: include-unknown-enum-members`, otherwise they read as `unknownFutureValue`.
 */
export function isEvolvable(values: readonly string[], value: string): boolean {
  const i = values.indexOf(value);
  return i > values.indexOf('unknownFutureValue');
}

/** Case-insensitive lookup of an enum member; `undefined` when the text is not a member. */
export function parseEnum<T extends string>(values: readonly T[], input: string): T | undefined {
  const lower = input.toLowerCase();
  return values.find((v) => v.toLowerCase() === lower);
}

/** The order of severities, lowest first; `unknown` ranks below everything. */
export const SEVERITY_RANK: Record<AlertSeverity, number> = {
  unknown: 0,
  unknownFutureValue: 0,
  informational: 1,
  low: 2,
  medium: 3,
  high: 4,
};

export const SEVERITY_LABELS: Record<AlertSeverity, string> = {
  unknown: 'Unknown',
  unknownFutureValue: 'Unknown',
  informational: 'Informational',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

/** The queue says "New" where the Manage pane says "Active": same Graph state (`active`). */
export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  active: 'Active',
  inProgress: 'In progress',
  resolved: 'Resolved',
  redirected: 'Redirected',
  awaitingAction: 'Awaiting action',
  unknownFutureValue: 'Unknown',
};

export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = {
  unknown: 'Unknown',
  new: 'New',
  inProgress: 'In progress',
  resolved: 'Resolved',
  unknownFutureValue: 'Unknown',
};

export const CLASSIFICATION_LABELS: Record<AlertClassification, string> = {
  unknown: 'Not set',
  unknownFutureValue: 'Not set',
  truePositive: 'True positive',
  informationalExpectedActivity: 'Informational, expected activity',
  falsePositive: 'False positive',
};

export const DETERMINATION_LABELS: Record<AlertDetermination, string> = {
  unknown: 'Not set',
  unknownFutureValue: 'Not set',
  apt: 'APT',
  malware: 'Malware',
  securityPersonnel: 'Security personnel',
  securityTesting: 'Security testing',
  unwantedSoftware: 'Unwanted software',
  other: 'Other',
  multiStagedAttack: 'Multi-staged attack',
  compromisedAccount: 'Compromised account',
  phishing: 'Phishing',
  maliciousUserActivity: 'Malicious user activity',
  notMalicious: 'Not malicious',
  notEnoughDataToValidate: 'Not enough data to validate',
  confirmedActivity: 'Confirmed activity',
  lineOfBusinessApplication: 'Line-of-business application',
};
