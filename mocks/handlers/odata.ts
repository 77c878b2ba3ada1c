/**
 * The mock's OData query engine: query-option validation, `$filter`, `$orderby` and `$select` —
 * what the Graph list handlers need, independent of the store.
 *
 * Only `$`-prefixed system query options are recognised (`$top`, not `top`): Graph v1.0 accepts
 * both, but the console and SDKs send the `$` form, and plain parameters are ignored as Graph
 * ignores unknown ones. Option names are case-insensitive; each may appear once.
 */
import { expectedError, tokenize, type Token } from './odata-lexer';
import {
  ODataQueryError,
  qualifiedType,
  resolveKey,
  resolveName,
  toODataError,
  unknownPropertyMessage,
  type Accessor,
  type EntitySchema,
  type ODataError,
} from './odata-types';
import { valueOps, type ValueOps } from './odata-values';
import { firstK } from './top-k';

export { parseFilter } from './odata-filter';
export type { Accessor, EntitySchema, FieldSpec, ODataError } from './odata-types';

/** The system query options the mock understands; any other `$name` is a 400. */
const SUPPORTED_OPTIONS = [
  '$filter',
  '$orderby',
  '$top',
  '$skip',
  '$count',
  '$select',
  '$expand',
  '$search',
  '$format',
] as const;

// ── $orderby ──────────────────────────────────────────────────────────────────

type OrderKey = { field: string; descending: boolean };

export type OrderBy<R> = {
  keys: OrderKey[];
  /** Orders two rows by the keys; 0 on a full tie (the final tiebreak is the caller's). */
  compare: (a: R, b: R) => number;
  /**
   * A stably sorted copy, reading each row's keys once (cheaper than `rows.sort(compare)`);
   * with `limit`, only the first `limit` rows in order.
   */
  sort: (rows: readonly R[], tiebreak?: (a: R, b: R) => number, limit?: number) => R[];
};

/**
 * Parses `field [asc|desc], …`. Enums order by their rank, strings case-insensitively, numeric
 * ids by number; rows without a value come first ascending and last descending (OData).
 */
export function parseOrderBy<R>(
  text: string,
  schema: EntitySchema,
  get: Accessor<R>,
): ({ ok: true } & OrderBy<R>) | { ok: false; error: ODataError } {
  const option = '$orderby';
  try {
    const tokens = tokenize(text, option);
    const keys: OrderKey[] = [];
    const compiled: { get: (row: R) => unknown; ops: ValueOps; sign: number }[] = [];
    let i = 0;
    const at = (k: number): Token => tokens[k] ?? eofOf(tokens);
    for (;;) {
      const t = at(i++);
      if (t.kind !== 'ident') throw expectedError(option, t, 'a property name');
      const field = resolveKey(schema.fields, t.text);
      const spec = field === undefined ? undefined : schema.fields[field];
      if (field === undefined || !spec) {
        const collection = schema.collections && resolveKey(schema.collections, t.text);
        throw new ODataQueryError(
          collection === undefined
            ? unknownPropertyMessage(t.text, schema.entityName)
            : notSortableMessage(collection, schema),
        );
      }
      const ops = valueOps(spec);
      if (!spec.sortable || !ops) throw new ODataQueryError(notSortableMessage(field, schema));
      if (keys.some((k) => k.field === field)) {
        throw new ODataQueryError(`Property '${field}' appears more than once in $orderby.`);
      }
      let descending = false;
      let sep = at(i++);
      const direction = sep.kind === 'ident' ? sep.text.toLowerCase() : '';
      if (direction === 'asc' || direction === 'desc') {
        descending = direction === 'desc';
        sep = at(i++);
      } else if (sep.kind !== 'eof' && !(sep.kind === 'punct' && sep.text === ',')) {
        throw expectedError(option, sep, "'asc', 'desc', ',' or end of input");
      }
      keys.push({ field, descending });
      compiled.push({ get: (row) => get(row, field), ops, sign: descending ? -1 : 1 });
      if (sep.kind === 'eof') break;
      if (sep.kind !== 'punct' || sep.text !== ',') {
        throw expectedError(option, sep, "',' or end of input");
      }
    }
    const compare = (a: R, b: R): number => {
      for (const c of compiled) {
        const r = compareValues(c.ops, c.ops.norm(c.get(a)), c.ops.norm(c.get(b)));
        if (r !== 0) return c.sign * r;
      }
      return 0;
    };
    const sort = (rows: readonly R[], tiebreak?: (a: R, b: R) => number, limit?: number): R[] => {
      const decorated = rows.map((row) => ({
        row,
        values: compiled.map((c) => c.ops.norm(c.get(row))),
      }));
      type Decorated = (typeof decorated)[number];
      const byKeys = (x: Decorated, y: Decorated) => {
        for (let k = 0; k < compiled.length; k++) {
          const c = compiled[k];
          if (!c) continue;
          const r = compareValues(c.ops, x.values[k], y.values[k]);
          if (r !== 0) return c.sign * r;
        }
        return tiebreak ? tiebreak(x.row, y.row) : 0;
      };
      const ordered =
        limit === undefined ? decorated.sort(byKeys) : firstK(decorated, limit, byKeys);
      return ordered.map((d) => d.row);
    };
    return { ok: true, keys, compare, sort };
  } catch (e) {
    return { ok: false, error: toODataError(e, option) };
  }
}

