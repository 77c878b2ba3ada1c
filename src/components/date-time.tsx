import { memo } from 'react';

const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
// Where several date columns share a row with long names, the short style keeps each on one
// line; the full date and time stay in the tooltip.
const shortFormatter = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'short',
  timeStyle: 'short',
});
const fullFormatter = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

type Formatted = { text: string; title: string } | undefined;

/**
 * Formatted timestamps, remembered: a queue page shows 150 of them and a sort or a filter shows
 * mostly ones seen before, while formatting a date is among the costlier parts of a cell.
 */
const remembered = new Map<string, Formatted>();
const REMEMBER_AT_MOST = 5000;

function format(value: string, short: boolean): Formatted {
  const key = `${short ? 's' : 'm'}${value}`;
  if (remembered.has(key)) return remembered.get(key);
  const date = new Date(value);
  const result = Number.isNaN(date.getTime())
    ? undefined
    : {
        text: (short ? shortFormatter : formatter).format(date),
        title: short ? fullFormatter.format(date) : date.toISOString(),
      };
  if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
  remembered.set(key, result);
  return result;
}

/**
 * A Graph timestamp shown in the analyst's locale, with the exact value in the markup. Memoised:
 * a queue row that shows another incident keeps the cells whose time did not change.
 */
export const DateTime = memo(function DateTime({
  short = false,
  value,
}: {
  /** The short date style, for rows with several date columns. @default false */
  short?: boolean;
  value: string | null | undefined;
}) {
  if (!value) return <span>—</span>;
  const formatted = format(value, short);
  if (!formatted) return <span>{value}</span>;
  return (
    <time dateTime={value} title={formatted.title}>
      {formatted.text}
    </time>
  );
});
