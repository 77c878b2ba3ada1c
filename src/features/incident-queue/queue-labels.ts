/** What the queue's filters and chips call each value (the portal's words). */
import { CLASSIFICATION_LABELS, SEVERITY_LABELS } from '@/domain/enums';
import { sourceLabel } from '@/domain/sources';
import type {
  AssignmentFilter,
  ClassificationFilter,
  SeverityFilter,
  SourceFilter,
  StatusFilter,
} from './queue-state';

/** The queue's filter says "New" where the Manage pane says "Active" (SPEC.md §12.1). */
export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = {
  active: 'New',
  inProgress: 'In progress',
  resolved: 'Resolved',
};

export const SEVERITY_FILTER_LABELS: Record<SeverityFilter, string> = {
  high: SEVERITY_LABELS.high,
  medium: SEVERITY_LABELS.medium,
  low: SEVERITY_LABELS.low,
  informational: SEVERITY_LABELS.informational,
};

export const ASSIGNMENT_FILTER_LABELS: Record<AssignmentFilter, string> = {
  me: 'Assigned to me',
  otherUser: 'Assigned to another user',
  group: 'Assigned to a user group',
  unassigned: 'Unassigned',
};

export const CLASSIFICATION_FILTER_LABELS: Record<ClassificationFilter, string> = {
  truePositive: CLASSIFICATION_LABELS.truePositive,
  informationalExpectedActivity: CLASSIFICATION_LABELS.informationalExpectedActivity,
  falsePositive: CLASSIFICATION_LABELS.falsePositive,
  unknown: CLASSIFICATION_LABELS.unknown,
};

export const sourceFilterLabel = (source: SourceFilter): string => sourceLabel(source);
