/**
 * `$filter` for the mock: a recursive-descent parser that type-checks against an entity schema
 * and compiles straight into closures, so a request parses once and then scans rows cheaply.
 *
 * Grammar (precedence not > and > or; keywords and property names are case-insensitive):
 *   expr       := and ('or' and)*
 *   and        := unary ('and' unary)*
 *   unary      := 'not' unary | primary
 *   primary    := '(' expr ')' | function | lambda | operand (cmp operand | 'in' '(' literal, … ')')
 *   function   := (contains|startswith|endswith) '(' property ',' 'text' ')'   — mock extension
 *   lambda     := collection '/' (any|all) '(' [var ':' expr] ')'
 *   operand    := property | var | var '/' property | literal
 *   literal    := 'text' | null | true | false | 12 | 2025-01-01T00:00:00Z | ns.enumType'member'
 */
import { parseEnum } from '@/domain/enums';
import { expectedError, tokenize, type Token } from './odata-lexer';
import {
  ODataQueryError,
  quoteForMessage,
  resolveKey,
  toODataError,
  unknownPropertyMessage,
  type Accessor,
  type CollectionSpec,
  type EntitySchema,
  type FieldSpec,
  type ODataError,
} from './odata-types';
import { edmName, parseDateTimeOffset, valueOps, type ValueOps } from './odata-values';

const OPTION = '$filter';
/** Deep enough for any hand-written or generated filter, shallow enough to never blow the stack. */
const MAX_DEPTH = 100;

const COMPARISONS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const;
type ComparisonOp = (typeof COMPARISONS)[number];
/** `'high' le severity` is `severity ge 'high'`. */
const FLIPPED: Record<ComparisonOp, ComparisonOp> = {
  eq: 'eq',
  ne: 'ne',
  gt: 'lt',
  ge: 'le',
  lt: 'gt',
  le: 'ge',
};
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'has', ...COMPARISONS]);
const LITERAL_WORDS = new Set(['null', 'true', 'false']);
const FUNCTIONS = ['contains', 'startswith', 'endswith'] as const;
type FunctionName = (typeof FUNCTIONS)[number];

const INT = /^-?\d+$/;
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
/** A DateTimeOffset without its zone, often because a URL turned `+02:00` into ` 02:00`. */
const DATE_TIME_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+)?$/i;

/** A compiled node: `item` is the current lambda item (undefined outside a lambda). */
type Pred<R> = (row: R, item: unknown) => boolean;
type Getter<R> = (row: R, item: unknown) => unknown;

/** Where a name is looked up: the entity itself, or the items of an object collection. */
type Owner = {
  /** For "Could not find a property named 'x' on type '…'"; items of an untyped collection lack it. */
  entityName: string | undefined;
  fields: Record<string, FieldSpec>;
  searchableFields: readonly string[];
  collections: Record<string, CollectionSpec> | undefined;
  /** The collection whose items these are (`alerts`), for messages. */
  itemsOf?: string;
};

type Ref<R> = {
  kind: 'ref';
  /** As the analyst reads it: `severity`, `a/serviceSource`, `t`. */
  label: string;
  name: string;
  owner: Owner | undefined;
  spec: FieldSpec;
  ops: ValueOps | undefined;
  get: Getter<R>;
  searchable: boolean;
};
type Lit = { kind: 'lit'; token: Token };
type Operand<R> = Ref<R> | Lit;

type Scope = { variable: string; collection: string; spec: CollectionSpec };

/** The item of a string collection (`t` in `customTags/any(t: …)`): compared case-insensitively. */
const STRING_ITEM: FieldSpec = { type: 'string', filterable: true };

/** Compiles a `$filter` expression; never throws — a bad filter comes back as an error naming the fault. */
export function parseFilter<R>(
  text: string,
  schema: EntitySchema,
  get: Accessor<R>,
): { ok: true; predicate: (row: R) => boolean } | { ok: false; error: ODataError } {
  try {
    const pred = new FilterParser(tokenize(text, OPTION), schema, get).parse();
    return { ok: true, predicate: (row: R) => pred(row, undefined) };
  } catch (e) {
    return { ok: false, error: toODataError(e, OPTION) };
  }
}

class FilterParser<R> {
  private readonly tokens: Token[];
  private readonly get: Accessor<R>;
  private readonly top: Owner;
  private index = 0;
  private depth = 0;
  private scope: Scope | undefined;

