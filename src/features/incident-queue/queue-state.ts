/**
 * The queue's view (filters, sort, page, search) as it lives in the URL query string, so a
 * bookmarked or shared link reopens the same view and back/forward move between views.
 * Parsing never throws: unknown or malformed values are dropped and the rest is kept.
 */
import type { AlertClassification, AlertSeverity, IncidentStatus } from '@/domain/enums';
import { LIMITS } from '@/domain/limits';
import { PRODUCT_SOURCES } from '@/domain/sources';

/** Statuses the queue filters on (Defender's filter: New, In progress, Resolved). */
export const STATUS_FILTER_VALUES = [
  'active',
  'inProgress',
  'resolved',
] as const satisfies readonly IncidentStatus[];
export type StatusFilter = (typeof STATUS_FILTER_VALUES)[number];

/** Defender opens the queue on new and in-progress incidents. */
export const DEFAULT_STATUSES: readonly StatusFilter[] = ['active', 'inProgress'];

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
export type SortDirection = 'ascending' | 'descending';
export type QueueSort = { field: SortField; direction: SortDirection };

/** Most recently updated first, as Defender orders the queue. */
export const DEFAULT_SORT: QueueSort = { field: 'lastUpdateDateTime', direction: 'descending' };

/** Incidents per page: Graph's `$top` limit on `security/incidents`. */
export const PAGE_SIZE = LIMITS.maxIncidentsTop;

/** Longest search text sent to the server; longer input is cut. */
export const MAX_SEARCH_LENGTH = 200;

export type QueueFilters = {
  statuses: readonly StatusFilter[];
  severities: readonly SeverityFilter[];
  assignments: readonly AssignmentFilter[];
  classifications: readonly ClassificationFilter[];
  sources: readonly SourceFilter[];
  tags: readonly string[];
  /** "Search for name or ID". */
  search: string;
};

export type QueueState = QueueFilters & {
  sort: QueueSort;
  /** 1-based. */
  page: number;
};

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
  sort: DEFAULT_SORT,
  page: 1,
};

/** Query-string names. Multi-valued filters repeat their name (`severity=high&severity=low`). */
export const QUEUE_PARAMS = {
  status: 'status',
  severity: 'severity',
  assignment: 'assignment',
  classification: 'classification',
  source: 'source',
  tag: 'tag',
  search: 'q',
  sort: 'sort',
  order: 'order',
  page: 'page',
} as const;

/** `status=all` says "no status filter", which differs from the default (no `status` at all). */
const ALL_STATUSES = 'all';

/** Known values of a multi-valued enum parameter, in the options' order, without duplicates. */
function readEnumList<T extends string>(
  params: URLSearchParams,
  name: string,
  values: readonly T[],
): T[] {
  const given = new Set(
    params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim().toLowerCase()),
  );
  return values.filter((v) => given.has(v.toLowerCase()));
}

function readTags(params: URLSearchParams): string[] {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const raw of params.getAll(QUEUE_PARAMS.tag)) {
    const tag = raw.trim().slice(0, LIMITS.maxTagLength);
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  return tags;
}

function readStatuses(params: URLSearchParams): StatusFilter[] {
  const raw = params.getAll(QUEUE_PARAMS.status);
  if (raw.length === 0) return [...DEFAULT_STATUSES];
  if (raw.some((v) => v.trim().toLowerCase() === ALL_STATUSES)) return [];
  // `new` is what the portal calls Graph's `active`.
  const aliased = new URLSearchParams(
    raw
      .flatMap((v) => v.split(','))
      .map((v) => [QUEUE_PARAMS.status, v.trim() === 'new' ? 'active' : v]),
  );
  const statuses = readEnumList(aliased, QUEUE_PARAMS.status, STATUS_FILTER_VALUES);
  // Nothing recognisable: the analyst gets the default view rather than everything.
  return statuses.length === 0 ? [...DEFAULT_STATUSES] : statuses;
}

function readSort(params: URLSearchParams): QueueSort {
  const fieldText = params.get(QUEUE_PARAMS.sort)?.trim().toLowerCase();
  const field = SORT_FIELDS.find((f) => f.toLowerCase() === fieldText);
  if (!field) return DEFAULT_SORT;
  const order = params.get(QUEUE_PARAMS.order)?.trim().toLowerCase();
  const direction: SortDirection =
    order === 'asc' ? 'ascending' : order === 'desc' ? 'descending' : defaultDirection(field);
  return { field, direction };
}

function readPage(params: URLSearchParams): number {
  const text = params.get(QUEUE_PARAMS.page)?.trim() ?? '';
  if (!/^\d{1,7}$/.test(text)) return 1;
  return Math.max(1, Number(text));
}

/** The direction a column sorts in when first chosen: worst and newest first, names A→Z. */
export function defaultDirection(field: SortField): SortDirection {
  return field === 'severity' || field === 'lastUpdateDateTime' ? 'descending' : 'ascending';
}

/** Reads the queue's view from a query string; never throws, ignores what it does not know. */
export function parseQueueState(params: URLSearchParams): QueueState {
  return {
    statuses: readStatuses(params),
    severities: readEnumList(params, QUEUE_PARAMS.severity, SEVERITY_FILTER_VALUES),
    assignments: readEnumList(params, QUEUE_PARAMS.assignment, ASSIGNMENT_FILTER_VALUES),
    classifications: readEnumList(
      params,
      QUEUE_PARAMS.classification,
      CLASSIFICATION_FILTER_VALUES,
    ),
    sources: readEnumList(params, QUEUE_PARAMS.source, SOURCE_FILTER_VALUES),
    tags: readTags(params),
    search: (params.get(QUEUE_PARAMS.search) ?? '').trim().slice(0, MAX_SEARCH_LENGTH),
    sort: readSort(params),
    page: readPage(params),
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Writes the view into a copy of `base`, in canonical form (defaults left out, options in their
 * usual order). Parameters that are not the queue's (e.g. `alert`, the open alert panel) are kept.
 */
export function writeQueueState(base: URLSearchParams, state: QueueState): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const name of Object.values(QUEUE_PARAMS)) next.delete(name);

  const statuses = STATUS_FILTER_VALUES.filter((s) => state.statuses.includes(s));
  if (statuses.length === 0) next.append(QUEUE_PARAMS.status, ALL_STATUSES);
  else if (!sameList(statuses, DEFAULT_STATUSES))
    for (const s of statuses) next.append(QUEUE_PARAMS.status, s);

  const list = <T extends string>(name: string, values: readonly T[], chosen: readonly T[]) => {
    for (const v of values) if (chosen.includes(v)) next.append(name, v);
  };
  list(QUEUE_PARAMS.severity, SEVERITY_FILTER_VALUES, state.severities);
  list(QUEUE_PARAMS.assignment, ASSIGNMENT_FILTER_VALUES, state.assignments);
  list(QUEUE_PARAMS.classification, CLASSIFICATION_FILTER_VALUES, state.classifications);
  list(QUEUE_PARAMS.source, SOURCE_FILTER_VALUES, state.sources);
  for (const tag of state.tags) next.append(QUEUE_PARAMS.tag, tag);

  const search = state.search.trim();
  if (search !== '') next.set(QUEUE_PARAMS.search, search);

  if (state.sort.field !== DEFAULT_SORT.field || state.sort.direction !== DEFAULT_SORT.direction) {
    next.set(QUEUE_PARAMS.sort, state.sort.field);
    next.set(QUEUE_PARAMS.order, state.sort.direction === 'ascending' ? 'asc' : 'desc');
  }
  if (state.page > 1) next.set(QUEUE_PARAMS.page, String(state.page));
  return next;
}

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
