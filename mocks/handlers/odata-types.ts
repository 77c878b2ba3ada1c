/**
 * The shapes shared by the mock's OData engine (filter, orderby, select, query options) and the
 * helpers that word its errors. Store-independent: a schema describes an entity set, an accessor
 * reads a row, and nothing here knows where rows come from.
 */

/**
 * What a property holds. `collection` and `complex` are known (selectable) but never compared;
 * `id` is a string compared exactly (other strings compare case-insensitively, as Graph does for
 * UPNs), and numeric ids order by number.
 */
type FieldType =
  'string' | 'id' | 'enum' | 'datetime' | 'int' | 'boolean' | 'collection' | 'complex';

export type FieldSpec = {
  type: FieldType;
  /** For `enum`: the members. Input matches case-insensitively; comparisons use the canonical member. */
  enumValues?: readonly string[];
  /** For `enum`: the Graph enum type's short name (`alertSeverity`), checked against qualified literals. */
  enumType?: string;
  /** Usable in `$filter`. */
  filterable?: boolean;
  /** Usable in `$orderby`. */
  sortable?: boolean;
  /**
   * For `enum`: the order used by `gt/ge/lt/le` and `$orderby` (severity: informational < … < high).
   * Without it, `gt/lt` are refused and `$orderby` follows `enumValues`' order.
   */
  rank?: Readonly<Record<string, number>>;
};

/** A collection usable with `any`/`all`: plain strings (tags) or objects with their own fields. */
export type CollectionSpec =
  | { item: 'string' }
  | {
      item: 'object';
      /** The items' type for messages (`alert` → `microsoft.graph.security.alert`); default: "items of X". */
      entityName?: string;
      fields: Record<string, FieldSpec>;
      searchableFields?: readonly string[];
    };

export type EntitySchema = {
  /** `incident` (→ `microsoft.graph.security.incident` in messages) or an already qualified name. */
  entityName: string;
  /** The properties a client may name (`$select`); flags say where else they may appear. */
  fields: Record<string, FieldSpec>;
  /** Collections usable in lambdas: `customTags/any(t: t eq 'VIP')`, `alerts/any(a: a/severity eq 'high')`. */
  collections?: Record<string, CollectionSpec>;
  /** String properties usable with the mock's `contains`/`startswith`/`endswith` extensions. */
  searchableFields?: readonly string[];
};

/**
 * Reads a property, or a collection (an array), from a row; the caller decides how, so rows may be
 * records, wire objects, or computed lazily (an incident's alerts). `null`/`undefined` mean no value.
 */
export type Accessor<R> = (row: R, field: string) => unknown;

/** A rejected query: `message` names exactly what is wrong and is shown to analysts as is. */
export type ODataError = { code: string; message: string };

/** Error code of every OData rejection except Graph's `$top` limit (which has an empty code). */
const BAD_REQUEST = 'BadRequest';

/** Thrown inside the parsers only; every public function catches it and returns an error value. */
export class ODataQueryError extends Error {
  readonly code: string;

  constructor(message: string, code: string = BAD_REQUEST) {
    super(message);
    this.code = code;
  }
}

/** Turns anything caught at the API boundary into an error value, so no input ever throws. */
export function toODataError(e: unknown, option: string): ODataError {
  if (e instanceof ODataQueryError) return { code: e.code, message: e.message };
  // Only a bug (or a stack overflow on absurd input) lands here; still answer, never throw.
  return { code: BAD_REQUEST, message: `The ${option} query option could not be processed.` };
}

/** `microsoft.graph.security.incident` for `incident`; a qualified name stays as it is. */
export function qualifiedType(entityName: string): string {
  return entityName.includes('.') ? entityName : `microsoft.graph.security.${entityName}`;
}

/** Graph's (OData's) wording for a property that does not exist. */
export function unknownPropertyMessage(name: string, entityName: string): string {
  return `Could not find a property named '${name}' on type '${qualifiedType(entityName)}'.`;
}

/** The `Syntax error at position N in '$filter': …` text; `detail` is lower-case, unpunctuated. */
export function syntaxMessage(option: string, position: number, detail: string): string {
  return `Syntax error at position ${position} in '${option}': ${detail}.`;
}

/** Quotes user text for a message, shortened so one absurd token can't flood the analyst's screen. */
export function quoteForMessage(text: string, quote = true): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return quote ? `'${short}'` : short;
}

const lowerKeyCache = new WeakMap<object, Map<string, string>>();

/**
 * Finds a key case-insensitively (Graph resolves property names that way) and returns the
 * canonical spelling. Own keys only, so `constructor` or `__proto__` never resolve.
 */
export function resolveKey(
  record: Readonly<Record<string, unknown>>,
  name: string,
): string | undefined {
  if (Object.hasOwn(record, name)) return name;
  let lower = lowerKeyCache.get(record);
  if (!lower) {
    lower = new Map(Object.keys(record).map((k) => [k.toLowerCase(), k]));
    lowerKeyCache.set(record, lower);
  }
  return lower.get(name.toLowerCase());
}

/** Case-insensitive membership in a list of names, returning the canonical one. */
export function resolveName(names: readonly string[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return names.find((n) => n.toLowerCase() === lower);
}
