/**
 * What the alerts queue shows — filters, search, sort and page — read from and written to the
 * URL's query string, so a bookmarked link reopens the same view and back/forward moves between
 * views. Anything in the URL that is not a known value is dropped, never an error.
 *
 * `/alerts` alone is Defender's default view: New and In progress alerts, newest first.
 */
import type { AlertListParams } from '@/api/alerts/alerts-api';
import { odataString } from '@/api/odata-query';
import {
  ASSIGNMENT_OPTIONS,
  CATEGORY_OPTIONS,
  CLASSIFICATION_OPTIONS,
  DETECTION_SOURCE_OPTIONS,
  SERVICE_SOURCE_OPTIONS,
  SEVERITY_OPTIONS,
  STATUS_OPTIONS,
  type FilterOption,
} from './alerts-queue-labels';

export const ALERTS_PAGE_SIZE = 50;

/** The queue's filters, each a list of wire values; an empty list means "any". */
export type AlertFilters = {
  status: readonly string[];
  severity: readonly string[];
  serviceSource: readonly string[];
  detectionSource: readonly string[];
  category: readonly string[];
  classification: readonly string[];
  assignment: readonly string[];
};

export type FilterKey = keyof AlertFilters;

/** Columns Graph can order alerts by; the ids are the Graph property names. */
export const SORTABLE_COLUMNS = [
  'title',
  'id',
  'severity',
  'status',
  'category',
  'serviceSource',
  'detectionSource',
  'incidentId',
  'assignedTo',
  'firstActivityDateTime',
  'lastActivityDateTime',
  'createdDateTime',
] as const;

export type SortColumn = (typeof SORTABLE_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';
export type AlertSort = { column: SortColumn; direction: SortDirection };

export type AlertsQueueView = {
  filters: AlertFilters;
  /** Alert name or ID, as typed (trimmed). */
  search: string;
  sort: AlertSort;
  /** 1-based. */
  page: number;
};

/** One filter: its URL parameter, its portal name and its choices. */
export type FilterDefinition = {
  key: FilterKey;
  param: string;
  label: string;
  options: readonly FilterOption[];
};

/** The filters in the order the filter bar shows them. */
export const FILTER_DEFINITIONS: readonly FilterDefinition[] = [
  { key: 'status', param: 'status', label: 'Status', options: STATUS_OPTIONS },
  { key: 'severity', param: 'severity', label: 'Severity', options: SEVERITY_OPTIONS },
  {
    key: 'serviceSource',
    param: 'source',
    label: 'Service source',
    options: SERVICE_SOURCE_OPTIONS,
  },
  {
    key: 'detectionSource',
    param: 'detection',
    label: 'Detection source',
    options: DETECTION_SOURCE_OPTIONS,
  },
  { key: 'category', param: 'category', label: 'Category', options: CATEGORY_OPTIONS },
  {
    key: 'classification',
    param: 'classification',
    label: 'Classification',
    options: CLASSIFICATION_OPTIONS,
  },
  { key: 'assignment', param: 'assigned', label: 'Assigned to', options: ASSIGNMENT_OPTIONS },
];

/** Defender's alerts queue opens on New and In progress alerts (SPEC.md §12.6). */
export const DEFAULT_STATUSES: readonly string[] = ['new', 'inProgress'];
export const DEFAULT_SORT: AlertSort = { column: 'createdDateTime', direction: 'desc' };

/** How the URL says "any status" (the status filter alone has a non-empty default). */
const ANY = 'any';
const SEARCH_PARAM = 'q';
const SORT_PARAM = 'sort';
const PAGE_PARAM = 'page';
const MAX_SEARCH_LENGTH = 200;

export const NO_FILTERS: AlertFilters = {
  status: [],
  severity: [],
  serviceSource: [],
  detectionSource: [],
  category: [],
  classification: [],
  assignment: [],
};

export const DEFAULT_VIEW: AlertsQueueView = {
  filters: { ...NO_FILTERS, status: DEFAULT_STATUSES },
  search: '',
  sort: DEFAULT_SORT,
  page: 1,
};

/** The known values of a comma-separated list, matched case-insensitively, in the options' order. */
function parseList(raw: string, options: readonly FilterOption[]): string[] {
  const wanted = new Set(
    raw
      .split(',')
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean),
  );
  return options.filter((o) => wanted.has(o.value.toLowerCase())).map((o) => o.value);
}

function parseSort(raw: string | null): AlertSort {
  if (!raw) return DEFAULT_SORT;
  const [name = '', dir = 'asc'] = raw.split(':');
  const column = SORTABLE_COLUMNS.find((c) => c.toLowerCase() === name.trim().toLowerCase());
  const direction = dir.trim().toLowerCase();
  if (!column || (direction !== 'asc' && direction !== 'desc')) return DEFAULT_SORT;
  return { column, direction };
}

function parsePage(raw: string | null): number {
  if (!raw || !/^\d{1,6}$/.test(raw.trim())) return 1;
  return Math.max(1, Number.parseInt(raw.trim(), 10));
}

