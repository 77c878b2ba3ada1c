/**
 * The queue's view (filters, sort, page, search) as it lives in the URL query string, so a
 * bookmarked or shared link reopens the same view and back/forward move between views.
 * Parsing never throws: unknown or malformed values are dropped and the rest is kept.
 */
import {
  defineUrlView,
  enumList,
  page,
  sort,
  tags,
  text,
  type SortDirection,
  type UrlSort,
  type UrlViewValue,
} from '@/components/url-view';
import type { AlertClassification, AlertSeverity, IncidentStatus } from '@/domain/enums';
import { LIMITS } from '@/domain/limits';
import { PRODUCT_SOURCES } from '@/domain/sources';
import { DEFAULT_PAGE_SIZE, pageSizeField } from './page-size';
import { DEFAULT_TIME_RANGE, timeRangeField } from './time-range';

/** Statuses the queue filters on (Defender's filter: New, In progress, Resolved). */
export const STATUS_FILTER_VALUES = [
  'active',
  'inProgress',
  'resolved',
] as const satisfies readonly IncidentStatus[];
export type StatusFilter = (typeof STATUS_FILTER_VALUES)[number];

/** Defender opens the queue on new and in-progress incidents. */
const DEFAULT_STATUSES: readonly StatusFilter[] = ['active', 'inProgress'];

export const SEVERITY_FILTER_VALUES = [
  'high',
  'medium',
  'low',
  'informational',
] as const satisfies readonly AlertSeverity[];
export type SeverityFilter = (typeof SEVERITY_FILTER_VALUES)[number];

export const ASSIGNMENT_FILTER_VALUES = ['me', 'otherUser', 'group', 'unassigned'] as const;
export type AssignmentFilter = (typeof ASSIGNMENT_FILTER_VALUES)[number];

/** `unknown` stands for "Not set" (Graph returns null or `unknown`). */
export const CLASSIFICATION_FILTER_VALUES = [
  'truePositive',
  'informationalExpectedActivity',
  'falsePositive',
  'unknown',
] as const satisfies readonly AlertClassification[];
export type ClassificationFilter = (typeof CLASSIFICATION_FILTER_VALUES)[number];

export const SOURCE_FILTER_VALUES = PRODUCT_SOURCES;
export type SourceFilter = (typeof SOURCE_FILTER_VALUES)[number];

