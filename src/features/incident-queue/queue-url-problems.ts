/**
 * What a queue link holds that the queue cannot show (an unknown filter value, a time range that
 * cannot be read, a page size it does not offer), in words the analyst can act on. The view
 * itself ignores such values (queue-state.ts); the route's loader then rewrites the URL to what
 * is shown, and the page says what was dropped (url-notice-store.ts), so nothing is silently lost.
 */
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from './page-size';
import {
  ASSIGNMENT_FILTER_VALUES,
  CLASSIFICATION_FILTER_VALUES,
  QUEUE_PARAMS,
  SEVERITY_FILTER_VALUES,
  SOURCE_FILTER_VALUES,
  STATUS_FILTER_VALUES,
} from './queue-state';
import {
  checkCustomRange,
  DEFAULT_TIME_RANGE,
  parseIsoInstant,
  TIME_RANGE_LABELS,
  TIME_RANGE_PRESETS,
} from './time-range';

const ENUM_PARAMS: readonly { name: string; title: string; known: readonly string[] }[] = [
  { name: QUEUE_PARAMS.status, title: 'Status', known: [...STATUS_FILTER_VALUES, 'new', 'all'] },
  { name: QUEUE_PARAMS.severity, title: 'Severity', known: SEVERITY_FILTER_VALUES },
  {
    name: QUEUE_PARAMS.assignment,
    title: 'Incident assignment',
    known: ASSIGNMENT_FILTER_VALUES,
  },
  {
    name: QUEUE_PARAMS.classification,
    title: 'Classification',
    known: CLASSIFICATION_FILTER_VALUES,
  },
  { name: QUEUE_PARAMS.source, title: 'Service sources', known: SOURCE_FILTER_VALUES },
];

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

const DEFAULT_RANGE_LABEL =
  DEFAULT_TIME_RANGE.kind === 'preset' ? TIME_RANGE_LABELS[DEFAULT_TIME_RANGE.preset] : 'custom';

/** One sentence per problem of the link; empty when the queue understood all of it. */
export function queueUrlProblems(params: URLSearchParams): string[] {
  const problems: string[] = [];
  for (const { name, title, known } of ENUM_PARAMS) {
    const lower = known.map((k) => k.toLowerCase());
    const unknown = params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '' && !lower.includes(v.toLowerCase()));
    if (unknown.length > 0) {
      problems.push(
        `${title}: ${quoted(unknown)} ${unknown.length === 1 ? 'is not a value' : 'are not values'} of this filter, so ${unknown.length === 1 ? 'it was' : 'they were'} left out.`,
      );
    }
  }

  const range = params.get(QUEUE_PARAMS.timeRange)?.trim();
  if (range !== undefined && range !== '') {
    const lower = range.toLowerCase();
    if (lower === 'custom') {
      const fromText = params.get(QUEUE_PARAMS.timeRangeFrom) ?? '';
      const toText = params.get(QUEUE_PARAMS.timeRangeTo) ?? '';
      const from = parseIsoInstant(fromText);
      const to = parseIsoInstant(toText);
      let reason: string | undefined;
      if (!from) reason = `its start "${fromText}" is not a UTC date and time (2026-11-01T08:00Z)`;
      else if (!to) reason = `its end "${toText}" is not a UTC date and time (2026-11-01T08:00Z)`;
      else if (!checkCustomRange(from, to).ok) reason = 'it ends before it starts';
      if (reason) {
        problems.push(
          `The custom time range could not be used: ${reason}. Showing the last ${DEFAULT_RANGE_LABEL}.`,
        );
      }
    } else if (!(TIME_RANGE_PRESETS as readonly string[]).includes(lower)) {
      problems.push(
        `Time range "${range}" is not one of ${TIME_RANGE_PRESETS.join(', ')} or custom. Showing the last ${DEFAULT_RANGE_LABEL}.`,
      );
    }
  }

  const size = params.get(QUEUE_PARAMS.pageSize)?.trim();
  if (size !== undefined && size !== '' && !PAGE_SIZES.some((s) => String(s) === size)) {
    problems.push(
      `Page size "${size}" is not offered (${PAGE_SIZES.join(', ')}). Showing ${DEFAULT_PAGE_SIZE} incidents per page.`,
    );
  }
  return problems;
}
