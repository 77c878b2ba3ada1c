/**
 * The queue's time range (SPEC.md §12.1): 1 day, 3 days, 1 week, 30 days, 6 months, or a custom
 * date-and-time range, kept in the URL (`range=1d`; `range=custom&from=…&to=…`, in UTC).
 *
 * Defender shows "incidents seen in the last six months" (the range it opened on before its newest
 * docs moved the default to one week), ordered by their latest update. The console opens on six
 * months: the demo data covers the last 30 days, so a week would hide most of it. "Seen" is read
 * as last updated in the range: an old incident that got a new alert or an analyst's change
 * yesterday shows under "1 day". Graph filters it: `lastUpdateDateTime ge <from>` (and
 * `le <to>` for a custom range), unquoted ISO instants.
 */
import type { UrlField } from '@/components/url-view';

export const TIME_RANGE_PRESETS = ['1d', '3d', '1w', '30d', '6m'] as const;
export type TimeRangePreset = (typeof TIME_RANGE_PRESETS)[number];

/** A preset counts back from now; a custom range has both ends, as UTC ISO instants. */
export type TimeRange =
  { kind: 'preset'; preset: TimeRangePreset } | { kind: 'custom'; from: string; to: string };

export const DEFAULT_TIME_RANGE: TimeRange = { kind: 'preset', preset: '6m' };

export const TIME_RANGE_LABELS: Record<TimeRangePreset, string> = {
  '1d': '1 day',
  '3d': '3 days',
  '1w': '1 week',
  '30d': '30 days',
  '6m': '6 months',
};

/** The incident property the range filters on. */
const TIME_FIELD = 'lastUpdateDateTime';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const PRESET_DAYS: Record<Exclude<TimeRangePreset, '6m'>, number> = {
  '1d': 1,
  '3d': 3,
  '1w': 7,
  '30d': 30,
};

/** An instant as the URL and `$filter` write it: UTC, to the second (`2026-11-01T08:00:00Z`). */
function isoInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const UTC_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?Z$/;

/** Reads a UTC instant written as `YYYY-MM-DDTHH:mm[:ss]Z`; `undefined` for anything else. */
export function parseIsoInstant(text: string): Date | undefined {
  const m = UTC_INSTANT.exec(text.trim().toUpperCase());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 31 February over into March: such a date does not exist, so it is refused.
  const same =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s;
  return same ? date : undefined;
}

/** Where a preset starts: `now` (to the minute, so a view's query stays the same for a minute). */
function presetStart(preset: TimeRangePreset, now: Date): Date {
  const minute = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE);
  if (preset === '6m') {
    const start = new Date(minute);
    start.setUTCMonth(start.getUTCMonth() - 6);
    return start;
  }
  return new Date(minute.getTime() - PRESET_DAYS[preset] * DAY);
}

/** The range's `$filter` clause. */
export function timeRangeClause(range: TimeRange, now: Date): string {
  if (range.kind === 'preset') {
    return `${TIME_FIELD} ge ${isoInstant(presetStart(range.preset, now))}`;
  }
  return `${TIME_FIELD} ge ${range.from} and ${TIME_FIELD} le ${range.to}`;
}

export type CustomRangeCheck = { ok: true; range: TimeRange } | { ok: false; error: string };

/**
 * Checks a custom range typed by the analyst (as Dates, or undefined where the input could not be
 * read): both ends present and real, the end after the start. The error names what is wrong.
 */
export function checkCustomRange(from: Date | undefined, to: Date | undefined): CustomRangeCheck {
  if (!from || Number.isNaN(from.getTime())) {
    return { ok: false, error: 'Enter the start of the range as a date and a time.' };
  }
  if (!to || Number.isNaN(to.getTime())) {
    return { ok: false, error: 'Enter the end of the range as a date and a time.' };
  }
  if (to.getTime() <= from.getTime()) {
    return { ok: false, error: 'The end of the range must be after its start.' };
  }
  return { ok: true, range: { kind: 'custom', from: isoInstant(from), to: isoInstant(to) } };
}

export const sameTimeRange = (a: TimeRange, b: TimeRange): boolean =>
  a.kind === 'preset'
    ? b.kind === 'preset' && a.preset === b.preset
    : b.kind === 'custom' && a.from === b.from && a.to === b.to;

/**
 * The time range as a view field: `range=<preset>`, or `range=custom&from=<UTC>&to=<UTC>`. An
 * unknown preset, or a custom range that is unreadable or ends before it starts, reads as the
 * default (and the route's loader rewrites the URL to it).
 */
export function timeRangeField(names: {
  range: string;
  from: string;
  to: string;
}): UrlField<TimeRange> {
  return {
    names: [names.range, names.from, names.to],
    read(params) {
      const raw = params.get(names.range)?.trim().toLowerCase() ?? '';
      const preset = TIME_RANGE_PRESETS.find((p) => p === raw);
      if (preset) return { kind: 'preset', preset };
      if (raw !== 'custom') return DEFAULT_TIME_RANGE;
      const check = checkCustomRange(
        parseIsoInstant(params.get(names.from) ?? ''),
        parseIsoInstant(params.get(names.to) ?? ''),
      );
      return check.ok ? check.range : DEFAULT_TIME_RANGE;
    },
    write(params, value) {
      if (sameTimeRange(value, DEFAULT_TIME_RANGE)) return;
      if (value.kind === 'preset') {
        params.append(names.range, value.preset);
        return;
      }
      params.append(names.range, 'custom');
      params.append(names.from, value.from);
      params.append(names.to, value.to);
    },
  };
}
