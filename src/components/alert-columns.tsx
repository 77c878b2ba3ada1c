/**
 * The alert columns, defined once: the alerts queue, an incident's Alerts tab and the incident
 * queue's expanded rows each pick theirs from here, so a column reads and sorts the same wherever
 * it is shown. Where the screens differ on purpose (a badge or words, a link or a button, short
 * dates where three date columns share a narrow row), the grid says which in its options.
 */
import {
  Badge,
  createTableColumn,
  mergeClasses,
  type TableColumnDefinition,
} from '@fluentui/react-components';
import { useMemo, type ReactNode } from 'react';
import { detectionSourceLabel } from '@/domain/detection-sources';
import { ALERT_STATUS_LABELS, SEVERITY_RANK, type ServiceSource } from '@/domain/enums';
import type { Alert } from '@/domain/graph';
import { categoryLabel } from '@/domain/naming';
import { SOURCE_INFO } from '@/domain/sources';
import { AlertStatusBadge } from './alert-status-badge';
import { AlertTitleButton, AlertTitleLink } from './alert-title-link';
import { useAlertColumnsStyles } from './alert-columns.styles';
import { DateTime } from './date-time';
import { RouterLink } from './router-link';
import { SeverityBadge } from './severity-badge';
import { VisuallyHidden } from './visually-hidden';

/** Column ids are Graph's property names, so a server-sorted column names its `$orderby`. */
export type AlertColumnId =
  | 'title'
  | 'id'
  | 'severity'
  | 'status'
  | 'category'
  | 'serviceSource'
  | 'detectionSource'
  | 'incidentId'
  | 'assignedTo'
  | 'firstActivityDateTime'
  | 'lastActivityDateTime'
  | 'createdDateTime';

/** How a grid shows its columns; the defaults make one-line rows for long lists. */
export type AlertColumnOptions = {
  /** Dates in the short style, for a narrow row. @default 'medium' */
  dates?: 'medium' | 'short';
  /** Source names on one line with an ellipsis, or on up to two lines. @default 'oneLine' */
  longText?: 'oneLine' | 'twoLines';
  /**
   * `server`: the server orders the rows and a header click only says what to ask for;
   * `client`: the rows sort in place. Absent: the columns do not sort.
   */
  sort?: 'server' | 'client';
  /**
   * The incident whose alerts the grid lists (an incident's Alerts tab). The Incident column is
   * then "Home incident": "This incident" for its own alerts, and for the alerts related to it
   * (Sentinel, seed 004) a Related mark and a link to their home incident.
   */
  incident?: string;
  /** The status in the portal's words, or as a coloured badge. @default 'text' */
  status?: 'text' | 'badge';
  /**
   * How the title opens the alert details panel: a button, or a link to `?alert=<id>` (a new
   * tab on a ctrl-click, focus back on it when the panel closes). @default 'button'
   */
  title?: 'button' | 'link';
};

export type AlertColumn<C extends AlertColumnId = AlertColumnId> = TableColumnDefinition<Alert> & {
  columnId: C;
  /** The cell holds one link or button, which takes focus instead of the cell. */
  interactive: boolean;
};

/** An alert's name, or "Alert <id>" when it has none (also in its checkbox's label). */
export function alertTitle(alert: Alert): string {
  return alert.title?.trim() || `Alert ${alert.id ?? ''}`;
}

function serviceSourceLabel(alert: Alert): string | undefined {
  const source = alert.serviceSource;
  return source ? (SOURCE_INFO[source as ServiceSource]?.label ?? source) : undefined;
}

function categoryOf(alert: Alert): string | undefined {
  const category = alert.categories?.[0] ?? alert.category;
  return category ? categoryLabel(category) : undefined;
}

type Styles = ReturnType<typeof useAlertColumnsStyles>;
type Context = {
  options: Required<Omit<AlertColumnOptions, 'sort' | 'incident'>> &
    Pick<AlertColumnOptions, 'incident'>;
  styles: Styles;
};

type ColumnSpec = {
  header: string | ((context: Context) => string);
  /** What the column sorts by when the rows sort in place. */
  sortKey: (alert: Alert) => string | number;
  render: (alert: Alert, context: Context) => ReactNode;
  interactive?: true;
};

/** Text that may be missing (shown as a muted dash), whole in the tooltip when it is cut. */
function text(value: string | undefined, className: string, styles: Styles): ReactNode {
  if (value === undefined) return <span className={styles.muted}>—</span>;
  return (
    <span className={className} title={value}>
      {value}
    </span>
  );
}

const twoLines = ({ options, styles }: Context) =>
  mergeClasses(styles.twoLines, options.longText === 'twoLines' && styles.roomy);
const longText = (context: Context) =>
  context.options.longText === 'oneLine' ? context.styles.oneLine : twoLines(context);

