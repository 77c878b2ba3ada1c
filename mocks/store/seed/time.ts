/**
 * Time for the seed: millisecond units, the ISO-8601 formatter every generated timestamp goes
 * through, and the comparison ISO strings need. The generator computes in integer milliseconds
 * and formats only when it writes a record, so the formatter is one of its hot paths.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Char codes of "YYYY-MM-DDT" for one UTC day. */
type DayCodes = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];
const DAY_CODES = new Map<number, DayCodes>();
const ZERO = 48;

/**
 * `Date#toISOString` for integer ms: one `String.fromCharCode` of 24 codes, flat and ~2× faster
 * than formatting a Date (the seed writes ~500k timestamps).
 */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY);
  let c = DAY_CODES.get(day);
  if (c === undefined) {
    const prefix = new Date(day * DAY).toISOString().slice(0, 11);
    c = Array.from(prefix, (ch) => ch.charCodeAt(0)) as unknown as DayCodes;
    DAY_CODES.set(day, c);
  }
  let rest = Math.floor(ms) - day * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / MINUTE);
  rest -= m * MINUTE;
  const sec = Math.floor(rest / 1000);
  const f = rest - sec * 1000;
  // prettier-ignore
  return String.fromCharCode(
    c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10],
    ZERO + Math.floor(h / 10), ZERO + (h % 10), 58,
    ZERO + Math.floor(m / 10), ZERO + (m % 10), 58,
    ZERO + Math.floor(sec / 10), ZERO + (sec % 10), 46,
    ZERO + Math.floor(f / 100), ZERO + (Math.floor(f / 10) % 10), ZERO + (f % 10), 90,
  );
}

/** ISO-8601 UTC strings order as text; no locale-dependent comparison. */
export function byTime(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