/** Reads the view from the URL's query string; unknown or malformed values are ignored. */
export function parseView(params: URLSearchParams): AlertsQueueView {
  const filters = { ...NO_FILTERS };
  for (const def of FILTER_DEFINITIONS) {
    const raw = params.get(def.param);
    if (def.key === 'status') {
      if (raw === null) filters.status = DEFAULT_STATUSES;
      else if (raw.trim() === '' || raw.trim().toLowerCase() === ANY) filters.status = [];
      else {
        const values = parseList(raw, def.options);
        filters.status = values.length > 0 ? values : DEFAULT_STATUSES;
      }
    } else if (raw !== null) {
      filters[def.key] = parseList(raw, def.options);
    }
  }
  const search = (params.get(SEARCH_PARAM) ?? '').trim().slice(0, MAX_SEARCH_LENGTH);
  return {
    filters,
    search,
    sort: parseSort(params.get(SORT_PARAM)),
    page: parsePage(params.get(PAGE_PARAM)),
  };
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}

/**
 * Writes the view into a copy of `current`, keeping parameters the queue does not own (such as
 * `?alert=` of the details panel). Defaults are left out, so `/alerts` stays the default view.
 */
export function writeView(current: URLSearchParams, view: AlertsQueueView): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const def of FILTER_DEFINITIONS) {
    const values = view.filters[def.key];
    next.delete(def.param);
    if (def.key === 'status') {
      if (values.length === 0) next.set(def.param, ANY);
      else if (!sameValues(values, DEFAULT_STATUSES)) next.set(def.param, values.join(','));
    } else if (values.length > 0) {
      next.set(def.param, values.join(','));
    }
  }
  next.delete(SEARCH_PARAM);
  if (view.search) next.set(SEARCH_PARAM, view.search);
  next.delete(SORT_PARAM);
  if (view.sort.column !== DEFAULT_SORT.column || view.sort.direction !== DEFAULT_SORT.direction) {
    next.set(SORT_PARAM, `${view.sort.column}:${view.sort.direction}`);
  }
  next.delete(PAGE_PARAM);
  if (view.page > 1) next.set(PAGE_PARAM, String(view.page));
  return next;
}

/** Whether any filter or search narrows the queue (the default status filter counts). */
export function hasActiveFilters(view: AlertsQueueView): boolean {
  return view.search !== '' || FILTER_DEFINITIONS.some((d) => view.filters[d.key].length > 0);
}

/** `(a eq 'x' or a eq 'y')`: written with `or` rather than `in`, which every Graph version reads. */
function anyOf(property: string, values: readonly string[]): string {
  const terms = values.map((v) => `${property} eq ${odataString(v)}`);
  return terms.length === 1 ? (terms[0] ?? '') : `(${terms.join(' or ')})`;
}

/** The `$filter` of a view; "Assigned to me" is the signed-in persona's UPN. */
export function buildAlertsFilter(view: AlertsQueueView, upn: string): string | undefined {
  const { filters } = view;
  const clauses: string[] = [];
  if (filters.status.length > 0) clauses.push(anyOf('status', filters.status));
  if (filters.severity.length > 0) clauses.push(anyOf('severity', filters.severity));
  if (filters.serviceSource.length > 0) {
    clauses.push(anyOf('serviceSource', filters.serviceSource));
  }
  if (filters.detectionSource.length > 0) {
    clauses.push(anyOf('detectionSource', filters.detectionSource));
  }
  if (filters.category.length > 0) clauses.push(anyOf('category', filters.category));
  if (filters.classification.length > 0) {
    const terms = filters.classification.flatMap((c) =>
      c === 'unknown'
        ? ['classification eq null', `classification eq 'unknown'`]
        : [`classification eq ${odataString(c)}`],
    );
    clauses.push(terms.length === 1 ? (terms[0] ?? '') : `(${terms.join(' or ')})`);
  }
  if (filters.assignment.length > 0) {
    const terms = filters.assignment.map((a) =>
      a === 'me' ? `assignedTo eq ${odataString(upn)}` : 'assignedTo eq null',
    );
    clauses.push(terms.length === 1 ? (terms[0] ?? '') : `(${terms.join(' or ')})`);
  }
  if (view.search) {
    const text = odataString(view.search);
    clauses.push(`(contains(title,${text}) or id eq ${text})`);
  }
  return clauses.length > 0 ? clauses.join(' and ') : undefined;
}

/** The fields the queue shows: the list stays small (no evidence, no comments). */
const LIST_SELECT = [
  'id',
  'title',
  'severity',
  'status',
  'category',
  'serviceSource',
  'detectionSource',
  'incidentId',
  'assignedTo',
  'classification',
  'firstActivityDateTime',
  'lastActivityDateTime',
  'createdDateTime',
].join(',');

/** The Graph request of one page of the queue. */
export function toAlertListParams(view: AlertsQueueView, upn: string): AlertListParams {
  const filter = buildAlertsFilter(view, upn);
  return {
    ...(filter ? { filter } : {}),
    orderby: `${view.sort.column} ${view.sort.direction}`,
    top: ALERTS_PAGE_SIZE,
    skip: (view.page - 1) * ALERTS_PAGE_SIZE,
    count: true,
    select: LIST_SELECT,
  };
}