const COLUMNS: Record<AlertColumnId, ColumnSpec> = {
  title: {
    header: 'Alert name',
    sortKey: (a) => a.title ?? '',
    interactive: true,
    render: (a, { options, styles }) => {
      const Title = options.title === 'link' ? AlertTitleLink : AlertTitleButton;
      return <Title alertId={a.id ?? ''} className={styles.title} title={alertTitle(a)} />;
    },
  },
  id: {
    header: 'Alert ID',
    sortKey: (a) => a.id ?? '',
    render: (a, { styles }) => (
      <span className={styles.mono} title={a.id ?? undefined}>
        {a.id}
      </span>
    ),
  },
  severity: {
    header: 'Severity',
    sortKey: (a) => SEVERITY_RANK[a.severity ?? 'unknown'],
    render: (a) => <SeverityBadge severity={a.severity} />,
  },
  status: {
    header: 'Status',
    sortKey: (a) => a.status ?? '',
    render: (a, { options, styles }) => {
      if (options.status === 'badge') return <AlertStatusBadge status={a.status} />;
      return a.status ? ALERT_STATUS_LABELS[a.status] : <span className={styles.muted}>—</span>;
    },
  },
  category: {
    header: 'Category',
    sortKey: (a) => categoryOf(a) ?? '—',
    // Tactic names are short: they wrap rather than lose their end, even in a one-line grid.
    render: (a, context) => text(categoryOf(a), twoLines(context), context.styles),
  },
  serviceSource: {
    header: 'Service source',
    sortKey: (a) => serviceSourceLabel(a) ?? '—',
    render: (a, context) => text(serviceSourceLabel(a), longText(context), context.styles),
  },
  detectionSource: {
    header: 'Detection source',
    sortKey: (a) => detectionSourceLabel(a.detectionSource),
    render: (a, context) =>
      text(
        a.detectionSource ? detectionSourceLabel(a.detectionSource) : undefined,
        longText(context),
        context.styles,
      ),
  },
  incidentId: {
    header: ({ options }) => (options.incident === undefined ? 'Incident' : 'Home incident'),
    sortKey: (a) => a.incidentId ?? '',
    interactive: true,
    render: (a, { options, styles }) => {
      if (!a.incidentId) return <span className={styles.muted}>—</span>;
      const link = (
        <RouterLink to={`/incidents/${encodeURIComponent(a.incidentId)}/overview`}>
          <VisuallyHidden>Incident</VisuallyHidden> {a.incidentId}
        </RouterLink>
      );
      if (options.incident === undefined) return link;
      if (a.incidentId === options.incident) {
        return <span className={styles.muted}>This incident</span>;
      }
      return (
        <span className={styles.related}>
          <Badge appearance="tint" color="brand" shape="rounded">
            Related
          </Badge>
          {link}
        </span>
      );
    },
  },
  assignedTo: {
    header: 'Assigned to',
    sortKey: (a) => a.assignedTo ?? '',
    render: (a, { styles }) =>
      a.assignedTo ? (
        text(a.assignedTo, styles.oneLine, styles)
      ) : (
        <span className={styles.muted}>Unassigned</span>
      ),
  },
  firstActivityDateTime: {
    header: 'First activity',
    sortKey: (a) => a.firstActivityDateTime ?? '',
    render: (a, { options }) => (
      <DateTime short={options.dates === 'short'} value={a.firstActivityDateTime} />
    ),
  },
  lastActivityDateTime: {
    header: 'Last activity',
    sortKey: (a) => a.lastActivityDateTime ?? '',
    render: (a, { options }) => (
      <DateTime short={options.dates === 'short'} value={a.lastActivityDateTime} />
    ),
  },
  createdDateTime: {
    header: 'Created',
    sortKey: (a) => a.createdDateTime ?? '',
    render: (a, { options }) => (
      <DateTime short={options.dates === 'short'} value={a.createdDateTime} />
    ),
  },
};

function compareBy(key: (alert: Alert) => string | number) {
  return (a: Alert, b: Alert) => {
    const x = key(a);
    const y = key(b);
    return typeof x === 'number' && typeof y === 'number'
      ? x - y
      : String(x).localeCompare(String(y));
  };
}

// The server sorts; a comparer that keeps its order still tells Fluent the header is sortable.
const serverOrder = (_a: Alert, _b: Alert) => 0;

/**
 * The columns a grid shows, in its order. Pass module constants: the columns are made again
 * whenever `ids` or `options` change identity.
 */
export function useAlertColumns<C extends AlertColumnId>(
  ids: readonly C[],
  options: AlertColumnOptions = {},
): AlertColumn<C>[] {
  const styles = useAlertColumnsStyles();
  return useMemo(() => {
    const context: Context = {
      options: {
        dates: options.dates ?? 'medium',
        longText: options.longText ?? 'oneLine',
        status: options.status ?? 'text',
        title: options.title ?? 'button',
        incident: options.incident,
      },
      styles,
    };
    return ids.map((columnId) => {
      const spec = COLUMNS[columnId];
      const compare =
        options.sort === 'server'
          ? serverOrder
          : options.sort === 'client'
            ? compareBy(spec.sortKey)
            : undefined;
      return {
        ...createTableColumn<Alert>({
          columnId,
          renderHeaderCell: () =>
            typeof spec.header === 'string' ? spec.header : spec.header(context),
          renderCell: (alert) => spec.render(alert, context),
          ...(compare ? { compare } : {}),
        }),
        columnId,
        interactive: spec.interactive ?? false,
      };
    });
  }, [ids, options, styles]);
}