  constructor(tokens: Token[], schema: EntitySchema, get: Accessor<R>) {
    this.tokens = tokens;
    this.get = get;
    this.top = {
      entityName: schema.entityName,
      fields: schema.fields,
      searchableFields: schema.searchableFields ?? [],
      collections: schema.collections,
    };
  }

  parse(): Pred<R> {
    const pred = this.parseOr();
    const t = this.peek();
    if (t.kind !== 'eof') throw expectedError(OPTION, t, "'and', 'or' or end of input");
    return pred;
  }

  // ── tokens ──────────────────────────────────────────────────────────────────

  private peek(offset = 0): Token {
    const last = this.tokens[this.tokens.length - 1];
    const t = this.tokens[this.index + offset] ?? last;
    if (!t) throw new ODataQueryError('The $filter query option could not be read.');
    return t;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.index++;
    return t;
  }

  private expectPunct(mark: string, expected: string): void {
    const t = this.next();
    if (!isPunct(t, mark)) throw expectedError(OPTION, t, expected);
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      throw new ODataQueryError(
        `The $filter expression is nested too deeply (more than ${MAX_DEPTH} levels).`,
      );
    }
  }

  private leave(): void {
    this.depth--;
  }

  // ── boolean structure ───────────────────────────────────────────────────────

  private parseOr(): Pred<R> {
    const parts = [this.parseAnd()];
    while (isWord(this.peek(), 'or')) {
      this.next();
      parts.push(this.parseAnd());
    }
    return anyOf(parts);
  }

  private parseAnd(): Pred<R> {
    const parts = [this.parseUnary()];
    while (isWord(this.peek(), 'and')) {
      this.next();
      parts.push(this.parseUnary());
    }
    return allOf(parts);
  }

  private parseUnary(): Pred<R> {
    if (!isWord(this.peek(), 'not')) return this.parsePrimary();
    this.next();
    this.enter();
    const inner = this.parseUnary();
    this.leave();
    return (row, item) => !inner(row, item);
  }

  private parsePrimary(): Pred<R> {
    const t = this.peek();
    if (isPunct(t, '(')) {
      this.next();
      this.enter();
      const inner = this.parseOr();
      this.leave();
      this.expectPunct(')', "')', 'and' or 'or'");
      return inner;
    }
    if (t.kind === 'ident') {
      const lower = t.text.toLowerCase();
      const after = this.peek(1);
      if (isPunct(after, '(') && !KEYWORDS.has(lower) && !LITERAL_WORDS.has(lower)) {
        return this.parseFunction();
      }
      if (isPunct(after, '/') && t.text !== this.scope?.variable && this.top.collections) {
        const collection = resolveKey(this.top.collections, t.text);
        if (collection !== undefined) return this.parseLambda(collection);
      }
    }
    return this.parseComparison();
  }

  // ── comparisons ─────────────────────────────────────────────────────────────

  private parseComparison(): Pred<R> {
    const leftToken = this.peek();
    const left = this.parseOperand();
    const opToken = this.peek();
    if (isWord(opToken, 'in')) {
      this.next();
      if (left.kind !== 'ref') throw expectedError(OPTION, leftToken, "a property before 'in'");
      return this.parseIn(left);
    }
    const op = COMPARISONS.find((c) => isWord(opToken, c));
    if (!op) {
      throw expectedError(OPTION, opToken, 'a comparison operator (eq, ne, gt, ge, lt, le or in)');
    }
    this.next();
    const right = this.parseOperand('a value');
    return this.compileComparison(left, op, right);
  }

  private compileComparison(left: Operand<R>, op: ComparisonOp, right: Operand<R>): Pred<R> {
    let ref: Ref<R>;
    let lit: Token;
    let effective = op;
    if (left.kind === 'ref' && right.kind === 'lit') {
      ref = left;
      lit = right.token;
    } else if (left.kind === 'lit' && right.kind === 'ref') {
      ref = right;
      lit = left.token;
      effective = FLIPPED[op];
    } else if (left.kind === 'ref' && right.kind === 'ref') {
      throw new ODataQueryError(
        `Comparing two properties ('${left.label} ${op} ${right.label}') is not supported; compare a property with a value.`,
      );
    } else {
      throw new ODataQueryError(
        `A comparison needs a property on one side, but '${describeOperand(left)} ${op} ${describeOperand(right)}' compares two values.`,
      );
    }
    const ops = this.requireFilterable(ref);
    if (effective !== 'eq' && effective !== 'ne') {
      if (!ops.ordered) {
        throw new ODataQueryError(
          `Operator '${op}' cannot be used on ${ref.label}: its values have no order. Use eq, ne or in.`,
        );
      }
      if (isNullLiteral(lit)) {
        throw new ODataQueryError(
          `Operator '${op}' cannot be used with null. Use eq null or ne null.`,
        );
      }
    }
    return comparison(ref.get, ops, effective, this.coerce(ref, lit));
  }

  private parseIn(ref: Ref<R>): Pred<R> {
    const ops = this.requireFilterable(ref);
    this.expectPunct('(', "'(' after 'in'");
    const keys: unknown[] = [];
    let hasNull = false;
    for (;;) {
      const t = this.next();
      if (!isLiteral(t)) throw expectedError(OPTION, t, 'a value');
      const key = this.coerce(ref, t);
      if (key === null) hasNull = true;
      else keys.push(key);
      const sep = this.next();
      if (isPunct(sep, ')')) break;
      if (!isPunct(sep, ',')) throw expectedError(OPTION, sep, "',' or ')'");
    }
    const { norm, same } = ops;
    const get = ref.get;
    if (ops.identity) {
      const set = new Set(keys);
      return (row, item) => {
        const v = norm(get(row, item));
        return v === null ? hasNull : set.has(v);
      };
    }
    return (row, item) => {
      const v = norm(get(row, item));
      return v === null ? hasNull : keys.some((k) => same(v, k));
    };
  }

  // ── operands ────────────────────────────────────────────────────────────────

  private parseOperand(expected = "a property, value, function or '('"): Operand<R> {
    const t = this.next();
    if (isLiteral(t)) return { kind: 'lit', token: t };
    if (t.kind !== 'ident' || KEYWORDS.has(t.text.toLowerCase())) {
      throw expectedError(OPTION, t, expected);
    }
    const scope = this.scope;
    if (scope && t.text === scope.variable) return this.variableRef(t, scope);
    const get = this.get;
    const ref = this.fieldRef(t, this.top, (name) => (row) => get(row, name));
    if (isPunct(this.peek(), '/')) {
      throw expectedError(
        OPTION,
        this.peek(),
        'a comparison operator (eq, ne, gt, ge, lt, le or in)',
      );
    }
    return ref;
  }

  /** `t` (a string item) or `a/severity` (a property of an object item) inside a lambda. */
  private variableRef(t: Token, scope: Scope): Ref<R> {
    const spec = scope.spec;
    if (spec.item === 'string') {
      if (isPunct(this.peek(), '/')) {
        throw new ODataQueryError(
          `'${t.text}' stands for one value of '${scope.collection}' (a string); it has no properties.`,
        );
      }
      return {
        kind: 'ref',
        label: t.text,
        name: t.text,
        owner: undefined,
        spec: STRING_ITEM,
        ops: valueOps(STRING_ITEM),
        get: (_row, item) => item,
        searchable: true,
      };
    }
    if (!isPunct(this.peek(), '/')) {
      const example = Object.keys(spec.fields).find((f) => spec.fields[f]?.filterable) ?? 'id';
      throw new ODataQueryError(
        `'${t.text}' stands for one item of '${scope.collection}'; compare one of its properties, e.g. ${t.text}/${example}.`,
      );
    }
    this.next();
    const prop = this.next();
    if (prop.kind !== 'ident' || prop.text.includes('.')) {
      throw expectedError(OPTION, prop, `a property of '${t.text}'`);
    }
    const owner: Owner = {
      entityName: spec.entityName,
      fields: spec.fields,
      searchableFields: spec.searchableFields ?? [],
      collections: undefined,
      itemsOf: scope.collection,
    };
    return this.fieldRef(prop, owner, (name) => (_row, item) => readProperty(item, name), t.text);
  }

  private fieldRef(
    t: Token,
    owner: Owner,
    getter: (name: string) => Getter<R>,
    variable?: string,
  ): Ref<R> {
    const name = resolveKey(owner.fields, t.text);
    if (name === undefined) {
      const collection = owner.collections && resolveKey(owner.collections, t.text);
      if (collection !== undefined)
        throw new ODataQueryError(notFilterableMessage(collection, owner));
      throw new ODataQueryError(
        owner.entityName !== undefined
          ? unknownPropertyMessage(t.text, owner.entityName)
          : `Could not find a property named '${t.text}' on the items of '${owner.itemsOf ?? ''}'.`,
      );
    }
    const spec = owner.fields[name] ?? STRING_ITEM;
    return {
      kind: 'ref',
      label: variable ? `${variable}/${name}` : name,
      name,
      owner,
      spec,
      ops: valueOps(spec),
      get: getter(name),
      searchable:
        (spec.type === 'string' || spec.type === 'id') && owner.searchableFields.includes(name),
    };
  }

  private requireFilterable(ref: Ref<R>): ValueOps {
    if (ref.ops && (ref.spec.filterable || !ref.owner)) return ref.ops;
    throw new ODataQueryError(
      ref.owner
        ? notFilterableMessage(ref.name, ref.owner, ref.label)
        : `Cannot filter on '${ref.label}'.`,
    );
  }

  // ── functions and lambdas ───────────────────────────────────────────────────

  private parseFunction(): Pred<R> {
    const nameToken = this.next();
    const fn = FUNCTIONS.find((f) => f === nameToken.text.toLowerCase());
    if (!fn) {
      throw new ODataQueryError(
        `Function '${nameToken.text}' is not supported in $filter. Supported functions: ${FUNCTIONS.join(', ')}.`,
      );
    }
    this.next(); // '('
    const argToken = this.peek();
    const target = this.parseOperand('a property');
    if (target.kind !== 'ref') throw expectedError(OPTION, argToken, 'a property');
    if (!target.searchable) throw new ODataQueryError(notSearchableMessage(fn, target));
    this.expectPunct(',', "','");
    const needleToken = this.next();
    if (needleToken.kind !== 'string') throw expectedError(OPTION, needleToken, 'a quoted string');
    this.expectPunct(')', "')'");
    return textMatch(fn, target.get, needleToken.text.toLowerCase());
  }

  private parseLambda(collection: string): Pred<R> {
    const spec = this.top.collections?.[collection];
    if (!spec)
      throw new ODataQueryError(unknownPropertyMessage(collection, this.top.entityName ?? ''));
    if (this.scope) {
      throw new ODataQueryError(
        `Nested any/all is not supported: '${collection}/…' appears inside '${this.scope.collection}/${this.scope.variable}…'.`,
      );
    }
    this.next(); // the collection
    this.next(); // '/'
    const fnToken = this.next();
    const kind = isWord(fnToken, 'any') ? 'any' : isWord(fnToken, 'all') ? 'all' : undefined;
    if (!kind) throw expectedError(OPTION, fnToken, `'any' or 'all' after '${collection}/'`);
    this.expectPunct('(', "'('");
    const get = this.get;
    const itemsOf = (row: R): readonly unknown[] | undefined => {
      const value = get(row, collection);
      return Array.isArray(value) ? (value as unknown[]) : undefined;
    };
    if (isPunct(this.peek(), ')')) {
      // `tags/any()` asks "is the collection non-empty"; `all()` has no meaning without a body.
      if (kind === 'all') throw expectedError(OPTION, this.peek(), 'a lambda variable');
      this.next();
      return (row) => (itemsOf(row)?.length ?? 0) > 0;
    }
    const variable = this.next();
    const lower = variable.text.toLowerCase();
    if (
      variable.kind !== 'ident' ||
      variable.text.includes('.') ||
      KEYWORDS.has(lower) ||
      LITERAL_WORDS.has(lower)
    ) {
      throw expectedError(OPTION, variable, 'a lambda variable name');
    }
    this.expectPunct(':', "':' after the lambda variable");
    this.scope = { variable: variable.text, collection, spec };
    this.enter();
    const body = this.parseOr();
    this.leave();
    this.scope = undefined;
    this.expectPunct(')', "')', 'and' or 'or'");
    if (kind === 'any') {
      return (row) => {
        const items = itemsOf(row);
        if (!items) return false;
        for (const item of items) if (body(row, item)) return true;
        return false;
      };
    }
    return (row) => {
      const items = itemsOf(row);
      if (!items) return true; // OData: `all` over no items is true
      for (const item of items) if (!body(row, item)) return false;
      return true;
    };
  }

  // ── literals ────────────────────────────────────────────────────────────────

  /** The literal in the field's normal form (see odata-values); `null` for the null literal. */
  private coerce(ref: Ref<R>, lit: Token): unknown {
    if (isNullLiteral(lit)) return null;
    const spec = ref.spec;
    const shown = describeLiteral(lit);
    const mismatch = (hint: string) =>
      new ODataQueryError(`${shown} is not a valid ${edmName(spec)} for ${ref.label}.${hint}`);
    switch (spec.type) {
      case 'string':
        if (lit.kind === 'string') return lit.text.toLowerCase();
        throw mismatch(' Write text in single quotes.');
      case 'id':
        if (lit.kind === 'string') return lit.text;
        throw mismatch(` Write ids in single quotes, e.g. '${lit.text}'.`);
      case 'enum':
        return this.coerceEnum(ref, lit, mismatch);
      case 'datetime': {
        if (lit.kind === 'datetime' || lit.kind === 'string') {
          const instant = parseDateTimeOffset(lit.text);
          if (instant) return instant;
        }
        const missingZone = lit.kind !== 'typed' && DATE_TIME_WITHOUT_ZONE.test(lit.text);
        throw mismatch(
          missingZone
            ? ' Add a time zone, e.g. 2025-01-01T00:00:00Z or +02:00 (in a URL, write + as %2B).'
            : ' Expected a value such as 2025-01-01T00:00:00Z.',
        );
      }
      case 'int':
        if (lit.kind === 'number' && INT.test(lit.text)) {
          const n = Number(lit.text);
          if (n >= INT32_MIN && n <= INT32_MAX) return n;
        }
        throw mismatch(' Expected a whole number.');
      case 'boolean':
        if (isWord(lit, 'true')) return true;
        if (isWord(lit, 'false')) return false;
        throw mismatch(' Expected true or false.');
      case 'collection':
      case 'complex':
        throw new ODataQueryError(`Cannot compare ${ref.label} with a value.`);
    }
  }

  private coerceEnum(ref: Ref<R>, lit: Token, mismatch: (hint: string) => ODataQueryError): string {
    const spec = ref.spec;
    const values = spec.enumValues ?? [];
    if (lit.kind === 'typed') {
      const expected = spec.enumType ? `microsoft.graph.security.${spec.enumType}` : undefined;
      const typeName = lit.typeName ?? '';
      const fits = expected
        ? typeName.toLowerCase() === expected.toLowerCase()
        : typeName.includes('.');
      if (!fits) {
        throw new ODataQueryError(
          `Enum type '${typeName}' does not match property '${ref.label}'${expected ? ` of type '${expected}'` : ''}.`,
        );
      }
    } else if (lit.kind !== 'string') {
      throw mismatch(` Write enum values in single quotes, e.g. '${values[0] ?? 'value'}'.`);
    }
    const member = parseEnum(values, lit.text);
    if (member === undefined) {
      throw new ODataQueryError(
        `${quoteForMessage(lit.text)} is not a valid value for ${ref.label}. Allowed values: ${values.join(', ')}.`,
      );
    }
    return member;
  }
}

