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

/** A Graph timestamp shown in the analyst's locale, with the exact value in the markup. */
export function DateTime({
  short = false,
  value,
}: {
  /** The short date style, for rows with several date columns. @default false */
  short?: boolean;
  value: string | null | undefined;
}) {
  if (!value) return <span>—</span>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  return (
    <time dateTime={value} title={short ? fullFormatter.format(date) : date.toISOString()}>
      {(short ? shortFormatter : formatter).format(date)}
    </time>
  );
}
