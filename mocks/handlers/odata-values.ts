/**
 * Values as the OData engine compares them: a "normal form" per field type (lower-cased strings,
 * canonical enum members, instants for DateTimeOffsets) and an order on it. Filter and orderby
 * share these so that `gt` and `$orderby` always agree.
 */
import type { FieldSpec } from './odata-types';

/**
 * A point in time at 100 ns resolution (Graph emits 7 fractional digits). Kept as two integers
 * because one double can't hold epoch milliseconds plus 4 more digits without rounding.
 */
export type Instant = { readonly ms: number; readonly sub: number };

const DATE_TIME_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,12}))?)?(Z|[+-]\d{2}:\d{2})$/i;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses an OData `Edm.DateTimeOffset` literal strictly (offset required); `undefined` if invalid. */
export function parseDateTimeOffset(text: string): Instant | undefined {
  const m = DATE_TIME_OFFSET.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0', frac = '', zone = 'Z'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const oh = Number(zone.slice(1, 3));
    const om = Number(zone.slice(4, 6));
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const digits = `${frac}0000000`;
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second));
  // Date.UTC maps years 0–99 to 1900–1999; setting the year afterwards keeps them literal.
  date.setUTCFullYear(year);
  const ms = date.getTime() - offsetMinutes * 60_000 + Number(digits.slice(0, 3));
  return { ms, sub: Number(digits.slice(3, 7)) };
}

const instantCache = new Map<string, Instant | null>();
const INSTANT_CACHE_LIMIT = 50_000;

/**
 * A row's DateTimeOffset as an instant (`null` when absent or unreadable). Cached by text: a
 * queue re-filters the same few thousand timestamps on every request.
 */
function instantOf(value: unknown): Instant | null {
  if (typeof value === 'string') {
    let hit = instantCache.get(value);
    if (hit === undefined) {
      hit = parseDateTimeOffset(value) ?? null;
      if (instantCache.size >= INSTANT_CACHE_LIMIT) instantCache.clear();
      instantCache.set(value, hit);
    }
    return hit;
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : { ms, sub: 0 };
  }
  return null;
}

/** Orders two instants. */
function compareInstants(a: Instant, b: Instant): number {
  return a.ms - b.ms || a.sub - b.sub;
}

const NUMERIC = /^\d+$/;

/** Orders ids: numeric ids by number (`'29'` before `'2972395'`), others by code unit. */
function compareIds(a: string, b: string): number {
  if (NUMERIC.test(a) && NUMERIC.test(b)) {
    const ta = a.replace(/^0+(?=\d)/, '');
    const tb = b.replace(/^0+(?=\d)/, '');
    if (ta.length !== tb.length) return ta.length - tb.length;
    return ta < tb ? -1 : ta > tb ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * How one field's values are normalised and ordered. `norm` returns `null` for "no value" (null,
 * undefined, or a value of the wrong type); `same` is equality on normal forms, which for enums
 * is identity even when two members share a rank.
 */
export type ValueOps = {
  norm: (value: unknown) => unknown;
  compare: (a: unknown, b: unknown) => number;
  same: (a: unknown, b: unknown) => boolean;
  /** Whether `same` is `===`, so a Set can stand in for a list of values. */
  identity: boolean;
  /** Whether `gt/ge/lt/le` mean something for this field. */
  ordered: boolean;
};

const strictSame = (a: unknown, b: unknown) => a === b;

const opsCache = new WeakMap<FieldSpec, ValueOps | null>();

/** The value operations of a comparable field; `undefined` for collections and complex values. */
export function valueOps(spec: FieldSpec): ValueOps | undefined {
  let ops = opsCache.get(spec);
  if (ops === undefined) {
    ops = buildOps(spec);
    opsCache.set(spec, ops);
  }
  return ops ?? undefined;
}

function buildOps(spec: FieldSpec): ValueOps | null {
  switch (spec.type) {
    case 'string':
      return {
        norm: (v) => (typeof v === 'string' ? v.toLowerCase() : null),
        compare: (a, b) => compareOrdinal(a as string, b as string),
        same: strictSame,
        identity: true,
        ordered: true,
      };
    case 'id':
      return {
        norm: (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null),
        compare: (a, b) => compareIds(a as string, b as string),
        same: strictSame,
        identity: true,
        ordered: true,
      };
    case 'enum': {
      const values = spec.enumValues ?? [];
      const rankOf = new Map<string, number>(
        values.map((v, i) => [v, spec.rank ? (spec.rank[v] ?? -1) : i]),
      );
      return {
        // Rows hold canonical members (the store emits camelCase), so no per-row case folding.
        norm: (v) => (typeof v === 'string' ? v : null),
        compare: (a, b) => (rankOf.get(a as string) ?? -1) - (rankOf.get(b as string) ?? -1),
        same: strictSame,
        identity: true,
        ordered: spec.rank !== undefined,
      };
    }
    case 'datetime':
      return {
        norm: instantOf,
        compare: (a, b) => compareInstants(a as Instant, b as Instant),
        same: (a, b) => compareInstants(a as Instant, b as Instant) === 0,
        identity: false,
        ordered: true,
      };
    case 'int':
      return {
        norm: (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null),
        compare: (a, b) => (a as number) - (b as number),
        same: strictSame,
        identity: true,
        ordered: true,
      };
    case 'boolean':
      return {
        norm: (v) => (typeof v === 'boolean' ? v : null),
        compare: (a, b) => Number(a) - Number(b),
        same: strictSame,
        identity: true,
        ordered: true,
      };
    case 'collection':
    case 'complex':
      return null;
  }
}

/** The EDM name of a field's type, for messages (`DateTimeOffset`, `Int32`, …). */
export function edmName(spec: FieldSpec): string {
  switch (spec.type) {
    case 'string':
    case 'id':
      return 'String';
    case 'enum':
      return spec.enumType ? `microsoft.graph.security.${spec.enumType}` : 'enum';
    case 'datetime':
      return 'DateTimeOffset';
    case 'int':
      return 'Int32';
    case 'boolean':
      return 'Boolean';
    case 'collection':
      return 'Collection';
    case 'complex':
      return 'complex value';
  }
}
