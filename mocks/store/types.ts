/**
 * The incident store's records. Alerts are kept in their Graph wire shape; incidents carry a few
 * mock-internal fields (prefixed in meaning, not in name) that never reach the wire.
 */
import type { ActivityEntry } from '@/domain/activity';
import type { IncidentProvider } from '@/domain/relations';
import type {
  AlertClassification,
  AlertDetermination,
  AlertSeverity,
  AlertStatus,
  IncidentStatus,
  ServiceSource,
} from '@/domain/enums';
import type { Alert, AlertComment, AlertEvidence } from '@/domain/graph';

/** A Sentinel workspace an incident or alert lives in (ARM path parts). */
export type WorkspaceRef = {
  subscriptionId: string;
  resourceGroup: string;
  workspaceName: string;
};

export type CommentRecord = Required<Pick<AlertComment, 'createdDateTime'>> & {
  comment: string;
  createdByDisplayName: string;
};

export type IncidentRecord = {
  id: string;
  tenantId: string;
  displayName: string;
  status: IncidentStatus;
  severity: AlertSeverity;
  assignedTo: string | null;
  classification: AlertClassification | null;
  determination: AlertDetermination | null;
  customTags: string[];
  systemTags: string[];
  comments: CommentRecord[];
  createdDateTime: string;
  lastUpdateDateTime: string;
  lastModifiedBy: string | null;
  redirectIncidentId: string | null;
  resolvingComment: string | null;
  summary: string | null;
  description: string | null;
  priorityScore: number | null;
  /** True while the name is Defender's automatic one (a merge or move may rename it). */
  nameIsAutomatic: boolean;
  /** True once an analyst set the severity by hand; then it is no longer derived. */
  severitySetByHand: boolean;
  /** The Sentinel workspace the incident lives in (a Defender XDR incident synced there), or null. */
  workspace: WorkspaceRef | null;
  /** Its name in Sentinel's ARM API (a GUID): the `{incidentId}` of its ARM path. */
  armName: string;
  /** Who raised it: Defender XDR (synced into Sentinel) or Sentinel's own analytics. */
  provider: IncidentProvider;
  /** Bumped with every change to the incident; its etag is derived from it. */
  version: number;
};

export type AlertRecord = Omit<
  Alert,
  'id' | 'incidentId' | 'title' | 'status' | 'severity' | 'serviceSource' | 'createdDateTime'
> & {
  id: string;
  /** The alert's home incident (Graph's single `incidentId`). */
  incidentId: string;
  title: string;
  status: AlertStatus;
  severity: AlertSeverity;
  serviceSource: ServiceSource;
  createdDateTime: string;
  lastUpdateDateTime: string;
  firstActivityDateTime: string;
  lastActivityDateTime: string;
  evidence: AlertEvidence[];
  categories: string[];
  category: string;
  /** The Sentinel workspace the alert lives in (its incident's), or null. */
  workspace: WorkspaceRef | null;
  /** Its id in Sentinel (a GUID): the `{systemAlertId}` of an ARM relation. */
  systemAlertId: string;
};

/** A Sentinel relation: an alert related to an incident besides its home (SPEC.md §7.4). */
export type RelationRecord = {
  /** The incident's Graph id. */
  incidentId: string;
  /** The caller's name for it (a GUID in Sentinel's examples), unique in the incident. */
  relationName: string;
  alertId: string;
  createdDateTime: string;
  createdBy: string;
  /** Bumped when the relation is written again; its etag is derived from it. */
  version: number;
};

export type SeedSize = 'default' | 'large';

/**
 * The stored data's format. 2: summaries are derived when read (null unless an analyst wrote
 * one) and audit entries list the alerts they concern.
 */
export const SCHEMA_VERSION = 2;

export type StoreState = {
  schemaVersion: typeof SCHEMA_VERSION;
  seed: { seed: number; size: SeedSize; now: string };
  incidents: Record<string, IncidentRecord>;
  alerts: Record<string, AlertRecord>;
  /** Each incident's log, oldest first. */
  activities: Record<string, ActivityEntry[]>;
  relations: RelationRecord[];
  /** Next numbers of the id source; kept in the state so ids stay unique across reloads. */
  counters: { incident: number; alert: number; activity: number; revision: number };
};

/** What a committed operation changed; persistence writes exactly this. */
export type StoreChange = {
  incidentIds: string[];
  alertIds: string[];
  /** Incidents whose activity log grew. */
  activityIncidentIds: string[];
  /** The activity entries this change appended, in order (empty for a reset). */
  entries: ActivityEntry[];
  relations: boolean;
  reset: boolean;
};

/** What an operation answers, in domain terms (src/domain/outcome.ts); handlers speak HTTP. */
export type { Outcome } from '@/domain/outcome';
