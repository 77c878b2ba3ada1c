import {
  makeStyles,
  Menu,
  MenuButton,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
} from '@fluentui/react-components';
import { memo, useCallback } from 'react';
import { pageKeepingFirstRow, PAGE_SIZES, type PageSize } from '../page-size';
import { useColumnLayout, visibleColumns } from '../queue-columns-store';
import { queueViewKeyButSort, type QueueState } from '../queue-state';
import type { QueueStateUpdate } from '../use-queue-state';
import { ColumnChooser } from './column-chooser';
import type { ExportRequest } from '../export-csv';
import { ExportButton } from './export-button';
import { FiltersPaneButton } from './filters-pane';
import { SavedFilters } from './saved-filters';
import { TimeRangePicker } from './time-range-picker';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  spacer: { flexGrow: 1 },
});

/** "50 per page": 30, 50 or 100; the first incident shown stays on the page shown. */
function PageSizeMenu({ state, update }: { state: QueueState; update: QueueStateUpdate }) {
  const label = `${state.pageSize} per page`;
  return (
    <Menu
      checkedValues={{ size: [String(state.pageSize)] }}
      onCheckedValueChange={(_, data) => {
        const size = PAGE_SIZES.find((s) => String(s) === data.checkedItems[0]);
        if (size === undefined || size === state.pageSize) return;
        update({
          pageSize: size,
          page: pageKeepingFirstRow(state.page, state.pageSize, size),
        });
      }}
    >
      <MenuTrigger disableButtonEnhancement>
        <MenuButton aria-label={`Page size: ${label}`}>{label}</MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList aria-label="Page size">
          {PAGE_SIZES.map((size: PageSize) => (
            <MenuItemRadio key={size} name="size" value={String(size)}>
              {size} per page
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

export type QueueToolsProps = {
  state: QueueState;
  update: QueueStateUpdate;
  /** Incidents in the view; undefined until the queue has counted them. */
  total: number | undefined;
  /** The export's first request (built when it starts). */
  exportParams: () => ExportRequest;
};

/**
 * The queue's tools: Filters, time range, saved filter sets, columns, page size, Export. None
 * shows the sort: they render again on a sort only if the page (for the page size) changes.
 */
export const QueueTools = memo(
  QueueToolsView,
  (a, b) =>
    a.update === b.update &&
    a.total === b.total &&
    a.exportParams === b.exportParams &&
    a.state.page === b.state.page &&
    queueViewKeyButSort(a.state) === queueViewKeyButSort(b.state),
);

function QueueToolsView({ state, update, total, exportParams }: QueueToolsProps) {
  const styles = useStyles();
  const layout = useColumnLayout();
  const onTimeRange = useCallback(
    (timeRange: QueueState['timeRange']) => update({ timeRange }),
    [update],
  );
  return (
    <div aria-label="Queue tools" className={styles.root} role="group">
      <FiltersPaneButton state={state} update={update} />
      <TimeRangePicker value={state.timeRange} onChange={onTimeRange} />
      <SavedFilters state={state} update={update} />
      <div className={styles.spacer} />
      <ColumnChooser />
      <PageSizeMenu state={state} update={update} />
      <ExportButton columns={visibleColumns(layout)} params={exportParams} total={total} />
    </div>
  );
}