/** Nulls first; then the field's own order, clamped to -1/0/1 so a `desc` sign flips it cleanly. */
function compareValues(ops: ValueOps, a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  const r = ops.compare(a, b);
  return r < 0 ? -1 : r > 0 ? 1 : 0;
}

function notSortableMessage(field: string, schema: EntitySchema): string {
  const sortable = Object.keys(schema.fields).filter((f) => schema.fields[f]?.sortable === true);
  return `Sorting on property '${field}' is not supported. Sortable properties: ${sortable.join(', ') || 'none'}.`;
}

function eofOf(tokens: Token[]): Token {
  return tokens[tokens.length - 1] ?? { kind: 'eof', text: '', raw: '', pos: 0 };
}

// ── $select ───────────────────────────────────────────────────────────────────

/** Parses `$select=a,b` (or `*`) into canonical property names, in order, without duplicates. */
export function parseSelect(
  text: string,
  schema: EntitySchema,
): { ok: true; fields: string[] } | { ok: false; error: ODataError } {
  const option = '$select';
  try {
    const tokens = tokenize(text, option);
    const fields: string[] = [];
    let i = 0;
    const at = (k: number): Token => tokens[k] ?? eofOf(tokens);
    for (;;) {
      const t = at(i++);
      if (t.kind === 'punct' && t.text === '*') {
        fields.push(...Object.keys(schema.fields));
      } else if (t.kind === 'ident') {
        const field = resolveKey(schema.fields, t.text);
        if (field === undefined) {
          const collection = schema.collections && resolveKey(schema.collections, t.text);
          throw new ODataQueryError(
            collection === undefined
              ? unknownPropertyMessage(t.text, schema.entityName)
              : `'${collection}' is a navigation property of type '${qualifiedType(schema.entityName)}'; request it with $expand=${collection}.`,
          );
        }
        fields.push(field);
      } else {
        throw expectedError(option, t, "a property name or '*'");
      }
      const sep = at(i++);
      if (sep.kind === 'eof') break;
      if (sep.kind !== 'punct' || sep.text !== ',') {
        throw expectedError(option, sep, "',' or end of input");
      }
    }
    return { ok: true, fields: [...new Set(fields)] };
  } catch (e) {
    return { ok: false, error: toODataError(e, option) };
  }
}

// ── query options ─────────────────────────────────────────────────────────────

export type QueryOptionsConfig = {
  /** Above it `$top` is refused with Graph's exact text and an empty code. */
  maxTop: number;
  /** The page size when the client sends no `$top`. */
  defaultTop: number;
  /** Navigation properties `$expand` accepts (`['alerts']` on incidents). */
  expandable: readonly string[];
  /** The schema of each expandable property's items, for a `$select` inside `$expand`. */
  expandSchemas?: Readonly<Record<string, EntitySchema>>;
  /** `incident` | `alert`, for messages. */
  entity: string;
};

export type QueryOptions = {
  /** Raw texts, for `parseFilter`/`parseOrderBy`/`parseSelect`; absent when not sent. */
  filter?: string;
  orderby?: string;
  select?: string;
  /** Raw `$search` text, passed through for the handler to interpret. */
  search?: string;
  top: number;
  /** Whether `$top` was sent (a nextLink should then repeat it). */
  topGiven: boolean;
  skip: number;
  count: boolean;
  /** Canonical names from `expandable`. */
  expand: string[];
  /** The properties a `$select` inside `$expand` keeps, by expanded property. */
  expandSelect: Record<string, string[]>;
};