// ── compiled nodes ────────────────────────────────────────────────────────────

function anyOf<R>(parts: Pred<R>[]): Pred<R> {
  const [a, b, ...rest] = parts;
  if (!a) return () => false;
  if (!b) return a;
  if (rest.length === 0) return (row, item) => a(row, item) || b(row, item);
  return (row, item) => parts.some((p) => p(row, item));
}

function allOf<R>(parts: Pred<R>[]): Pred<R> {
  const [a, b, ...rest] = parts;
  if (!a) return () => true;
  if (!b) return a;
  if (rest.length === 0) return (row, item) => a(row, item) && b(row, item);
  return (row, item) => parts.every((p) => p(row, item));
}

/** OData null semantics: `eq null` matches no value, `ne` matches null, ordering never matches null. */
function comparison<R>(get: Getter<R>, ops: ValueOps, op: ComparisonOp, key: unknown): Pred<R> {
  const { norm, compare, same } = ops;
  if (key === null) {
    return op === 'eq'
      ? (row, item) => norm(get(row, item)) === null
      : (row, item) => norm(get(row, item)) !== null;
  }
  const ordered = (test: (c: number) => boolean): Pred<R> => {
    return (row, item) => {
      const v = norm(get(row, item));
      return v !== null && test(compare(v, key));
    };
  };
  switch (op) {
    case 'eq':
      if (ops.identity) return (row, item) => norm(get(row, item)) === key;
      return (row, item) => {
        const v = norm(get(row, item));
        return v !== null && same(v, key);
      };
    case 'ne':
      if (ops.identity) return (row, item) => norm(get(row, item)) !== key;
      return (row, item) => {
        const v = norm(get(row, item));
        return v === null || !same(v, key);
      };
    case 'gt':
      return ordered((c) => c > 0);
    case 'ge':
      return ordered((c) => c >= 0);
    case 'lt':
      return ordered((c) => c < 0);
    case 'le':
      return ordered((c) => c <= 0);
  }
}

