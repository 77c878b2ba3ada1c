import {
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  mergeClasses,
  type DataGridCellFocusMode,
  type DataGridContextValue,
  type DataGridProps,
  type MenuProps,
  type PositioningVirtualElement,
  type TableColumnDefinition,
  type TableColumnSizingOptions,
} from '@fluentui/react-components';
import {
  createContext,
  memo,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import { ArrowAutofitWidthRegular } from '@fluentui/react-icons';
import { DateTime } from '@/components/date-time';
import { SeverityBadge } from '@/components/severity-badge';
import { VisuallyHidden } from '@/components/visually-hidden';
import { expandedIncidents } from '../expanded-incidents-store';
import { incidentSelection } from '../incident-selection-store';
import { useIsMerging } from '../merging-incidents';
import { isQueueColumnId, type QueueColumnId } from '../queue-columns';
import {
  MIN_COLUMN_WIDTH,
  useColumnActions,
  useColumnLayout,
  visibleColumns,
  type ColumnLayout,
} from '../queue-columns-store';
import type { QueueRow } from '../queue-rows';
import { defaultDirection, SORT_FIELDS, type QueueSort } from '../queue-state';
import { IncidentAlerts } from './incident-alerts';
import {
  AssignedToCell,
  CellText,
  ClassificationCell,
  DeterminationCell,
  ExpandButton,
  IncidentNameLink,
  SelectIncidentCheckbox,
  SelectPageCheckbox,
  SourcesCell,
  StatusCell,
  TagsCell,
} from './incident-grid-cells';
import { COLUMN_BASIS, useIncidentGridStyles } from './incident-grid.styles';
import { IncidentRowMenu } from './incident-row-menu';
import { RowPlaceContext, type RowPlace } from './row-place';
import { useMenuFocusReturn } from './use-menu-focus-return';

/** The checkbox and expand columns, the data columns the analyst chooses, and the row menu. */
type ColumnId = 'select' | 'expand' | QueueColumnId | 'menu';

/**
 * A row's place on the page and the incident it shows. Places are kept when a page has fewer
 * rows than before (a search, a filter): they hide, holding their last incident, and show the next
 * longer page's incidents, so a filter updates rows instead of unmounting and mounting them.
 */
type Slot = { row: QueueRow; hidden: boolean };

type Column = TableColumnDefinition<Slot> & {
  columnId: ColumnId;
  /** What the column's cell shows for an incident (Fluent's own `renderCell` is not used). */
  render: (row: QueueRow) => ReactNode;
  /** Cells holding one control let focus go straight to it (Fluent's DataGrid guidance). */
  focusMode: DataGridCellFocusMode;
  numeric?: boolean;
};

// The server sorts (`$orderby`); a comparer that keeps the server's order marks a column sortable.
const serverSorted = (_a: Slot, _b: Slot) => 0;

function column(
  columnId: ColumnId,
  header: ReactNode,
  renderCell: (row: QueueRow) => ReactNode,
  options: { focusMode?: DataGridCellFocusMode; numeric?: boolean } = {},
): Column {
  const sortable = (SORT_FIELDS as readonly string[]).includes(columnId);
  return {
    ...createTableColumn<Slot>({
      columnId,
      renderHeaderCell: () => header,
      ...(sortable ? { compare: serverSorted } : {}),
    }),
    columnId,
    render: renderCell,
    focusMode: options.focusMode ?? 'cell',
    ...(options.numeric ? { numeric: true } : {}),
  };
}

/**
 * Graph-sortable columns sort on the server; the derived ones (alerts, sources, activity) cannot
 * be sorted by Graph, so they are not sortable at all rather than sorted per page.
 */
const COLUMNS: Column[] = [
  column('select', null, (row) => <SelectIncidentCheckbox row={row} />, { focusMode: 'none' }),
  column('expand', null, (row) => <ExpandButton row={row} />, { focusMode: 'none' }),
  column('displayName', 'Incident name', (row) => <IncidentNameLink row={row} />, {
    focusMode: 'none',
  }),
  column('id', 'Incident ID', (row) => <CellText>{row.id}</CellText>),
  column('severity', 'Severity', (row) => <SeverityBadge severity={row.incident.severity} />),
  column('status', 'Status', (row) => <StatusCell row={row} />),
  column('tags', 'Tags', (row) => <TagsCell row={row} />),
  column('assignedTo', 'Assigned to', (row) => <AssignedToCell row={row} />),
  column('classification', 'Classification', (row) => <ClassificationCell row={row} />),
  column('determination', 'Determination', (row) => <DeterminationCell row={row} />),
  column('alertCount', 'Alerts', (row) => row.alertCount, { numeric: true }),
  column('sources', 'Service sources', (row) => <SourcesCell row={row} />),
  column('firstActivity', 'First activity', (row) => <DateTime value={row.firstActivity} />),
  column('lastActivity', 'Last activity', (row) => <DateTime value={row.lastActivity} />),
  column('lastUpdateDateTime', 'Last update time', (row) => (
    <DateTime value={row.incident.lastUpdateDateTime} />
  )),
  column('menu', null, (row) => <IncidentRowMenu row={row} />, { focusMode: 'none' }),
];

type SortState = NonNullable<DataGridProps['sortState']>;

const COLUMN_BY_ID = new Map(COLUMNS.map((c) => [c.columnId, c]));

/** The checkbox and expand columns, then the data columns the analyst shows, in their order. */
function shownColumns(layout: Pick<ColumnLayout, 'order' | 'hidden'>): Column[] {
  const ids: ColumnId[] = ['select', 'expand', ...visibleColumns(layout), 'menu'];
  return ids.flatMap((id) => COLUMN_BY_ID.get(id) ?? []);
}

/** Each column's width: the one the analyst dragged it to, or its default. */
function sizingOptions(widths: ColumnLayout['widths']): TableColumnSizingOptions {
  return Object.fromEntries(
    COLUMNS.map(({ columnId }) => {
      const fixed = columnId === 'select' || columnId === 'expand' || columnId === 'menu';
      const width = (fixed ? undefined : widths[columnId]) ?? COLUMN_BASIS[columnId];
      return [
        columnId,
        {
          defaultWidth: width,
          idealWidth: width,
          minWidth: fixed ? COLUMN_BASIS[columnId] : MIN_COLUMN_WIDTH,
        },
      ];
    }),
  );
}

type Styles = ReturnType<typeof useIncidentGridStyles>;

function cellClassName(styles: Styles, columnId: string | number): string {
  const col = COLUMN_BY_ID.get(columnId as ColumnId);
  if (!col) return '';
  return mergeClasses(styles[col.columnId], col.numeric && styles.numeric);
}

/**
 * Whether a click on a row landed on one of its controls (the name link, the checkbox, the expand
 * button, an alert link), or ended a text selection: those do not open the side pane.
 */
function clickOpensPane(event: MouseEvent<HTMLElement>): boolean {
  const target = event.target as HTMLElement;
  if (target.closest('a, button, input, label, [role="menuitem"]')) return false;
  return (window.getSelection()?.toString() ?? '') === '';
}

/** Where a context menu opens: at the pointer, or where the browser puts a keyboard's (Shift+F10). */
function pointAt(event: MouseEvent): PositioningVirtualElement {
  const { clientX: x, clientY: y } = event;
  return {
    getBoundingClientRect: () => ({
      x,
      y,
      left: x,
      top: y,
      right: x + 1,
      bottom: y + 1,
      width: 1,
      height: 1,
    }),
  };
}

type ColumnHeaderMenuProps = {
  open: boolean;
  target: PositioningVirtualElement;
  /** What had focus when the menu opened: focus goes back to it when the menu closes. */
  returnFocusTo: HTMLElement | null;
  /** "Resize with keyboard": Fluent's keyboard mode for the column's resize handle. */
  onKeyboardResize: (event: MouseEvent<HTMLDivElement>) => void;
  onOpenChange: NonNullable<MenuProps['onOpenChange']>;
};

function ColumnHeaderMenu({
  open,
  target,
  returnFocusTo,
  onKeyboardResize,
  onOpenChange,
}: ColumnHeaderMenuProps) {
  // Focus left in the menu when it closes goes back to the header; keyboard resizing has moved
  // it to the resize handle by then.
  const popoverRef = useMenuFocusReturn(open, returnFocusTo);
  return (
    <Menu open={open} positioning={{ target }} onOpenChange={onOpenChange}>
      <MenuPopover ref={popoverRef}>
        <MenuList>
          <MenuItem icon={<ArrowAutofitWidthRegular />} onClick={onKeyboardResize}>
            Resize with keyboard
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

type ColumnHeaderCellProps = {
  className: string;
  columnId: ColumnId;
  dataGrid: DataGridContextValue;
  children: ReactNode;
};

/**
 * A data column's header. Fluent's keyboard column resizing is offered by its context menu (right
 * click, Shift+F10 or the Menu key), then ←/→ resize and Enter or Escape end it. Until the menu
 * is first opened the header holds no Menu: thirteen Menus (positioning, listeners, context
 * providers) rendered again on every sort.
 */
function ColumnHeaderCell({ className, columnId, dataGrid, children }: ColumnHeaderCellProps) {
  const [menu, setMenu] =
    useState<Omit<ColumnHeaderMenuProps, 'onKeyboardResize' | 'onOpenChange'>>();
  const onContextMenu = (event: MouseEvent<HTMLDivElement>) => {
    if (event.isDefaultPrevented()) return;
    event.preventDefault();
    const active = document.activeElement;
    setMenu({
      open: true,
      target: pointAt(event),
      returnFocusTo:
        active instanceof HTMLElement && event.currentTarget.contains(active) ? active : null,
    });
  };
  return (
    <>
      <DataGridHeaderCell className={className} onContextMenu={onContextMenu}>
        {children}
      </DataGridHeaderCell>
      {menu && (
        <ColumnHeaderMenu
          {...menu}
          onKeyboardResize={dataGrid.columnSizing_unstable.enableKeyboardMode(columnId)}
          onOpenChange={(_, data) => setMenu({ ...menu, open: data.open })}
        />
      )}
    </>
  );
}

/** The incident a row shows now: its cells read it here, so they stay put when it changes. */
const RowContext = createContext<QueueRow | null>(null);

/** A cell's content: the only part of a cell that renders again when its row shows another incident. */
function CellContent({ render }: { render: (row: QueueRow) => ReactNode }) {
  const row = useContext(RowContext);
  return row ? render(row) : null;
}

type IncidentGridRowProps = {
  row: QueueRow;
  /** The place shows no incident now (see `Slot`): hidden, and not an incident row. */
  hidden: boolean;
  /** Whether the side pane shows this incident. */
  paneOpen: boolean;
  /** How many columns the expanded alerts row spans. */
  columnCount: number;
  onOpenPane: (incidentId: string) => void;
};

/** One incident, and below it its alerts when expanded. Re-renders only when its own state does. */
const IncidentGridRow = memo(function IncidentGridRow({
  row,
  hidden,
  paneOpen,
  onOpenPane,
  columnCount,
}: IncidentGridRowProps) {
  const styles = useIncidentGridStyles();
  const selected = incidentSelection.useHas(row.id);
  const expanded = expandedIncidents.useHas(row.id);
  const merging = useIsMerging(row.id);
  const alertsId = useId();
  const place = useMemo<RowPlace>(() => ({ alertsId, hidden }), [alertsId, hidden]);
  // The cells are made once per row and read the incident from the row's context: a sort, a
  // filter or another page changes only what the cells show, not Fluent's cells themselves (each
  // one's context selectors, tabster attributes and styles), and ticking, the pane or a merge
  // restyle the row without rendering its cells again (React skips an element it was given before).
  const cells = useMemo(
    () =>
      new Map(
        COLUMNS.map(({ columnId, focusMode, render }) => [
          columnId,
          <DataGridCell
            className={cellClassName(styles, columnId)}
            focusMode={focusMode}
            key={columnId}
          >
            <CellContent render={render} />
          </DataGridCell>,
        ]),
      ),
    [styles],
  );
  return (
    <RowContext.Provider value={row}>
      <RowPlaceContext.Provider value={place}>
        <DataGridRow<Slot>
          appearance={selected && !hidden ? 'brand' : 'none'}
          aria-busy={(merging && !hidden) || undefined}
          aria-current={paneOpen || undefined}
          aria-selected={hidden ? undefined : selected}
          className={mergeClasses(
            styles.row,
            paneOpen && styles.paneRow,
            merging && styles.mergingRow,
            hidden && styles.hiddenRow,
          )}
          data-incident-id={hidden ? undefined : row.id}
          hidden={hidden}
          onClick={(event: MouseEvent<HTMLDivElement>) => {
            if (clickOpensPane(event)) onOpenPane(row.id);
          }}
        >
          {({ columnId }) => cells.get(columnId as ColumnId)}
        </DataGridRow>
      </RowPlaceContext.Provider>
      {expanded && !hidden && (
        <div className={styles.expandedRow} id={place.alertsId} role="row">
          <div aria-colspan={columnCount} className={styles.expandedCell} role="gridcell">
            <div className={styles.expandedContent}>
              <IncidentAlerts key={row.id} row={row} />
            </div>
          </div>
        </div>
      )}
    </RowContext.Provider>
  );
});

/**
 * The page's rows in places: as many places as the longest page shown so far, those past the
 * page's end hidden with the incident they last showed (so their cells stay as they were).
 */
function useSlots(rows: readonly QueueRow[]): Slot[] {
  const [held, setHeld] = useState(() => ({ rows, slots: toSlots(rows, []) }));
  if (held.rows === rows) return held.slots;
  // Adjusted while rendering (React's pattern for state derived from a prop), not in an effect.
  const slots = toSlots(rows, held.slots);
  setHeld({ rows, slots });
  return slots;
}

function toSlots(rows: readonly QueueRow[], before: readonly Slot[]): Slot[] {
  const length = Math.max(rows.length, before.length);
  return Array.from({ length }, (_, i): Slot => {
    const row = rows[i];
    if (row) return { row, hidden: false };
    const was = before[i]!;
    return was.hidden ? was : { row: was.row, hidden: true };
  });
}

/** A row's height (one line; `row` in incident-grid.styles.ts). */
const ROW_HEIGHT_PX = 44;

/**
 * The places the grid mounts. The first time it has more places than the window shows below
 * `top` (as a rule its first rows), it mounts only those, and the rest after the next frame, in a
 * transition that yields to the browser: the rows in view are painted without waiting for those
 * below them. From then on it mounts every place at once. Mounting a row of Fluent cells takes
 * ~5–10 ms here, and at start-up the queue's 50 were most of the time between the data and the
 * first rows on screen (`npm run bench`); a sort or a filter only changes what the mounted rows
 * show. Below the toolbars, a 900-pixel window shows ~14 rows, not the 21 its height holds. The
 * header row's height is left as a margin. The window is measured once, so a place already mounted
 * is never taken away. `partial`: rows are still to come (the grid says it is busy meanwhile).
 */
function useViewFirst(
  slots: Slot[],
  top: RefObject<number | undefined> | undefined,
): { slots: Slot[]; partial: boolean } {
  const [all, setAll] = useState(false);
  const [inView] = useState(() =>
    Math.max(1, Math.ceil((window.innerHeight - Math.max(0, top?.current ?? 0)) / ROW_HEIGHT_PX)),
  );
  const partial = !all && slots.length > inView;
  useEffect(() => {
    if (!partial) return;
    // After the next frame, not only after this commit: a render already under way when the
    // browser would draw can hold that frame back.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setAll(true)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [partial]);
  return { slots: partial ? slots.slice(0, inView) : slots, partial };
}

export type IncidentGridProps = {
  /** Whether the rows are being replaced (paging, a new filter). @default false */
  busy?: boolean;
  /** The incident the side pane shows, if any: its row is marked. */
  paneId?: string | null;
  /**
   * Where the grid's top is in the window when it mounts (the loading placeholder's place, read
   * then): only the rows the window shows below it are mounted first. Unknown when no placeholder
   * was shown (the page's data came with the route): counted from the window's top.
   */
  top?: RefObject<number | undefined>;
  rows: readonly QueueRow[];
  /** A click on a row, anywhere but its controls, opens the incident's side pane. */
  onOpenPane: (incidentId: string) => void;
  /** Keys pressed in the grid, after Fluent's own navigation has seen them. */
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  onKeyUp?: (event: KeyboardEvent<HTMLElement>) => void;
  sort: QueueSort;
  onSortChange: (sort: QueueSort) => void;
};

/**
 * The queue's grid: labelled checkboxes, expandable rows, server-side sortable headers; the
 * columns shown, their order and widths as "Customize columns" and resizing left them.
 */
export function IncidentGrid({
  busy = false,
  paneId = null,
  rows,
  sort,
  top,
  onKeyDown,
  onKeyUp,
  onOpenPane,
  onSortChange,
}: IncidentGridProps) {
  const styles = useIncidentGridStyles();
  const layout = useColumnLayout();
  const { setWidth } = useColumnActions();
  const columnKey = `${layout.generation}:${visibleColumns(layout).join(',')}`;
  // Widths are read when the columns change, not on every drag step (which writes them back).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const columns = useMemo(() => shownColumns(layout), [columnKey]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const sizing = useMemo(() => sizingOptions(layout.widths), [columnKey]);
  const pageIds = useMemo(() => rows.map((r) => r.id), [rows]);
  const { slots, partial } = useViewFirst(useSlots(rows), top);
  const sortState = useMemo<SortState>(
    () => ({ sortColumn: sort.field, sortDirection: sort.direction }),
    [sort.field, sort.direction],
  );

  const handleSortChange = useCallback(
    (_: unknown, next: SortState) => {
      const field = SORT_FIELDS.find((f) => f === next.sortColumn);
      if (!field) return;
      // A newly chosen column starts in its natural direction: worst/newest first, names A→Z.
      const direction: QueueSort['direction'] =
        field === sort.field ? next.sortDirection : defaultDirection(field);
      onSortChange({ field, direction });
    },
    [onSortChange, sort.field],
  );

  return (
    <DataGrid
      aria-busy={busy || partial}
      aria-label="Incidents"
      aria-multiselectable
      className={styles.grid}
      columnSizingOptions={sizing}
      columns={columns}
      focusMode="cell"
      // Rows are keyed by their place on the page (Fluent's default row id), not by incident: a
      // sort, a filter or another page gives the same 50 rows new incidents to show, instead of
      // unmounting 50 rows of controls and mounting 50 new ones. Nothing in a row keeps state of
      // its own: ticks and expansion are read from their stores by incident id.
      items={slots}
      key={columnKey}
      resizableColumns
      resizableColumnsOptions={{ autoFitColumns: false }}
      sortable
      sortState={sortState}
      onKeyDown={onKeyDown}
      onKeyUp={onKeyUp}
      onColumnResize={(_, data) => {
        if (isQueueColumnId(data.columnId)) {
          setWidth(data.columnId, data.width);
        }
      }}
      onSortChange={handleSortChange}
    >
      <DataGridHeader>
        <DataGridRow>
          {({ columnId, renderHeaderCell }, dataGrid) =>
            columnId === 'select' ? (
              <DataGridHeaderCell className={cellClassName(styles, columnId)} focusMode="none">
                <SelectPageCheckbox ids={pageIds} />
              </DataGridHeaderCell>
            ) : columnId === 'expand' || columnId === 'menu' ? (
              <DataGridHeaderCell className={cellClassName(styles, columnId)}>
                <VisuallyHidden>{columnId === 'expand' ? 'Show alerts' : 'Actions'}</VisuallyHidden>
              </DataGridHeaderCell>
            ) : (
              <ColumnHeaderCell
                className={cellClassName(styles, columnId)}
                columnId={columnId as ColumnId}
                dataGrid={dataGrid}
              >
                {renderHeaderCell()}
              </ColumnHeaderCell>
            )
          }
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<Slot>>
        {({ item }) => (
          <IncidentGridRow
            columnCount={columns.length}
            hidden={item.hidden}
            paneOpen={!item.hidden && item.row.id === paneId}
            row={item.row}
            onOpenPane={onOpenPane}
          />
        )}
      </DataGridBody>
    </DataGrid>
  );
}
