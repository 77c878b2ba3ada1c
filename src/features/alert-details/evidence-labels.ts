/** Evidence (SPEC.md §2.5) grouped and named as the alert page names it. */
import type { SecurityNamespace as G } from '@microsoft/microsoft-graph-types';
import { EVIDENCE_TYPE, type AlertEvidence } from '@/domain/graph';

export type EvidenceGroup = keyof typeof EVIDENCE_TYPE | 'other';

/** The groups in the order the panel shows them. */
export const EVIDENCE_GROUPS: readonly { group: EvidenceGroup; label: string }[] = [
  { group: 'device', label: 'Devices' },
  { group: 'user', label: 'Users' },
  { group: 'mailbox', label: 'Mailboxes' },
  { group: 'ip', label: 'IP addresses' },
  { group: 'url', label: 'URLs' },
  { group: 'file', label: 'Files' },
  { group: 'process', label: 'Processes' },
  { group: 'cloudApplication', label: 'Cloud apps' },
  { group: 'other', label: 'Other evidence' },
];

const GROUP_BY_TYPE = new Map<string, EvidenceGroup>(
  Object.entries(EVIDENCE_TYPE).map(([group, type]) => [type, group as EvidenceGroup]),
);

export function evidenceGroup(evidence: AlertEvidence): EvidenceGroup {
  return GROUP_BY_TYPE.get(evidence['@odata.type']) ?? 'other';
}

export const VERDICT_LABELS: Record<G.EvidenceVerdict, string> = {
  malicious: 'Malicious',
  suspicious: 'Suspicious',
  noThreatsFound: 'No threats found',
  unknown: 'Unknown',
  unknownFutureValue: 'Unknown',
};

export const REMEDIATION_STATUS_LABELS: Record<G.EvidenceRemediationStatus, string> = {
  none: 'None',
  remediated: 'Remediated',
  prevented: 'Prevented',
  blocked: 'Blocked',
  notFound: 'Not found',
  active: 'Active',
  pendingApproval: 'Pending approval',
  declined: 'Declined',
  unremediated: 'Not remediated',
  running: 'Running',
  partiallyRemediated: 'Partially remediated',
  unknownFutureValue: 'Unknown',
};

export const RISK_LABELS: Record<G.DeviceRiskScore, string> = {
  none: 'No known risks',
  informational: 'Informational',
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  unknownFutureValue: 'Unknown',
};
