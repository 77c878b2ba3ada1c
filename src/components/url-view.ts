/**
 * A screen's view (filters, search, sort, page) as it lives in the URL's query string, declared
 * once as fields: the same declaration reads the view, writes it back in canonical form, and
 * tells whether a URL already is canonical. A bookmarked or shared link reopens the same view,
 * back/forward move between views, and reading never throws: unknown or malformed values are
 * dropped and the rest is kept.
 *
 * Written here rather than taken from nuqs: the two queues have links in the wild with encodings
 * of their own (the incident queue repeats names, `status=all`, `sort=<field>&order=asc`; the
 * alerts queue writes comma lists, `status=any`, `sort=<column>:asc`), and both read repeated
 * names. Each field kind below says how it reads and writes, so each queue keeps its encoding.
 */

/** One part of a view: the parameters it owns, how it reads them and how it writes them. */
export type UrlField<V> = {
  /** The query-string names the field owns; writing replaces them, and only them. */
  readonly names: readonly string[];
  read(params: URLSearchParams): V;
  /** Appends the value to `params` in canonical form; defaults are left out. */
  write(params: URLSearchParams, value: V): void;
};

type FieldValue<F> = F extends UrlField<infer V> ? V : never;
type Fields = Record<string, UrlField<unknown>>;
/** The value of a set of fields: one property per field. */
type ViewOf<F extends Fields> = { [K in keyof F]: FieldValue<F[K]> };

/** Each raw value of a parameter, split on commas, trimmed, lower-cased, without empty ones. */
function tokens(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}

/**
 * A choice of several known values. Read: repeated names and comma lists alike, matched without
 * regard to case, returned in `values`' order. Written: in `values`' order, as repeated names or
 * as one comma list.
 */
export function enumList<T extends string>(options: {
  name: string;
  values: readonly T[];
  encoding: 'repeat' | 'comma';
  /** What an absent parameter, or one with no known value, means. @default [] */
  default?: readonly T[];
  /**
   * The token that says "no filter" where the default is not empty (`status=all`): it counts
   * only on its own, and an empty choice is written as it.
   */
  none?: string;
  /** Other spellings of a value (the portal's `new` for Graph's `active`). */
  aliases?: Readonly<Record<string, T>>;
}): UrlField<readonly T[]> {
  const { name, values, encoding, default: fallback = [], none, aliases = {} } = options;
  const byToken = new Map<string, T>([
    ...values.map((v) => [v.toLowerCase(), v] as const),
    ...Object.entries(aliases).map(([alias, v]) => [alias.toLowerCase(), v] as const),
  ]);
  return {
    names: [name],
    read(params) {
      const given = tokens(params, name);
      if (none !== undefined && given.length === 1 && given[0] === none.toLowerCase()) return [];
      const chosen = new Set(given.map((t) => byToken.get(t)));
      const known = values.filter((v) => chosen.has(v));
      return known.length > 0 ? known : fallback;
    },
    write(params, value) {
      const chosen = values.filter((v) => value.includes(v));
      if (sameSet(chosen, fallback)) return;
      if (chosen.length === 0) {
        if (none !== undefined) params.append(name, none);
      } else if (encoding === 'comma') {
        params.append(name, chosen.join(','));
      } else {
        for (const v of chosen) params.append(name, v);
      }
    },
  };
}

/** Free text (a search): trimmed and cut at `maxLength`; empty is left out. */
export function text(options: { name: string; maxLength: number }): UrlField<string> {
  const { name, maxLength } = options;
  return {
    names: [name],
    read: (params) => (params.get(name) ?? '').trim().slice(0, maxLength),
    write(params, value) {
      const trimmed = value.trim().slice(0, maxLength);
      if (trimmed !== '') params.append(name, trimmed);
    },
  };
}

/** Free-text values, one per repeated name, kept in order without case-insensitive duplicates. */
export function tags(options: { name: string; maxLength: number }): UrlField<readonly string[]> {
  const { name, maxLength } = options;
  return {
    names: [name],
    read(params) {
      const seen = new Set<string>();
      const found: string[] = [];
      for (const raw of params.getAll(name)) {
        const tag = raw.trim().slice(0, maxLength);
        if (tag === '' || seen.has(tag.toLowerCase())) continue;
        seen.add(tag.toLowerCase());
        found.push(tag);
      }
      return found;
    },
    write(params, value) {
      for (const tag of value) params.append(name, tag);
    },
  };
}