/** Columns Graph can sort incidents by (`$orderby`), as the queue shows them. */
export const SORT_FIELDS = [
  'displayName',
  'id',
  'severity',
  'status',
  'assignedTo',
  'classification',
  'determination',
  'lastUpdateDateTime',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type QueueSort = UrlSort<SortField>;

/** Most recently updated first, as Defender orders the queue. */
const DEFAULT_SORT: QueueSort = { field: 'lastUpdateDateTime', direction: 'descending' };

/** Longest search text sent to the server; longer input is cut. */
export const MAX_SEARCH_LENGTH = 200;

/** The direction a column sorts in when first chosen: worst and newest first, names A→Z. */
export function defaultDirection(field: SortField): SortDirection {
  return field === 'severity' || field === 'lastUpdateDateTime' ? 'descending' : 'ascending';
}

/** Query-string names. Multi-valued filters repeat their name (`severity=high&severity=low`). */
export const QUEUE_PARAMS = {
  status: 'status',
  severity: 'severity',
  assignment: 'assignment',
  classification: 'classification',
  source: 'source',
  tag: 'tag',
  search: 'q',
  timeRange: 'range',
  timeRangeFrom: 'from',
  timeRangeTo: 'to',
  pageSize: 'size',
  sort: 'sort',
  order: 'order',
  page: 'page',
} as const;

/** The queue's view as the URL holds it, in the order its parameters are written. */
export const queueView = defineUrlView({
  statuses: enumList({
    name: QUEUE_PARAMS.status,
    values: STATUS_FILTER_VALUES,
    encoding: 'repeat',
    default: DEFAULT_STATUSES,
    // `status=all` says "no status filter", which differs from the default (no `status` at all).
    none: 'all',
    // `new` is what the portal calls Graph's `active`.
    aliases: { new: 'active' },
  }),
  severities: enumList({
    name: QUEUE_PARAMS.severity,
    values: SEVERITY_FILTER_VALUES,
    encoding: 'repeat',
  }),
  assignments: enumList({
    name: QUEUE_PARAMS.assignment,
    values: ASSIGNMENT_FILTER_VALUES,
    encoding: 'repeat',
  }),
  classifications: enumList({
    name: QUEUE_PARAMS.classification,
    values: CLASSIFICATION_FILTER_VALUES,
    encoding: 'repeat',
  }),
  sources: enumList({
    name: QUEUE_PARAMS.source,
    values: SOURCE_FILTER_VALUES,
    encoding: 'repeat',
  }),
  tags: tags({ name: QUEUE_PARAMS.tag, maxLength: LIMITS.maxTagLength }),
  /** "Search for name or ID". */
  search: text({ name: QUEUE_PARAMS.search, maxLength: MAX_SEARCH_LENGTH }),
  /** The time range (time-range.ts); six months unless the URL says otherwise. */
  timeRange: timeRangeField({
    range: QUEUE_PARAMS.timeRange,
    from: QUEUE_PARAMS.timeRangeFrom,
    to: QUEUE_PARAMS.timeRangeTo,
  }),
  /** Incidents per page (page-size.ts): 30, 50 or 100. */
  pageSize: pageSizeField(QUEUE_PARAMS.pageSize),
  sort: sort({
    name: QUEUE_PARAMS.sort,
    encoding: { kind: 'pair', orderName: QUEUE_PARAMS.order },
    fields: SORT_FIELDS,
    default: DEFAULT_SORT,
    initialDirection: defaultDirection,
  }),
  /** 1-based. */
  page: page({ name: QUEUE_PARAMS.page }),
});

export type QueueState = UrlViewValue<typeof queueView>;
/** The filters: what "Clear filters" clears and a saved filter set holds with the time range. */
export type QueueFilters = Omit<QueueState, 'sort' | 'page' | 'timeRange' | 'pageSize'>;

/** No filter at all (what "Clear filters" leaves). */
export const NO_FILTERS: QueueFilters = {
  statuses: [],
  severities: [],
  assignments: [],
  classifications: [],
  sources: [],
  tags: [],
  search: '',
};

export const DEFAULT_QUEUE_STATE: QueueState = {
  ...NO_FILTERS,
  statuses: DEFAULT_STATUSES,
  timeRange: DEFAULT_TIME_RANGE,
  pageSize: DEFAULT_PAGE_SIZE,
  sort: DEFAULT_SORT,
  page: 1,
};

/** Reads the queue's view from a query string; never throws, ignores what it does not know. */
export function parseQueueState(params: URLSearchParams): QueueState {
  return queueView.parse(params);
}

/**
 * Writes the view into a copy of `base`, in canonical form (defaults left out, options in their
 * usual order). Parameters that are not the queue's (e.g. `alert`, the open alert panel) are kept.
 */
export function writeQueueState(base: URLSearchParams, state: QueueState): URLSearchParams {
  return queueView.write(base, state);
}

/** The view's own URL parameters, as one string: two states show the same list if it is equal. */
export const queueViewKey = (state: QueueState): string =>
  writeQueueState(new URLSearchParams(), state).toString();

/** The view's parameters but its sort (and the page, which a sort resets): what the tools show. */
export const queueViewKeyButSort = (state: QueueState): string =>
  queueViewKey({ ...state, sort: DEFAULT_SORT, page: 1 });

/** Whether any filter narrows the list (the default status filter counts). */
export function hasAnyFilter(filters: QueueFilters): boolean {
  return (
    filters.statuses.length > 0 ||
    filters.severities.length > 0 ||
    filters.assignments.length > 0 ||
    filters.classifications.length > 0 ||
    filters.sources.length > 0 ||
    filters.tags.length > 0 ||
    filters.search.trim() !== ''
  );
}