function textMatch<R>(fn: FunctionName, get: Getter<R>, needle: string): Pred<R> {
  const text = (row: R, item: unknown): string | null => {
    const v = get(row, item);
    return typeof v === 'string' ? v.toLowerCase() : typeof v === 'number' ? String(v) : null;
  };
  switch (fn) {
    case 'contains':
      return (row, item) => text(row, item)?.includes(needle) ?? false;
    case 'startswith':
      return (row, item) => text(row, item)?.startsWith(needle) ?? false;
    case 'endswith':
      return (row, item) => text(row, item)?.endsWith(needle) ?? false;
  }
}

// ── helpers ───────────────────────────────────────────────────────────────────

function readProperty(item: unknown, name: string): unknown {
  return item !== null && typeof item === 'object'
    ? (item as Record<string, unknown>)[name]
    : undefined;
}

function isPunct(t: Token, mark: string): boolean {
  return t.kind === 'punct' && t.text === mark;
}

function isWord(t: Token, word: string): boolean {
  return t.kind === 'ident' && t.text.toLowerCase() === word;
}

function isNullLiteral(t: Token): boolean {
  return isWord(t, 'null');
}

function isLiteral(t: Token): boolean {
  return (
    t.kind === 'string' ||
    t.kind === 'number' ||
    t.kind === 'datetime' ||
    t.kind === 'typed' ||
    (t.kind === 'ident' && LITERAL_WORDS.has(t.text.toLowerCase()))
  );
}

