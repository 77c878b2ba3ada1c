/**
 * Tokens of OData's URL expression syntax, as far as the mock's `$filter`, `$orderby` and `$select`
 * need them. Positions are 0-based offsets into the option's text (end of input = its length).
 */
import { ODataQueryError, quoteForMessage, syntaxMessage } from './odata-types';

type TokenKind =
  | 'ident' // a name, possibly dotted (`microsoft.graph.security.alertSeverity`)
  | 'string' // 'text' with '' escaping; `text` is the unescaped value
  | 'typed' // qualified'value' — an enum literal; `typeName` is the qualifier
  | 'number' // -12, 3.5
  | 'datetime' // anything shaped like a date (validated where its type is known)
  | 'punct' // ( ) , / : *
  | 'eof';

export type Token = {
  kind: TokenKind;
  /** The name, the unescaped string value, the literal's text, or the punctuation mark. */
  text: string;
  /** The source text of the token, for messages. */
  raw: string;
  pos: number;
  typeName?: string;
};

const PUNCT = '(),/:*';
const INT = /^-?\d+$/;
const DECIMAL = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const DATE_SHAPED = /^\d{4}-\d{2}-\d{2}/;
const ZONELESS = /^\d{4}-\d{2}-\d{2}T[\d:.]+$/i;
const SPACE_ZONE = /^ \d{2}:\d{2}(?![\d:])/;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isIdentStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdentPart = (c: number) => isIdentStart(c) || isDigit(c);
// A literal runs until a delimiter, so `12abc` is one bad token, not `12` then `abc`.
const isLiteralPart = (c: number) => isIdentPart(c) || c === 58 || c === 46 || c === 43 || c === 45;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/** Splits `text` into tokens (ending with `eof`); throws `ODataQueryError` naming the position. */
export function tokenize(text: string, option: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const ch = text.charAt(i);
    if (PUNCT.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch, raw: ch, pos: i });
      i++;
      continue;
    }
    if (ch === "'") {
      const [value, end] = readString(text, i, option);
      tokens.push({ kind: 'string', text: value, raw: text.slice(i, end), pos: i });
      i = end;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      for (;;) {
        while (j < n && isIdentPart(text.charCodeAt(j))) j++;
        if (text.charAt(j) === '.' && j + 1 < n && isIdentStart(text.charCodeAt(j + 1))) {
          j += 2;
          continue;
        }
        break;
      }
      const name = text.slice(i, j);
      if (text.charAt(j) === "'") {
        const [value, end] = readString(text, j, option);
        tokens.push({
          kind: 'typed',
          text: value,
          typeName: name,
          raw: text.slice(i, end),
          pos: i,
        });
        i = end;
      } else {
        tokens.push({ kind: 'ident', text: name, raw: name, pos: i });
        i = j;
      }
      continue;
    }
    if (isDigit(c) || (ch === '-' && i + 1 < n && isDigit(text.charCodeAt(i + 1)))) {
      let j = i + 1;
      while (j < n && isLiteralPart(text.charCodeAt(j))) j++;
      const raw = text.slice(i, j);
      const kind =
        INT.test(raw) || DECIMAL.test(raw)
          ? 'number'
          : DATE_SHAPED.test(raw)
            ? 'datetime'
            : undefined;
      if (!kind)
        throw new ODataQueryError(
          syntaxMessage(option, i, `${quoteForMessage(raw)} is not a valid literal`),
        );
      // An unencoded `+02:00` in a URL arrives as ` 02:00`; say so rather than blame `02:00`.
      if (kind === 'datetime' && ZONELESS.test(raw) && SPACE_ZONE.test(text.slice(j))) {
        const shown = quoteForMessage(text.slice(i, j + 6));
        const detail = `${shown} has a space where its time zone's '+' belongs (in a URL, write + as %2B)`;
        throw new ODataQueryError(syntaxMessage(option, j, detail));
      }
      tokens.push({ kind, text: raw, raw, pos: i });
      i = j;
      continue;
    }
    const hint = ch === '"' ? " (strings take single quotes: 'text')" : '';
    throw new ODataQueryError(
      syntaxMessage(option, i, `unexpected character ${quoteForMessage(ch)}${hint}`),
    );
  }
  tokens.push({ kind: 'eof', text: '', raw: '', pos: n });
  return tokens;
}

/** Reads a quoted string starting at `start` (the opening quote); returns [value, end]. */
function readString(text: string, start: number, option: string): [string, number] {
  let value = '';
  let i = start + 1;
  for (;;) {
    const q = text.indexOf("'", i);
    if (q < 0) {
      const detail = "unterminated string: expected a closing quote (') but found end of input";
      throw new ODataQueryError(syntaxMessage(option, start, detail));
    }
    value += text.slice(i, q);
    if (text.charAt(q + 1) === "'") {
      value += "'";
      i = q + 2;
      continue;
    }
    return [value, q + 1];
  }
}

/** How a token reads in "… but found X". */
function describeToken(token: Token): string {
  if (token.kind === 'eof') return 'end of input';
  if (token.kind === 'string' || token.kind === 'typed') return quoteForMessage(token.raw, false);
  return quoteForMessage(token.raw);
}

/** Builds the "expected … but found …" syntax error at a token. */
export function expectedError(option: string, token: Token, expected: string): ODataQueryError {
  return new ODataQueryError(
    syntaxMessage(option, token.pos, `expected ${expected} but found ${describeToken(token)}`),
  );
}
