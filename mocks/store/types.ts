/**
 * The incident store's records. Alerts are kept in their Graph wire shape; incidents carry a few
 * mock-internal fields (prefixed in meaning, not in name) that never reach the wire.
 */
import type { ActivityEntry } from '@/domain/activity';
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
  /** The Sentinel workspace of a Sentinel incident, else null. */
  workspace: WorkspaceRef | null;
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
  /** Workspace of a Sentinel alert, else null. */
  workspace: WorkspaceRef | null;
};

/** A Sentinel relation: an alert related to an incident besides its home (SPEC.md §7.4). */
export type RelationRecord = {
  incidentId: string;
  relationName: string;
  alertId: string;
  createdDateTime: string;
  createdBy: string;
  version: number;
};

export type SeedSize = 'default' | 'large';

export const SCHEMA_VERSION = 1;

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
  relations: boolean;
  reset: boolean;
};

export type StoreErrorCode =
  'BadRequest' | 'Unauthorized' | 'Forbidden' | 'NotFound' | 'Conflict' | 'PreconditionFailed';

/** A refused operation: the HTTP status, Graph-style code and a message naming what was wrong. */
export type StoreError = {
  status: 400 | 401 | 403 | 404 | 409 | 412;
  code: StoreErrorCode;
  message: string;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: StoreError };
