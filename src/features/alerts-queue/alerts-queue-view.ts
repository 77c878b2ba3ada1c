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
  defineUrlView,
  enumList,
  group,
  page,
  sort,
  text,
  type UrlField,
  type UrlSort,
} from '@/components/url-view';
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

/** Longest search text sent to the server; longer input is cut. */
export const MAX_SEARCH_LENGTH = 200;

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

/**
 * The queue's columns, in the order the grid shows them; Graph can order alerts by each (the ids
 * are Graph's property names).
 */
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

type SortColumn = (typeof SORTABLE_COLUMNS)[number];
export type AlertSort = UrlSort<SortColumn>;

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
const DEFAULT_STATUSES: readonly string[] = ['new', 'inProgress'];
const DEFAULT_SORT: AlertSort = { field: 'createdDateTime', direction: 'descending' };

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

/**
 * The view as the URL holds it. Filters are comma lists (`severity=high,low`), and read repeated
 * names too; `status=any` says "any status", as the status filter alone has a default.
 */
export const alertsQueueView = defineUrlView({
  filters: group(
    Object.fromEntries(
      FILTER_DEFINITIONS.map((def) => [
        def.key,
        enumList({
          name: def.param,
          values: def.options.map((o) => o.value),
          encoding: 'comma',
          ...(def.key === 'status' ? { default: DEFAULT_STATUSES, none: 'any' } : {}),
        }),
      ]),
    ) as Record<FilterKey, UrlField<readonly string[]>>,
  ),
  search: text({ name: 'q', maxLength: MAX_SEARCH_LENGTH }),
  sort: sort({
    name: 'sort',
    encoding: { kind: 'colon' },
    fields: SORTABLE_COLUMNS,
    default: DEFAULT_SORT,
  }),
  page: page({ name: 'page' }),
});

/** Reads the view from the URL's query string; unknown or malformed values are ignored. */
export function parseView(params: URLSearchParams): AlertsQueueView {
  return alertsQueueView.parse(params);
}

/**
 * Writes the view into a copy of `current`, keeping parameters the queue does not own (such as
 * `?alert=` of the details panel). Defaults are left out, so `/alerts` stays the default view.
 */
export function writeView(current: URLSearchParams, view: AlertsQueueView): URLSearchParams {
  return alertsQueueView.write(current, view);
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

/**
 * The `$filter` of a view; "Assigned to me" is the signed-in persona's UPN. The search is left
 * out when the console applies it itself (live mode: real Graph may refuse `contains`).
 */
function buildAlertsFilter(
  view: AlertsQueueView,
  upn: string,
  withSearch: boolean,
): string | undefined {
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
  if (view.search && withSearch) {
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

/**
 * The Graph request of one page of the queue; `live` leaves the search to the console
 * (live-search.ts).
 */
export function toAlertListParams(
  view: AlertsQueueView,
  upn: string,
  options: { live?: boolean } = {},
): AlertListParams {
  const filter = buildAlertsFilter(view, upn, options.live !== true);
  return {
    ...(filter ? { filter } : {}),
    orderby: `${view.sort.field} ${view.sort.direction === 'ascending' ? 'asc' : 'desc'}`,
    top: ALERTS_PAGE_SIZE,
    skip: (view.page - 1) * ALERTS_PAGE_SIZE,
    count: true,
    select: LIST_SELECT,
  };
}