export type SortDirection = 'ascending' | 'descending';
export type UrlSort<F extends string> = { field: F; direction: SortDirection };

/**
 * A sort: a known field and a direction. `pair` writes `sort=<field>&order=asc|desc`; `colon`
 * writes `sort=<field>:asc|desc`. An unknown field reads as the default sort; a missing or
 * unknown direction as the field's initial one.
 */
export function sort<F extends string>(options: {
  name: string;
  fields: readonly F[];
  default: UrlSort<F>;
  encoding: { kind: 'pair'; orderName: string } | { kind: 'colon' };
  /** The direction a field sorts in when first chosen. @default () => 'ascending' */
  initialDirection?: (field: F) => SortDirection;
}): UrlField<UrlSort<F>> {
  const { name, fields, encoding, initialDirection = () => 'ascending' } = options;
  const fallback = options.default;
  return {
    names: encoding.kind === 'pair' ? [name, encoding.orderName] : [name],
    read(params) {
      const raw = params.get(name) ?? '';
      const [fieldText = '', colonOrder] = encoding.kind === 'colon' ? raw.split(':') : [raw];
      const order = encoding.kind === 'pair' ? params.get(encoding.orderName) : colonOrder;
      const field = fields.find((f) => f.toLowerCase() === fieldText.trim().toLowerCase());
      if (!field) return fallback;
      const dir = order?.trim().toLowerCase();
      const direction: SortDirection =
        dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : initialDirection(field);
      return { field, direction };
    },
    write(params, value) {
      if (value.field === fallback.field && value.direction === fallback.direction) return;
      const order = value.direction === 'ascending' ? 'asc' : 'desc';
      if (encoding.kind === 'pair') {
        params.append(name, value.field);
        params.append(encoding.orderName, order);
      } else {
        params.append(name, `${value.field}:${order}`);
      }
    },
  };
}

/** A 1-based page number; page 1 is left out. */
export function page(options: { name: string }): UrlField<number> {
  const { name } = options;
  return {
    names: [name],
    read(params) {
      const raw = params.get(name)?.trim() ?? '';
      return /^\d{1,7}$/.test(raw) ? Math.max(1, Number(raw)) : 1;
    },
    write(params, value) {
      if (value > 1) params.append(name, String(value));
    },
  };
}

/** Several fields read and written as one object (the alerts queue's `filters`). */
export function group<F extends Fields>(fields: F): UrlField<ViewOf<F>> {
  const entries = Object.entries(fields);
  return {
    names: entries.flatMap(([, field]) => field.names),
    read: (params) =>
      Object.fromEntries(entries.map(([key, field]) => [key, field.read(params)])) as ViewOf<F>,
    write(params, value) {
      for (const [key, field] of entries) field.write(params, value[key]);
    },
  };
}

export type UrlView<V> = {
  /** Every query-string name the view owns; other parameters (`?alert=`) are not its business. */
  readonly names: ReadonlySet<string>;
  /** Reads the view; never throws, ignores what it does not know. */
  readonly parse: (params: URLSearchParams) => V;
  /**
   * Writes the view into a copy of `base`, canonically (defaults left out, values in their
   * usual order, after the parameters that are not the view's, which are kept as they are).
   */
  readonly write: (base: URLSearchParams, view: V) => URLSearchParams;
  /** Whether the view's part of `params` is already what `write` would make of it. */
  readonly isCanonical: (params: URLSearchParams) => boolean;
};

/** The value a view declared with `defineUrlView` reads. */
export type UrlViewValue<U> = U extends UrlView<infer V> ? V : never;

/** Declares a view from its fields, in the order they are written. */
export function defineUrlView<F extends Fields>(fields: F): UrlView<ViewOf<F>> {
  const all = group(fields);
  const names: ReadonlySet<string> = new Set(all.names);
  const ownPart = (params: URLSearchParams) =>
    new URLSearchParams([...params].filter(([key]) => names.has(key))).toString();
  const write = (base: URLSearchParams, view: ViewOf<F>) => {
    const next = new URLSearchParams(base);
    for (const name of names) next.delete(name);
    all.write(next, view);
    return next;
  };
  return {
    names,
    parse: (params) => all.read(params),
    write,
    isCanonical: (params) => ownPart(write(params, all.read(params))) === ownPart(params),
  };
}