/** A literal as the analyst typed it: strings quoted, everything else bare. */
function describeLiteral(t: Token): string {
  return t.kind === 'string' ? quoteForMessage(t.text) : quoteForMessage(t.raw, false);
}

function describeOperand<R>(o: Operand<R>): string {
  return o.kind === 'ref' ? o.label : describeLiteral(o.token);
}

function notFilterableMessage(name: string, owner: Owner, label = name): string {
  const filterable = Object.keys(owner.fields).filter((f) => {
    const spec = owner.fields[f];
    return spec?.filterable === true && valueOps(spec) !== undefined;
  });
  const of = owner.itemsOf ? ` of '${owner.itemsOf}' items` : '';
  let message = `Filtering on property '${name}'${of} is not supported. Filterable properties: ${filterable.join(', ') || 'none'}.`;
  const collections = owner.collections ? Object.keys(owner.collections) : [];
  if (collections.length > 0) {
    message += ` Collections usable with any/all: ${collections.join(', ')}.`;
  }
  const collection =
    owner.collections && Object.hasOwn(owner.collections, name)
      ? owner.collections[name]
      : undefined;
  if (owner.searchableFields.includes(name)) {
    message += ` To search it, write contains(${label}, 'text').`;
  } else if (collection) {
    message +=
      collection.item === 'string'
        ? ` To match one of its values, write ${name}/any(t: t eq 'value').`
        : ` To match one of its items, write ${name}/any(x: x/property eq 'value').`;
  }
  return message;
}

function notSearchableMessage<R>(fn: FunctionName, ref: Ref<R>): string {
  const searchable = ref.owner?.searchableFields ?? [];
  const of = ref.owner?.itemsOf ? ` of '${ref.owner.itemsOf}' items` : '';
  return `Function '${fn}' is not supported on property '${ref.name}'${of}. Searchable properties: ${searchable.join(', ') || 'none'}.`;
}