/** Validates the query string's system options (names, duplicates, `$top`/`$skip`/`$count`/`$expand`/`$format`). */
export function parseQueryOptions(
  params: URLSearchParams,
  opts: QueryOptionsConfig,
): { ok: true; value: QueryOptions } | { ok: false; error: ODataError } {
  try {
    const raw = new Map<string, string>();
    for (const [key, value] of params) {
      if (!key.startsWith('$')) continue;
      const name = resolveName(SUPPORTED_OPTIONS, key);
      if (name === undefined) throw new ODataQueryError(`Query option '${key}' is not supported.`);
      if (raw.has(name)) {
        throw new ODataQueryError(
          `Query option '${name}' was specified more than once, but it must be specified at most once.`,
        );
      }
      raw.set(name, value);
    }
    const topText = raw.get('$top');
    const top = topText === undefined ? opts.defaultTop : nonNegativeInteger('$top', topText);
    if (top > opts.maxTop) {
      // Graph's exact words and empty code (SPEC.md §3.1), so clients can match on them.
      throw new ODataQueryError(
        `The query specified in the URI is not valid. The limit of '${opts.maxTop}' for Top query has been exceeded. The value from the incoming request is '${topText ?? top}'.`,
        '',
      );
    }
    const skipText = raw.get('$skip');
    const skip = skipText === undefined ? 0 : nonNegativeInteger('$skip', skipText);
    const countText = raw.get('$count');
    let count = false;
    if (countText !== undefined) {
      const lower = countText.toLowerCase();
      if (lower !== 'true' && lower !== 'false') {
        throw new ODataQueryError(
          `Invalid value '${countText}' for $count query option found. The $count query option requires 'true' or 'false'.`,
        );
      }
      count = lower === 'true';
    }
    const formatText = raw.get('$format');
    if (formatText !== undefined && !isJsonFormat(formatText)) {
      throw new ODataQueryError(
        `The value '${formatText}' for $format is not supported; only 'json' is.`,
      );
    }
    const expandText = raw.get('$expand');
    const { expand, expandSelect } =
      expandText === undefined ? { expand: [], expandSelect: {} } : parseExpand(expandText, opts);
    return {
      ok: true,
      value: {
        filter: raw.get('$filter'),
        orderby: raw.get('$orderby'),
        select: raw.get('$select'),
        search: raw.get('$search'),
        top,
        topGiven: topText !== undefined,
        skip,
        count,
        expand,
        expandSelect,
      },
    };
  } catch (e) {
    return { ok: false, error: toODataError(e, 'query') };
  }
}

function nonNegativeInteger(option: string, text: string): number {
  const n = Number(text);
  // Digits only (no sign, spaces, exponent); huge $top values still reach the limit message.
  if (/^\d+$/.test(text) && (option === '$top' || Number.isSafeInteger(n))) return n;
  throw new ODataQueryError(
    `Invalid value '${text}' for ${option} query option found. The ${option} query option requires a non-negative integer value.`,
  );
}

function isJsonFormat(text: string): boolean {
  const lower = text.trim().toLowerCase();
  return lower === 'json' || lower === 'application/json' || lower.startsWith('application/json;');
}

/** Splits on the commas that are not inside parentheses: `alerts($select=id,title),x`. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * `$expand=alerts` or, as OData allows, `$expand=alerts($select=id,title)`: the expanded items
 * keep only those properties. No other option is accepted inside `$expand`.
 */
function parseExpand(
  text: string,
  opts: Pick<QueryOptionsConfig, 'expandable' | 'expandSchemas' | 'entity'>,
): { expand: string[]; expandSelect: Record<string, string[]> } {
  const names: string[] = [];
  const expandSelect: Record<string, string[]> = {};
  for (const part of splitTopLevel(text)) {
    const item = part.trim();
    if (item === '') {
      throw new ODataQueryError(`The $expand query option '${text}' has an empty item.`);
    }
    const open = item.indexOf('(');
    const head = (open === -1 ? item : item.slice(0, open)).trim();
    const name = resolveName(opts.expandable, head);
    if (name === undefined) {
      const list =
        opts.expandable.length > 0 ? ` Expandable properties: ${opts.expandable.join(', ')}.` : '';
      throw new ODataQueryError(
        `Could not find a property named '${head}' on type '${qualifiedType(opts.entity)}' to expand.${list}`,
      );
    }
    if (open !== -1) {
      const inner = /^\(\s*(\$?\w+)\s*=(.*)\)$/s.exec(item.slice(open));
      const option = inner?.[1] ?? '';
      if (!inner || option.toLowerCase() !== '$select') {
        throw new ODataQueryError(
          `Query option '${option || item.slice(open)}' inside $expand is not supported: '${item}'. Only $select is, as in $expand=${name}($select=id).`,
        );
      }
      const schema = opts.expandSchemas?.[name];
      if (!schema) {
        throw new ODataQueryError(`$select inside $expand is not supported for '${name}'.`);
      }
      const selected = parseSelect(inner[2] ?? '', schema);
      if (!selected.ok) throw new ODataQueryError(selected.error.message);
      expandSelect[name] = selected.fields;
    }
    if (!names.includes(name)) names.push(name);
  }
  return { expand: names, expandSelect };
}
