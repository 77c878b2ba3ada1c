/**
 * Wire types of Microsoft Graph's security API, from Microsoft's own typings, plus the few
 * fields they lack (SPEC.md §2.1, §2.2). The client and the mock both speak exactly these.
 */
import type { SecurityNamespace as G } from '@microsoft/microsoft-graph-types';

export type AlertComment = G.AlertComment;
export type UserAccount = G.UserAccount;
export type FileDetails = G.FileDetails;

/** Evidence as serialized: always tagged with its OData type. */
export type AlertEvidence = G.AlertEvidence & {
  '@odata.type': `#microsoft.graph.security.${string}`;
};
export type DeviceEvidence = G.DeviceEvidence & AlertEvidence;
export type UserEvidence = G.UserEvidence & AlertEvidence;
export type MailboxEvidence = G.MailboxEvidence & AlertEvidence;
export type IpEvidence = G.IpEvidence & AlertEvidence;
export type UrlEvidence = G.UrlEvidence & AlertEvidence;
export type FileEvidence = G.FileEvidence & AlertEvidence;
export type ProcessEvidence = G.ProcessEvidence & AlertEvidence;
export type CloudApplicationEvidence = G.CloudApplicationEvidence & AlertEvidence;

export type Alert = Omit<G.Alert, 'evidence'> & {
  evidence?: AlertEvidence[] | null;
  /** Mock extension: the alert's ARM id in Sentinel (…/entities/{systemAlertId}). */
  '@mock.sentinelAlertId'?: string | null;
  /** Mock extension: the incidents it belongs to that the reader may see, its home first. */
  '@mock.incidentIds'?: string[];
  /** v1.0 metadata (2026); not in the npm typings yet. */
  categories?: string[] | null;
  investigationState?: string | null;
};

export type Incident = Omit<G.Incident, 'alerts'> & {
  /** 0–100, present in current metadata but not in the npm typings. */
  priorityScore?: number | null;
  '@odata.etag'?: string;
  /** Mock extension: false when the caller may not change the incident (src/domain/identity.ts). */
  '@mock.canManage'?: boolean;
  /** Mock extension: the incident's ARM id in Sentinel, where relations are made. */
  '@mock.sentinelIncidentId'?: string | null;
  /** Mock extension: alerts related to it besides its home alerts (Sentinel, seed 004). */
  '@mock.relatedAlertIds'?: string[];
  alerts?: Alert[];
};

/** `microsoft.graph.security.mergeResponse`, returned by mergeIncidents and moveAlerts. */
export type MergeResponse = { targetIncidentId: string };

export type ODataCollection<T> = {
  '@odata.context'?: string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: T[];
};

/** Graph's error envelope (SPEC.md §9.1). */
export type GraphErrorBody = {
  error: {
    code: string;
    message: string;
    innerError?: { date: string; 'request-id': string; 'client-request-id'?: string };
    details?: unknown[];
  };
};

export const EVIDENCE_TYPE = {
  device: '#microsoft.graph.security.deviceEvidence',
  user: '#microsoft.graph.security.userEvidence',
  mailbox: '#microsoft.graph.security.mailboxEvidence',
  ip: '#microsoft.graph.security.ipEvidence',
  url: '#microsoft.graph.security.urlEvidence',
  file: '#microsoft.graph.security.fileEvidence',
  process: '#microsoft.graph.security.processEvidence',
  cloudApplication: '#microsoft.graph.security.cloudApplicationEvidence',
} as const;
