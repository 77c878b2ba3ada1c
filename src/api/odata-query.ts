/** OData list options as Graph names them (without the `$`), and their query string. */
export type ODataListParams = {
  filter?: string;
  orderby?: string;
  top?: number;
  skip?: number;
  count?: boolean;
  expand?: string;
  select?: string;
};

/**
 * Encodes one OData option value. Spaces become %20 (never `+`, which Graph does not read as a
 * space); quotes, parentheses, `/` and `:` stay readable since they are legal in a query.
 */
function encodeODataValue(value: string): string {
  return encodeURIComponent(value).replace(/%2F/g, '/').replace(/%3A/g, ':');
}

/** Builds the query string (with its leading `?`, or empty) for a Graph collection read. */
export function buildODataQuery(params: ODataListParams): string {
  const parts: string[] = [];
  const text = (name: string, value: string | undefined) => {
    if (value !== undefined && value.trim() !== '')
      parts.push(`$${name}=${encodeODataValue(value)}`);
  };
  text('filter', params.filter);
  text('orderby', params.orderby);
  if (params.top !== undefined) parts.push(`$top=${params.top}`);
  if (params.skip !== undefined && params.skip > 0) parts.push(`$skip=${params.skip}`);
  if (params.count === true) parts.push('$count=true');
  text('expand', params.expand);
  text('select', params.select);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** An OData string literal: single quotes doubled, as `$filter` needs (`O'Brien` → `'O''Brien'`). */
export function odataString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
