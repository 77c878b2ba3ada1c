/**
 * The queue's view → Graph's OData options for `GET /security/incidents`. Pure, so the rules are
 * tested without a browser. Tags, service sources and "name or ID" use the mock's documented
 * `$filter` extensions (README "The contract"); live mode leaves them out (local-filters.ts).
 */
import type { IncidentListParams } from '@/api/incidents/incidents-api';
import { odataString } from '@/api/odata-query';
import { LIMITS } from '@/domain/limits';
import type { AssignmentFilter, QueueFilters, QueueState, SortField } from './queue-state';
import { timeRangeClause } from './time-range';

/**
 * Who "me" is, and which owners are groups rather than people. `live`: the service is real
 * Graph, which refuses the name search, tag and source filters (local-filters.ts does them).
 */
export type QueueIdentity = { upn: string; groups: readonly string[]; live?: boolean };

const anyOf = (terms: string[]): string | undefined => {
  if (terms.length === 0) return undefined;
  return terms.length === 1 ? terms[0] : `(${terms.join(' or ')})`;
};

/** Never true; Graph has no `false` literal in `$filter` on incidents. */
const NOTHING = '(assignedTo eq null and assignedTo ne null)';

function assignmentTerm(value: AssignmentFilter, identity: QueueIdentity): string {
  const me = odataString(identity.upn);
  switch (value) {
    case 'me':
      return `assignedTo eq ${me}`;
    case 'unassigned':
      return 'assignedTo eq null';
    case 'group':
      return anyOf(identity.groups.map((g) => `assignedTo eq ${odataString(g)}`)) ?? NOTHING;
    case 'otherUser':
      return `(${[
        'assignedTo ne null',
        `assignedTo ne ${me}`,
        ...identity.groups.map((g) => `assignedTo ne ${odataString(g)}`),
      ].join(' and ')})`;
  }
}

/** Whether the filters need the directory's groups to be expressed. */
export function needsDirectory(filters: QueueFilters): boolean {
  return filters.assignments.some((a) => a === 'group' || a === 'otherUser');
}

/** `$filter` for the queue's filters; `undefined` when nothing narrows the list. */
export function buildQueueFilter(
  filters: QueueFilters,
  identity: QueueIdentity,
): string | undefined {
  const search = identity.live ? '' : filters.search.trim();
  const tags = identity.live ? [] : filters.tags;
  const sources = identity.live ? [] : filters.sources;
  const clauses = [
    anyOf(filters.statuses.map((s) => `status eq '${s}'`)),
    anyOf(filters.severities.map((s) => `severity eq '${s}'`)),
    anyOf(filters.assignments.map((a) => assignmentTerm(a, identity))),
    anyOf(
      filters.classifications.flatMap((c) =>
        c === 'unknown'
          ? ['classification eq null', "classification eq 'unknown'"]
          : [`classification eq '${c}'`],
      ),
    ),
    anyOf(tags.map((t) => `customTags/any(t:t eq ${odataString(t)})`)),
    anyOf(sources.map((s) => `alerts/any(a:a/serviceSource eq '${s}')`)),
    search === ''
      ? undefined
      : `(contains(displayName,${odataString(search)}) or id eq ${odataString(search)})`,
  ].filter((c): c is string => c !== undefined);
  return clauses.length === 0 ? undefined : clauses.join(' and ');
}

function buildQueueOrderBy(sort: { field: SortField; direction: string }): string {
  return `${sort.field} ${sort.direction === 'ascending' ? 'asc' : 'desc'}`;
}

/**
 * What the queue reads of each incident's alerts: its derived columns (count, sources, first and
 * last activity) and an expanded row's columns. Not their evidence, descriptions or comments,
 * which make up most of an alert and which only an alert's own panel shows: a page of 50 is then
 * a tenth of the size.
 */
const QUEUE_ALERT_FIELDS = [
  'title',
  'severity',
  'status',
  'category',
  'serviceSource',
  'detectionSource',
  'incidentId',
  'assignedTo',
  'classification',
  'determination',
  'createdDateTime',
  'lastUpdateDateTime',
  'firstActivityDateTime',
  'lastActivityDateTime',
];

/** The alerts an incident of the queue (or an export) carries, with only those fields. */
const QUEUE_ALERTS_EXPAND = `alerts($select=${QUEUE_ALERT_FIELDS.join(',')})`;

/** `$filter` for the filters and the time range (relative ranges count back from `now`). */
function buildViewFilter(state: QueueState, identity: QueueIdentity, now: Date): string {
  const filters = buildQueueFilter(state, identity);
  const time = timeRangeClause(state.timeRange, now);
  return filters ? `${filters} and ${time}` : time;
}

/**
 * One page of the queue, with the total and each incident's alerts (for counts and sources).
 * A page of 100 is more than Graph's `$top` allows: the fetcher reads it in requests of 50.
 */
export function buildQueueListParams(
  state: QueueState,
  identity: QueueIdentity,
  now: Date,
): IncidentListParams {
  return {
    filter: buildViewFilter(state, identity, now),
    orderby: buildQueueOrderBy(state.sort),
    top: state.pageSize,
    skip: (state.page - 1) * state.pageSize,
    count: true,
    expand: QUEUE_ALERTS_EXPAND,
  };
}

/** The first request of an export: the view's incidents in its order, 50 at a time. */
export function buildExportParams(
  state: QueueState,
  identity: QueueIdentity,
  now: Date,
): IncidentListParams {
  return {
    filter: buildViewFilter(state, identity, now),
    orderby: buildQueueOrderBy(state.sort),
    top: LIMITS.maxIncidentsTop,
    count: true,
    expand: QUEUE_ALERTS_EXPAND,
  };
}
