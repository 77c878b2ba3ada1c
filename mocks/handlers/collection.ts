/**
 * One OData collection read, shared by `security/incidents` and `security/alerts_v2`:
 * validate the query options, filter, sort, page, and build the absolute `@odata.nextLink`.
 * A read of one entity takes the same options' `$select` and `$expand` (`queryEntity`).
 */
import {
  parseFilter,
  parseOrderBy,
  parseQueryOptions,
  parseSelect,
  type Accessor,
  type EntitySchema,
  type OrderBy,
} from './odata';
import { firstK } from './top-k';

type CollectionQuery = {
  top: number;
  skip: number;
  count: boolean;
  expand: string[];
  /** The properties a `$select` inside `$expand` keeps, by expanded property. */
  expandSelect: Record<string, string[]>;
  select?: string[];
};

export type CollectionPage<R> =
  | { ok: true; rows: R[]; total: number; query: CollectionQuery; nextLink?: string }
  | { ok: false; code: string; message: string };

export type CollectionSpec<R> = {
  schema: EntitySchema;
  entity: 'incident' | 'alert';
  get: Accessor<R>;
  maxTop: number;
  defaultTop: number;
  expandable: string[];
  /** The schema of each expandable property's items (for `$select` inside `$expand`). */
  expandSchemas?: Readonly<Record<string, EntitySchema>>;
  /** Order when the client gives none, and the last tiebreak of every order. */
  defaultOrder: (a: R, b: R) => number;
};

/** Runs a collection query over `rows` (already limited to what the caller may see). */
export function queryCollection<R>(
  url: URL,
  rows: readonly R[],
  spec: CollectionSpec<R>,
): CollectionPage<R> {
  const options = parseQueryOptions(url.searchParams, {
    maxTop: spec.maxTop,
    defaultTop: spec.defaultTop,
    expandable: spec.expandable,
    ...(spec.expandSchemas ? { expandSchemas: spec.expandSchemas } : {}),
    entity: spec.entity,
  });
  if (!options.ok) return { ok: false, code: options.error.code, message: options.error.message };
  const o = options.value;
  // Graph's security lists document no $search; answering it unfiltered would pass for a search.
  if (o.search !== undefined) {
    const field = spec.schema.searchableFields?.[0] ?? 'displayName';
    return {
      ok: false,
      code: 'BadRequest',
      message: `Query option '$search' is not supported on this list. To find by name, use $filter=contains(${field},'…').`,
    };
  }

  let filtered: R[];
  if (o.filter !== undefined) {
    const f = parseFilter(o.filter, spec.schema, spec.get);
    if (!f.ok) return { ok: false, code: 'BadRequest', message: f.error.message };
    filtered = rows.filter(f.predicate);
  } else {
    filtered = [...rows];
  }

  let order: OrderBy<R> | undefined;
  if (o.orderby !== undefined) {
    const parsed = parseOrderBy(o.orderby, spec.schema, spec.get);
    if (!parsed.ok) return { ok: false, code: 'BadRequest', message: parsed.error.message };
    order = parsed;
  }

  let select: string[] | undefined;
  if (o.select !== undefined) {
    const s = parseSelect(o.select, spec.schema);
    if (!s.ok) return { ok: false, code: 'BadRequest', message: s.error.message };
    select = s.fields;
  }

  const total = filtered.length;
  const end = o.skip + o.top;
  const page = firstInOrder(filtered, end, spec.defaultOrder, order).slice(o.skip, end);

  let nextLink: string | undefined;
  if (end < total && o.top > 0) {
    nextLink = withPage(url, o.top, end);
  }
  return {
    ok: true,
    rows: page,
    total,
    nextLink,
    query: {
      top: o.top,
      skip: o.skip,
      count: o.count,
      expand: o.expand,
      expandSelect: o.expandSelect,
      ...(select ? { select } : {}),
    },
  };
}

/** The first `k` rows: in the client's order when given (keys read once per row), else the default. */
function firstInOrder<R>(
  rows: R[],
  k: number,
  tiebreak: (a: R, b: R) => number,
  order: OrderBy<R> | undefined,
): R[] {
  return order ? order.sort(rows, tiebreak, k) : firstK(rows, k, tiebreak);
}

/**
 * The same request with `$top`/`$skip` replaced, keeping the client's other options as they were
 * written (Graph's links read `?$top=50&$skip=50`, not `%24top`).
 */
export function withPage(url: URL, top: number, skip: number): string {
  const kept = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p !== '' && !/^(\$|%24)(top|skip)=/i.test(p));
  kept.push(`$top=${top}`, `$skip=${skip}`);
  return `${url.origin}${url.pathname}?${kept.join('&')}`;
}

/** Newest/largest first for ISO timestamps and plain strings, without locale rules. */
export function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

/** The options a read of one entity takes: `$select` and `$expand`, as on its list. */
export type EntityQuery =
  | { ok: true; select?: string[]; expand: string[]; expandSelect: Record<string, string[]> }
  | { ok: false; code: string; message: string };

/** Options that shape a list only. */
const LIST_ONLY = ['$filter', '$orderby', '$top', '$skip', '$count', '$search'];

/**
 * Validates a single entity's query options as its list does (names, duplicates, `$select`,
 * `$expand`), and refuses the options only a list takes rather than ignoring them.
 */
export function queryEntity<R>(
  url: URL,
  spec: Pick<CollectionSpec<R>, 'schema' | 'entity' | 'expandable' | 'expandSchemas'>,
): EntityQuery {
  const options = parseQueryOptions(url.searchParams, {
    maxTop: Number.MAX_SAFE_INTEGER,
    defaultTop: 0,
    expandable: spec.expandable,
    ...(spec.expandSchemas ? { expandSchemas: spec.expandSchemas } : {}),
    entity: spec.entity,
  });
  if (!options.ok) return { ok: false, code: options.error.code, message: options.error.message };
  for (const key of url.searchParams.keys()) {
    const name = LIST_ONLY.find((option) => option === key.toLowerCase());
    if (name) {
      return {
        ok: false,
        code: 'BadRequest',
        message: `Query option '${name}' applies to a list; a single ${spec.entity} takes $select and $expand.`,
      };
    }
  }
  const { select: selectText, expand, expandSelect } = options.value;
  if (selectText === undefined) return { ok: true, expand, expandSelect };
  const select = parseSelect(selectText, spec.schema);
  if (!select.ok) return { ok: false, code: 'BadRequest', message: select.error.message };
  return { ok: true, select: select.fields, expand, expandSelect };
}
