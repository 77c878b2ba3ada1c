import { Button, Tooltip } from '@fluentui/react-components';
import {
  ChevronDoubleLeftRegular,
  ChevronDoubleRightRegular,
  ChevronLeftRegular,
  ChevronRightRegular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useQueuePaginationStyles } from './queue-pagination.styles';

const numberFormat = new Intl.NumberFormat();

export type QueuePaginationProps = {
  page: number;
  pageCount: number;
  pageSize: number;
  /** Rows on this page. */
  shown: number;
  total: number;
  onPageChange: (page: number) => void;
};

function PageButton({
  disabled,
  icon,
  label,
  onClick,
}: {
  disabled: boolean;
  icon: ReactElement;
  label: string;
  onClick: () => void;
}) {
  return (
    <Tooltip content={label} relationship="label">
      <Button
        appearance="subtle"
        disabledFocusable={disabled}
        icon={icon}
        onClick={disabled ? undefined : onClick}
      />
    </Tooltip>
  );
}

/** Server pages of the queue: which rows are shown of how many, and buttons to move between pages. */
export function QueuePagination({
  page,
  pageCount,
  pageSize,
  shown,
  total,
  onPageChange,
}: QueuePaginationProps) {
  const styles = useQueuePaginationStyles();
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = total === 0 ? 0 : first + shown - 1;
  return (
    <nav aria-label="Pages of incidents" className={styles.root}>
      <span className={styles.range}>
        Showing {numberFormat.format(first)}–{numberFormat.format(last)} of{' '}
        {numberFormat.format(total)}
      </span>
      <div className={styles.buttons}>
        <PageButton
          disabled={page <= 1}
          icon={<ChevronDoubleLeftRegular />}
          label="First page"
          onClick={() => onPageChange(1)}
        />
        <PageButton
          disabled={page <= 1}
          icon={<ChevronLeftRegular />}
          label="Previous page"
          onClick={() => onPageChange(page - 1)}
        />
        <span aria-current="page" className={styles.page}>
          Page {numberFormat.format(page)} of {numberFormat.format(Math.max(pageCount, 1))}
        </span>
        <PageButton
          disabled={page >= pageCount}
          icon={<ChevronRightRegular />}
          label="Next page"
          onClick={() => onPageChange(page + 1)}
        />
        <PageButton
          disabled={page >= pageCount}
          icon={<ChevronDoubleRightRegular />}
          label="Last page"
          onClick={() => onPageChange(pageCount)}
        />
      </div>
    </nav>
  );
}
